import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Poll, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { SessionGate } from "../session/SessionGate";
import { Header } from "../ui/Header";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { EmptyState, Refusal } from "../ui/States";
import { Listen, pollSpeech } from "../ui/Listen";
import { barLabels } from "../ui/Results";

/** How long the thanks stay before the page is ready for the next person. */
const THANKS_MS = 4000;

/** The kinds a shared device takes, one tap each: a choice, several choices, a rating. */
const kioskKinds = new Set(["single", "multiple", "rating"]);

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
  return (
    <>
      <Header title={s.title}><ConnectionBadge status={session.status.value} /></Header>
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

function KioskBallot({ poll, s, session, onDone }: { poll: Poll; s: Snapshot; session: LiveSession; onDone: () => void }) {
  const [choices, setChoices] = useState<number[]>([]);
  const [run, state] = useAction();
  const labels = barLabels(poll);
  const single = poll.kind !== "multiple";
  const send = (picked: number[]) => run(async () => {
    const ballot = poll.kind === "rating" ? { rating: picked[0] + 1 } : { choices: picked };
    const r = await session.call("KioskVote", { pollId: poll.id, ...ballot });
    if (r.ok) onDone();
    return r;
  });
  const pick = (i: number) => {
    if (single) void send([i]);
    else setChoices(choices.includes(i) ? choices.filter((c) => c !== i) : [...choices, i]);
  };
  return (
    <section class="kiosk-ballot" data-poll={poll.id} aria-labelledby="kiosk-question">
      <h2 id="kiosk-question">{poll.question}</h2>
      <Listen text={pollSpeech(poll.question, labels)} lang={s.language ?? "fr"} />
      {!single && <p class="note">{t("ballot.severalChoices")}</p>}
      <ul class="kiosk-options" role="list">
        {labels.map((label, i) => (
          <li key={i}>
            <button type="button" class="btn kiosk-option" aria-pressed={single ? undefined : choices.includes(i)} disabled={state.pending} onClick={() => pick(i)}>{label}</button>
          </li>
        ))}
      </ul>
      {!single && <button type="button" class="btn primary wide" disabled={state.pending || choices.length === 0} onClick={() => void send(choices)}>{t("ballot.vote")}</button>}
      <Refusal message={state.error} />
    </section>
  );
}
