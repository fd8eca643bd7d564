import type { LiveSession } from "../session/live";
import { isOpen, type Question, type Snapshot } from "../lib/protocol";
import { formatNumber, t, tn } from "../lib/i18n";
import { speakerText } from "../lib/views";
import { order } from "../lib/queue";
import { useAction } from "../session/action";
import { ModeLabel } from "../ui/Mode";
import { PinIcon } from "../ui/Icons";
import { EmptyState, Refusal } from "../ui/States";
import { AnnounceForm } from "./AnnounceForm";

/** The right of Animer: the top questions and the raised hands, each with one-click actions. */
export function RoomSide({ s, session }: { s: Snapshot; session: LiveSession }) {
  const questions = order(s.questions.filter(isOpen), "votes");
  const pending = s.questions.filter((q) => q.status === "pending").length;
  const hands = s.hands ?? [];
  const [run, state] = useAction();
  return (
    <aside class="column room" aria-label={t("facilitator.room")}>
      <section aria-labelledby="questions-heading" class="room-questions">
        <h2 id="questions-heading">{t("common.questions")} <span class="count">{questions.length}</span></h2>
        {pending > 0 && <p class="meta">{tn("facilitator.pendingQuestions", pending)}</p>}
        {questions.length === 0
          ? <EmptyState title={t("common.noQuestionsYet")}>{t("facilitator.questionsHint")}</EmptyState>
          : <ol id="questions" class="stack">{questions.slice(0, 8).map((q) => <QuestionRow key={q.id} q={q} session={session} />)}</ol>}
        {questions.length > 8 && <p class="meta">{tn("facilitator.moreQuestions", questions.length - 8)}</p>}
      </section>
      <section aria-labelledby="hands-heading" class="room-hands">
        <h2 id="hands-heading">{t("facilitator.hands")} <span class="count">{hands.length}</span></h2>
        {s.speaker && <p class="meta">{speakerText(s.speaker)}</p>}
        {hands.length === 0
          ? <EmptyState title={t("facilitator.noHands")} />
          : <ol class="stack hands">{hands.map((h) => <li key={h.participantId} class="card"><span>{h.name ?? t("common.someone")}</span> <ModeLabel mode={h.mode} /></li>)}</ol>}
        {hands.length > 0 && <button type="button" class="btn small" disabled={state.pending} onClick={() => run(() => session.call("CallNextSpeaker"))}>{t("facilitator.callNext")}</button>}
        <Refusal message={state.error} />
      </section>
      <AnnounceForm s={s} session={session} />
    </aside>
  );
}

function QuestionRow({ q, session }: { q: Question; session: LiveSession }) {
  const [run, state] = useAction();
  return (
    <li class={`card question ${q.status}`} data-question={q.id}>
      <p class="votes"><span aria-hidden="true">▲ {formatNumber(q.votes)}</span><span class="sr-only">{tn("common.votes", q.votes)}</span></p>
      <div class="q-body">
        <p class="text">{q.text}</p>
        <p class="meta">{q.authorName ?? t("common.anonymous")} · <ModeLabel mode={q.mode} /></p>
        <Refusal message={state.error} />
      </div>
      {q.status === "pinned"
        ? <button type="button" class="btn small pinned" disabled={state.pending} onClick={() => run(() => session.call("UnpinQuestion", { questionId: q.id }))} aria-label={t("facilitator.unpinQuestion", { text: q.text })}><PinIcon /></button>
        : <button type="button" class="btn small quiet" disabled={state.pending} onClick={() => run(() => session.call("PinQuestion", { questionId: q.id }))} aria-label={t("facilitator.pinQuestion", { text: q.text })}><PinIcon /></button>}
    </li>
  );
}
