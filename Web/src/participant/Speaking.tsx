import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { speakerText } from "../lib/views";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";

/** Your turn to speak, or who has the floor; muted participants are told why they cannot post. */
export function Speaking({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const me = s.me;
  return (
    <>
      {me?.speaking && (
        <div class="your-turn" role="alert">
          <p id="your-turn">{t("participant.yourTurn")}</p>
          <button type="button" id="end-turn" class="btn primary" disabled={state.pending} onClick={() => run(() => session.call("EndSpeaking"))}>{t("participant.endTurn")}</button>
        </div>
      )}
      {!me?.speaking && s.speaker && <p id="speaker" class="meta" aria-live="polite">{speakerText(s.speaker)}</p>}
      {me?.muted && <p id="muted" class="note">{t("participant.muted")}</p>}
    </>
  );
}
