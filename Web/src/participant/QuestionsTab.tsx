import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Question, Snapshot } from "../lib/protocol";
import { isOpen, isPublic } from "../lib/protocol";
import { order } from "../lib/queue";
import { t, tn } from "../lib/i18n";
import { useAction } from "../session/action";
import { ModeLabel } from "../ui/Mode";
import { Listen } from "../ui/Listen";
import { Confirmation, EmptyState, Refusal } from "../ui/States";

/** Ask (one primary action), raise a hand, and the questions: pinned first, then by votes. */
export function QuestionsTab({ s, session, ask = true }: { s: Snapshot; session: LiveSession; ask?: boolean }) {
  const questions = order(s.questions.filter(isOpen), "votes")
    .sort((a, b) => Number(b.status === "pinned") - Number(a.status === "pinned"));
  const mine = s.questions.filter((q) => q.mine && !isPublic(q.status));
  const answered = s.questions.filter((q) => q.status === "answered");
  return (
    <div class="questions-tab">
      {ask && s.state !== "ended" && (s.questionsPaused
        ? <p class="note paused" id="questions-paused" role="status">{t("participant.questionsPaused")}</p>
        : <AskForm s={s} session={session} />)}
      {mine.length > 0 && <ul id="my-pending" class="stack" aria-label={t("participant.myPending")}>{mine.map((q) => <QuestionItem key={q.id} q={q} session={session} />)}</ul>}
      {questions.length === 0
        ? <EmptyState title={t("common.noQuestionsYet")}>{t("participant.beFirst")}</EmptyState>
        : <ol id="questions" class="stack">{questions.map((q) => <QuestionItem key={q.id} q={q} session={session} />)}</ol>}
      {answered.length > 0 && (
        <section aria-labelledby="answered-heading">
          <h2 id="answered-heading">{t("participant.answeredHeading")}</h2>
          <ul id="answered" class="stack">{answered.map((q) => <QuestionItem key={q.id} q={q} session={session} />)}</ul>
        </section>
      )}
      <Hand s={s} session={session} />
    </div>
  );
}

export function AskForm({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [text, setText] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [run, state] = useAction();
  const [sent, setSent] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSent(null);
    const asked = await run(async () => {
      const r = await session.call<{ questionId: string }>("AskQuestion", { text, anonymous });
      if (r.ok) session.connection.store.claimQuestion(r.value.questionId);
      return r;
    });
    if (asked) {
      setText("");
      setSent(t(s.preModeration ? "participant.questionSentForReview" : "participant.questionSent"));
    }
  };
  return (
    <form id="ask-form" class="ask" onSubmit={submit}>
      <div class="field">
        <label for="question-text">{t("participant.questionLabel")}</label>
        {s.preModeration && <p class="hint" id="premoderation-note">{t("participant.premoderationNote")}</p>}
        <textarea id="question-text" name="text" maxLength={500} required rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <label class="choice"><input type="checkbox" id="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} /> {t("participant.askAnonymously")}</label>
      <button type="submit" class="btn primary wide" disabled={state.pending}>{t("common.send")}</button>
      <Refusal message={state.error} />
      <Confirmation message={sent} />
    </form>
  );
}

/** One question; the upvote's accessible name starts with its visible count (WCAG 2.5.3). */
export function QuestionItem({ q, session }: { q: Question; session: LiveSession }) {
  const [run, state] = useAction();
  const canVote = isOpen(q);
  const toggle = () => run(async () => {
    const upvoted = !q.upvoted;
    const r = await session.call(upvoted ? "Upvote" : "RemoveUpvote", { questionId: q.id });
    // The broadcast carries counts, not who upvoted: this screen remembers its own mark.
    if (r.ok) session.connection.store.markQuestion(q.id, { upvoted });
    return r;
  });
  return (
    <li class={`card question ${q.status}`} data-question={q.id}>
      {q.status === "pinned" && <p class="badge">{t("common.inDiscussion")}</p>}
      <p class="text">{q.text}</p>
      <Listen text={q.text} lang={session.snapshot.value?.language ?? "fr"} />
      <p class="meta">{q.onBehalf ? t("onBehalf.someone") : q.authorName ?? t("common.anonymous")} · <ModeLabel mode={q.mode} />
        {q.mine && ` · ${t("participant.yourQuestion")}`}{q.edited && ` · ${t("participant.editedByModeration")}`}</p>
      {q.reply && <div class="reply"><p class="meta">{t("participant.reply")}</p><p>{q.reply}</p></div>}
      {q.status === "pending" && <p class="note">{t("participant.awaitingReview")}</p>}
      {q.status === "rejected" && <p class="note">{q.rejectReason ? t("participant.rejectedBecause", { reason: q.rejectReason }) : t("participant.rejected")}</p>}
      {canVote && (
        <button type="button" class={q.upvoted ? "btn small upvote upvoted" : "btn small quiet upvote"} aria-pressed={q.upvoted ? "true" : "false"} disabled={state.pending} onClick={toggle}>
          ▲ {tn("common.votes", q.votes)}<span class="sr-only"> · {t(q.upvoted ? "participant.removeVote" : "participant.voteFor", { question: q.text })}</span>
        </button>
      )}
      <Refusal message={state.error} />
    </li>
  );
}

function Hand({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const me = s.me;
  if (!me || me.speaking || s.state === "ended") return null;
  return (
    <div class="hand">
      <button type="button" id="hand" class={me.handRaised ? "btn wide primary" : "btn wide"} disabled={state.pending || me.muted}
        onClick={() => run(() => session.call(me.handRaised ? "LowerHand" : "RaiseHand"))}>
        {t(me.handRaised ? "participant.lowerHand" : "participant.raiseHand")}
      </button>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? t(me.handRaised ? "participant.handRaised" : "participant.handLowered") : null} />
    </div>
  );
}
