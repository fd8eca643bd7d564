import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { speakerText } from "../lib/views";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { ModeLabel } from "../ui/Mode";
import { EmptyState, Refusal } from "../ui/States";

/** The raised hands from both rooms, in order, and the floor. */
export function SpeakingQueue({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const hands = s.hands ?? [];
  return (
    <section aria-labelledby="hands-heading" class="speaking">
      <h2 id="hands-heading">{t("moderator.handsHeading")} <span class="count">{hands.length}</span></h2>
      <p id="speaker" class="meta" aria-live="polite">{s.speaker
        ? speakerText(s.speaker)
        : t("moderator.nobodySpeaking")}</p>
      <div class="row">
        <Button id="call-next" kind="primary" pending={state.pending} disabled={hands.length === 0} onClick={() => run(() => session.call("CallNextSpeaker"))}>{t("moderator.callNext")}</Button>
        {s.speaker && <Button id="end-speaking" pending={state.pending} onClick={() => run(() => session.call("EndSpeaking"))}>{t("moderator.endSpeaking")}</Button>}
      </div>
      <Refusal message={state.error} />
      {hands.length === 0 ? <EmptyState title={t("moderator.noHands")} /> : (
        <ol id="hands" class="stack">
          {hands.map((h, i) => (
            <li key={h.participantId} class="card hand">
              <span>{i + 1}. {h.name ?? t("moderator.anonymousParticipant")} · <ModeLabel mode={h.mode} /></span>
              <Button small pending={state.pending} onClick={() => run(() => session.call("CallSpeaker", { participantId: h.participantId }))}>{t("moderator.giveFloor")}</Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
