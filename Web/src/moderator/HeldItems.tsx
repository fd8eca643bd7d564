import type { LiveSession } from "../session/live";
import type { Poll, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { ModeLabel } from "../ui/Mode";
import { Refusal } from "../ui/States";

/**
 * What waits for the staff in one poll: open-text answers (every answer waits for approval;
 * those the language filter flagged say so) and word-cloud words the filter held back. The
 * server keeps them from everyone else until approved; this lists what its staff results carry.
 */
export function HeldItems({ poll, session }: { poll: Poll; session: LiveSession }) {
  const [run, state] = useAction();
  const r = poll.results;
  if (!r) return null;
  if (poll.kind === "openText") {
    const answers = r.answers ?? [];
    if (answers.length === 0) return null;
    return (
      <section class="held" aria-label={t("held.answers")} data-held={poll.id}>
        <h3>{t("held.answers")}</h3>
        <ul class="stack">
          {answers.map((a) => (
            <li key={a.id} class={`card held-item ${a.status}`} data-answer={a.id}>
              <p>{a.text}</p>
              <p class="meta"><ModeLabel mode={a.mode} /> · {t(`held.status.${a.status}`)}{a.flagged && ` · ${t("moderator.flagged")}`}</p>
              <div class="row">
                {a.status !== "visible" && <Button small pending={state.pending} onClick={() => run(() => session.call("ApproveAnswer", { pollId: poll.id, answerId: a.id }))}>{t("held.show")}</Button>}
                {a.status !== "hidden" && <Button small kind="quiet" pending={state.pending} onClick={() => run(() => session.call("HideAnswer", { pollId: poll.id, answerId: a.id }))}>{t("common.hide")}</Button>}
              </div>
            </li>
          ))}
        </ul>
        <Refusal message={state.error} />
      </section>
    );
  }
  if (poll.kind === "wordCloud") {
    const held = (r.words ?? []).filter((w) => w.flagged);
    if (held.length === 0) return null;
    return (
      <section class="held" aria-label={t("held.words")} data-held={poll.id}>
        <h3>{t("held.words")}</h3>
        <ul class="stack">
          {held.map((w) => (
            <li key={w.word} class="row held-item" data-word={w.word}>
              <span><strong>{w.word}</strong> ({w.count})</span>
              <Button small pending={state.pending} onClick={() => run(() => session.call("ModerateWord", { pollId: poll.id, word: w.word, approve: true }))}>{t("held.show")}</Button>
            </li>
          ))}
        </ul>
        <Refusal message={state.error} />
      </section>
    );
  }
  return null;
}

/** The polls with something waiting for the staff, for the moderator's console. */
export function pollsWithHeldItems(s: Snapshot): Poll[] {
  return s.polls.filter((p) => p.state !== "draft" && (
    (p.kind === "openText" && (p.results?.answers ?? []).some((a) => a.status === "pending"))
    || (p.kind === "wordCloud" && (p.results?.words ?? []).some((w) => w.flagged))));
}
