import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { pollKindLabel, pollStateLabel } from "../lib/views";
import { useAction } from "../session/action";
import { Refusal } from "../ui/States";
import { activities, focusIndex, screenOf } from "./commands";
import { QuickPoll } from "./QuickPoll";

/** The activities in order, the focus highlighted and the next one marked; a click focuses one. */
export function Agenda({ s, session }: { s: Snapshot; session: LiveSession }) {
  const list = activities(s);
  const focus = focusIndex(s);
  const [run, state] = useAction();
  const [adding, setAdding] = useState(false);
  return (
    <section class="column agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("facilitator.agenda")}</h2>
      <ol class="activities">
        {list.map((a, i) => {
          const poll = a.kind === "poll" ? s.polls.find((p) => p.id === a.pollId) : undefined;
          const opinion = a.kind === "opinion" ? s.opinions?.find((o) => o.id === a.opinionId) : undefined;
          const label = poll ? poll.question : opinion ? opinion.topic : t("facilitator.questionsActivity");
          const detail = poll ? `${pollKindLabel(poll.kind)} · ${pollStateLabel(poll.state)}`
            : opinion ? `${t("opinion.kicker")} · ${t(`opinion.state.${opinion.state}`)}` : t("facilitator.questionsDetail");
          const id = poll?.id ?? opinion?.id ?? "questions";
          return (
            <li key={id} class={i === focus ? "focus" : i === focus + 1 && focus >= 0 ? "next" : undefined}>
              <button type="button" class="activity" aria-current={i === focus ? "step" : undefined} data-activity={id}
                onClick={() => run(() => session.call("SetScreen", screenOf(a)))}>
                <span class="n" aria-hidden="true">{i + 1}</span>
                <span class="what"><span class="label">{label}</span><span class="meta">{detail}</span></span>
                {i === focus && <span class="tag">{t("facilitator.onScreen")}</span>}
                {i === focus + 1 && focus >= 0 && <span class="tag next">{t("facilitator.next")}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <Refusal message={state.error} />
      {adding
        ? <QuickPoll session={session} onDone={(pollId) => { setAdding(false); if (pollId) void session.call("SetScreen", { view: "activity", pollId }); }} />
        : <button type="button" class="btn quiet wide" onClick={() => setAdding(true)}>{t("facilitator.addPoll")}</button>}
    </section>
  );
}
