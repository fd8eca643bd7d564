import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import { t, tn } from "../lib/i18n";

/**
 * Screen readers hear what changed without being flooded: new questions and opened polls are
 * gathered and announced in one sentence at most every four seconds.
 */
export function Announcer({ session }: { session: LiveSession }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const pending = { questions: 0, polls: [] as string[] };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const mine = (id: string) => session.connection.store.snapshot?.questions.some((q) => q.id === id && q.mine) ?? false;
    const stop = session.connection.store.onChange((events) => {
      for (const e of events) {
        if (e.type === "questionAsked" && !mine(e.question.id)) pending.questions++;
        if (e.type === "pollUpdated" && e.poll.state === "open" && !pending.polls.includes(e.poll.question)) pending.polls.push(e.poll.question);
      }
      if (timer || (pending.questions === 0 && pending.polls.length === 0)) return;
      timer = setTimeout(() => {
        setText([...pending.polls.map((q) => t("participant.pollOpened", { question: q })),
          pending.questions > 0 ? tn("participant.newQuestions", pending.questions) : ""].filter(Boolean).join(". "));
        pending.questions = 0;
        pending.polls = [];
        timer = null;
      }, 4000);
    });
    return () => { stop(); if (timer) clearTimeout(timer); };
  }, [session]);
  return <p id="announcer" class="sr-only" aria-live="polite">{text}</p>;
}
