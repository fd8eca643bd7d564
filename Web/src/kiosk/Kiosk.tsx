import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Poll, Snapshot } from "../lib/protocol";
import { languageVersion, t } from "../lib/i18n";
import { useAction } from "../session/action";
import { SessionGate } from "../session/SessionGate";
import { Header } from "../ui/Header";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { EmptyState, Refusal } from "../ui/States";
import { TapBallot, tapKinds, tapVote } from "../ui/TapBallot";
import { RankingBallot } from "../participant/ballots/RankingBallot";
import { PointsBallot } from "../participant/ballots/PointsBallot";
import { EasyReadSwitch } from "../ui/EasyReadSwitch";
import { followSessionDefault } from "../lib/easyRead";

/** How long the thanks stay before the page is ready for the next person. */
const THANKS_MS = 4000;

/** The poll the kiosk offers: the one in focus if it is open, else the open poll the staff opened last. */
export function kioskPoll(s: Snapshot): Poll | undefined {
  const focus = s.screen?.view === "activity" ? s.polls.find((p) => p.id === s.screen?.pollId && p.state === "open") : undefined;
  return focus ?? [...s.polls].reverse().find((p) => p.state === "open");
}

/**
 * A shared device at the entrance or passed around the room: each person answers the current poll,
 * the page thanks them and resets for the next one. Each turn is one anonymous on-site ballot,
 * counted per kiosk by the server; the last turn can be undone.
 */
export function Kiosk({ session, hasKey }: { session: LiveSession; hasKey: boolean }) {
  return <SessionGate session={session} missingKey={hasKey ? undefined : t("kiosk.incompleteLink")}>{(s) => <KioskScreen s={s} session={session} />}</SessionGate>;
}

function KioskScreen({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [thanks, setThanks] = useState(false);
  const [turns, setTurns] = useState(0);
  const [undo, undoState] = useAction();
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);
  const poll = kioskPoll(s);
  useEffect(() => followSessionDefault(s.easyRead), [s.easyRead]);
  // Drawn again when the texts change (easy-read on or off).
  void languageVersion.value;
  return (
    <>
      <Header title={s.title}><ConnectionBadge status={session.status.value} /><EasyReadSwitch /></Header>
      <main class="kiosk" id="kiosk">
        {thanks
          ? <section class="kiosk-thanks" role="status">
              <p class="kiosk-big">{t("kiosk.thanks")}</p>
              <p>{t("kiosk.next")}</p>
              <button type="button" class="btn primary wide" onClick={() => setThanks(false)}>{t("kiosk.nextPerson")}</button>
            </section>
          : poll && kioskKinds.has(poll.kind)
            ? <KioskBallot key={`${poll.id}:${turns}`} poll={poll} s={s} session={session} onDone={() => { setTurns(turns + 1); setThanks(true); }} />
            : <EmptyState title={poll ? t("kiosk.onPhones") : t("kiosk.noPoll")}>{t("kiosk.waitHint")}</EmptyState>}
        {turns > 0 && (
          <p class="kiosk-undo">
            <button type="button" class="btn quiet small" disabled={undoState.pending}
              onClick={() => void undo(async () => { const r = await session.call("UndoKioskTurn"); if (r.ok) { setTurns(turns - 1); setThanks(false); } return r; })}>{t("kiosk.undo")}</button>
          </p>
        )}
        <Refusal message={undoState.error} />
      </main>
    </>
  );
}

/** The kinds a shared device takes: one tap (a choice, several, a rating), or an order, or points to share. */
const kioskKinds = new Set([...tapKinds, "ranking", "points"]);

/** One person's turn: a new anonymous on-site ballot (KioskVote), never a change of an earlier one. */
function KioskBallot({ poll, s, session, onDone }: { poll: Poll; s: Snapshot; session: LiveSession; onDone: () => void }) {
  const turn = async (ballot: object) => {
    const r = await session.call("KioskVote", { pollId: poll.id, ...ballot });
    if (r.ok) onDone();
    return r;
  };
  if (poll.kind === "ranking") return <div class="card kiosk-form"><RankingBallot poll={poll} session={session} send={(order) => turn({ order })} /></div>;
  if (poll.kind === "points") return <div class="card kiosk-form"><PointsBallot poll={poll} session={session} send={(points) => turn({ points })} /></div>;
  return <TapBallot poll={poll} lang={s.language ?? "fr"} headingId="kiosk-question" onSend={(picked) => turn(tapVote(poll, picked))} />;
}
