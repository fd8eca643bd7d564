import type { LiveSession } from "../session/live";
import type { Screen, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { Agenda } from "./Agenda";
import { Focus } from "./Focus";
import { RoomSide } from "./RoomSide";

/**
 * Animer: fits a 1366×768 laptop with no page scroll. Left the agenda, centre the focus with its
 * switches, right the top questions and raised hands. Columns scroll inside when they must.
 */
export function Animer({ s, session, keyError, onHelp, previous }: {
  s: Snapshot; session: LiveSession; keyError: string | null; onHelp: () => void; previous: Screen | null;
}) {
  return (
    <main class="animer" aria-label={t("facilitator.run")}>
      <Agenda s={s} session={session} />
      <Focus s={s} session={session} keyError={keyError} onHelp={onHelp} previous={previous} />
      <RoomSide s={s} session={session} />
    </main>
  );
}
