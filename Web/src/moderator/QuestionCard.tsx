import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Question, Snapshot } from "../lib/protocol";
import { t, tn } from "../lib/i18n";
import { statusLabel } from "../lib/views";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { ModeLabel } from "../ui/Mode";
import { Confirmation, Refusal } from "../ui/States";
import { moderatorCallFor } from "./keys";

/** One question in the queue: its actions as buttons with their keys, which also work when the card has the focus. */
export function QuestionCard({ q, s, session, others }: { q: Question; s: Snapshot; session: LiveSession; others: Question[] }) {
  const [run, state] = useAction();
  const muted = q.authorId !== undefined && (s.mutedParticipants ?? []).includes(q.authorId);
  const act = (key: string) => {
    const call = moderatorCallFor(key, q);
    if (call) void run(() => session.call(call.method, call.payload));
    return call !== null;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const cards = [...document.querySelectorAll<HTMLElement>("#questions > li")];
      cards[cards.indexOf(e.currentTarget as HTMLElement) + (e.key === "ArrowDown" ? 1 : -1)]?.focus();
      return;
    }
    if (act(e.key)) e.preventDefault();
  };
  const button = (key: string, label: string) => moderatorCallFor(key, q) && (
    <Button small kind={key === "h" ? "quiet" : undefined} shortcut={key.toUpperCase()} pending={state.pending} onClick={() => act(key)}>{label}</Button>
  );
  return (
    <li class={`card question ${q.status}`} data-question={q.id} tabIndex={0} onKeyDown={onKey}>
      <p class="text">{q.text}</p>
      <p class="meta">{statusLabel(q.status)} · {tn("common.votes", q.votes)} · {q.authorName ?? t("common.anonymous")} · <ModeLabel mode={q.mode} />
        {q.onBehalf && ` · ${t("onBehalf.badge")}`}{q.edited && ` · ${t("moderator.edited")}`}{muted && ` · ${t("moderator.authorSuspended")}`}</p>
      {q.rejectReason && <p class="note">{t("moderator.reason", { reason: q.rejectReason })}</p>}
      {q.flagged && <p class="badge flagged">{t("moderator.flagged")}</p>}
      {q.reply && <div class="reply"><p class="meta">{t("participant.reply")}</p><p>{q.reply}</p></div>}
      <Similar q={q} s={s} session={session} />
      <div class="row actions">
        {button("a", t(q.status === "pending" ? "moderator.approve" : "moderator.restore"))}
        {button("p", t(q.status === "pinned" ? "moderator.unpin" : "moderator.pin"))}
        {button("d", t("moderator.markAnswered"))}
        {button("h", t("common.hide"))}
        {q.status === "pinned" && (s.screen?.view === "pinned"
          ? <span class="badge">{t("facilitator.onScreen")}</span>
          : <Button small pending={state.pending} onClick={() => run(() => session.call("SetScreen", { view: "pinned" }))}>{t("moderator.showOnScreen")}</Button>)}
      </div>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? t("moderator.done") : null} />
      <MoreActions q={q} session={session} others={others} muted={muted} />
    </li>
  );
}

/**
 * The server's duplicate suggestions for this question (`similarTo`, staff only): each one with
 * its text and a one-action merge of this question into it (its votes and author follow).
 */
function Similar({ q, s, session }: { q: Question; s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const similar = (q.similarTo ?? []).map((id) => s.questions.find((o) => o.id === id)).filter((o): o is Question => !!o && o.status !== "merged");
  if (similar.length === 0 || q.status === "merged") return null;
  return (
    <div class="similar" data-similar={similar.map((o) => o.id).join(" ")}>
      <p class="meta">{t("moderator.similar")}</p>
      <ul class="stack">
        {similar.map((o, i) => (
          <li key={o.id} class="row">
            <span class="similar-text">« {o.text} »</span>
            <Button small pending={state.pending} data-merge-into={o.id} shortcut={i === 0 && q.similarTo?.[0] === o.id ? "M" : undefined}
              onClick={() => run(() => session.call("MergeQuestions", { questionId: q.id, intoQuestionId: o.id }))}>{t("moderator.mergeHere")}</Button>
          </li>
        ))}
      </ul>
      <Refusal message={state.error} />
    </div>
  );
}

function MoreActions({ q, session, others, muted }: { q: Question; session: LiveSession; others: Question[]; muted: boolean }) {
  const [text, setText] = useState(q.text);
  const [reason, setReason] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [reply, setReply] = useState(q.reply ?? "");
  useEffect(() => setReply(q.reply ?? ""), [q.reply]);
  // Another moderator's edit shows here too; the merge target falls back when its question goes.
  useEffect(() => setText(q.text), [q.text]);
  const into = others.some((o) => o.id === chosen) ? chosen! : others[0]?.id ?? "";
  const [run, state] = useAction();
  const form = (e: Event, method: string, payload: object) => { e.preventDefault(); void run(() => session.call(method, payload)); };
  return (
    <details>
      <summary>{t("moderator.moreActions")}</summary>
      {q.status !== "pending" && q.status !== "rejected" && (
        <form class="inline-form" onSubmit={(e) => form(e, "ReplyToQuestion", { questionId: q.id, text: reply.trim() })}>
          <label for={`reply-${q.id}`}>{t("moderator.replyLabel")}</label>
          <textarea id={`reply-${q.id}`} rows={2} maxLength={500} required value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
          <button type="submit" class="btn small">{t("moderator.sendReply")}</button>
        </form>
      )}
      <form class="inline-form" onSubmit={(e) => form(e, "EditQuestion", { questionId: q.id, text: text.trim() })}>
        <label for={`edit-${q.id}`}>{t("moderator.editText")}</label>
        <textarea id={`edit-${q.id}`} rows={2} maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="btn small">{t("common.save")}</button>
      </form>
      {q.status === "pending" && (
        <form class="inline-form" onSubmit={(e) => form(e, "RejectQuestion", { questionId: q.id, reason: reason.trim() || undefined })}>
          <label for={`reject-${q.id}`}>{t("moderator.rejectReason")}</label>
          <input id={`reject-${q.id}`} maxLength={200} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          <button type="submit" class="btn small">{t("moderator.reject")}</button>
        </form>
      )}
      {others.length > 0 && (
        <form class="inline-form" onSubmit={(e) => form(e, "MergeQuestions", { questionId: q.id, intoQuestionId: into })}>
          <label for={`merge-${q.id}`}>{t("moderator.mergeInto")}</label>
          <select id={`merge-${q.id}`} value={into} onChange={(e) => setChosen(e.currentTarget.value)}>
            {others.map((o) => <option key={o.id} value={o.id}>{o.text.length > 60 ? `${o.text.slice(0, 60)}…` : o.text}</option>)}
          </select>
          <button type="submit" class="btn small">{t("moderator.merge")}</button>
        </form>
      )}
      {q.authorId && (
        <button type="button" class="btn small quiet" onClick={() => run(() => session.call(muted ? "UnmuteParticipant" : "MuteParticipant", { participantId: q.authorId }))}>
          {t(muted ? "moderator.unmuteAuthor" : "moderator.muteAuthor")}
        </button>
      )}
      <Refusal message={state.error} />
    </details>
  );
}
