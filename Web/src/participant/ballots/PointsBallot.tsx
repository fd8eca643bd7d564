import { useEffect, useState } from "preact/hooks";
import type { BallotAccepted, Poll } from "../../lib/protocol";
import type { LiveSession } from "../../session/live";
import type { CallResult } from "../../session/call";
import { formatNumber, t } from "../../lib/i18n";
import { useAction } from "../../session/action";
import { Refusal } from "../../ui/States";

const STEP = 10;

/**
 * Sharing out a budget of points: a number per option with − and + buttons, and what is left
 * to give, said as it changes. The server checks the sum; this only shows it.
 */
export function PointsBallot({ poll, session, send }: { poll: Poll; session: LiveSession; send?: (points: number[]) => Promise<CallResult<unknown>> }) {
  const budget = poll.budget ?? 100;
  const [points, setPoints] = useState<number[]>(() => poll.myPoints ?? poll.options.map(() => 0));
  useEffect(() => { if (poll.myPoints) setPoints(poll.myPoints); }, [poll.myPoints?.join(",")]);
  const [run, state] = useAction();
  const open = poll.state === "open";
  const given = points.reduce((a, b) => a + b, 0);
  const left = budget - given;
  const set = (i: number, value: number) => {
    const others = given - points[i];
    const next = [...points];
    next[i] = Math.max(0, Math.min(Math.round(Number.isFinite(value) ? value : 0), budget - others));
    setPoints(next);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(send ? () => send(points) : async () => {
      const r = await session.call<BallotAccepted>("Vote", { pollId: poll.id, points });
      if (r.ok) session.connection.store.markBallot(r.value);
      return r;
    });
  };
  return (
    <form class="ballot points-ballot" data-poll={poll.id} onSubmit={submit}>
      <fieldset disabled={!open}>
        <legend>{poll.question}</legend>
        <p class="note">{t("points.how", { budget: formatNumber(budget) })}</p>
        <ul class="points stack">
          {poll.options.map((o, i) => (
            <li key={i} class="points-row" data-option={i}>
              <label for={`points-${poll.id}-${i}`} class="option">{o}</label>
              <span class="stepper">
                <button type="button" class="btn quiet small" disabled={!open || points[i] === 0} onClick={() => set(i, points[i] - STEP)}
                  aria-label={t("points.less", { option: o, step: STEP })}>−</button>
                <input id={`points-${poll.id}-${i}`} type="number" inputMode="numeric" min={0} max={budget} step={1} value={points[i]}
                  onInput={(e) => set(i, Number.parseInt(e.currentTarget.value || "0", 10))} />
                <button type="button" class="btn quiet small" disabled={!open || left === 0} onClick={() => set(i, points[i] + STEP)}
                  aria-label={t("points.more", { option: o, step: STEP })}>+</button>
              </span>
            </li>
          ))}
        </ul>
        <p class="points-left" role="status" data-left={left}>{t("points.left", { left: formatNumber(left), budget: formatNumber(budget) })}</p>
      </fieldset>
      {open && <button type="submit" class="btn primary wide" disabled={state.pending || given === 0}>{t(poll.myPoints ? "ballot.changeVote" : "ballot.vote")}</button>}
      {poll.myPoints && <p class="confirmation" role="status">{t("ballot.voteCounted")}</p>}
      {!open && <p class="closed meta">{t("ballot.closed")}</p>}
      <Refusal message={state.error} />
    </form>
  );
}
