import { useEffect, useRef, useState } from "preact/hooks";
import type { BallotAccepted, Poll } from "../../lib/protocol";
import type { LiveSession } from "../../session/live";
import type { CallResult } from "../../session/call";
import { t } from "../../lib/i18n";
import { useAction } from "../../session/action";
import { Refusal } from "../../ui/States";

/** The options in their given order first: a fresh ballot starts from the poll's order. */
const initialOrder = (poll: Poll) => poll.myOrder ?? poll.options.map((_, i) => i);

/**
 * A ranking: the options as a list to put in order, by dragging a row or with its "up" and
 * "down" buttons (keyboard and screen readers). The focus follows the moved option, and the
 * new place is announced. The whole order is sent (docs/PROTOCOL.md: a full permutation).
 */
export function RankingBallot({ poll, session, send }: { poll: Poll; session: LiveSession; send?: (order: number[]) => Promise<CallResult<unknown>> }) {
  const [order, setOrder] = useState<number[]>(() => initialOrder(poll));
  const [announce, setAnnounce] = useState("");
  const [dragged, setDragged] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<{ option: number; dir: "up" | "down" } | null>(null);
  useEffect(() => { if (poll.myOrder) setOrder(poll.myOrder); }, [poll.myOrder?.join(",")]);
  useEffect(() => {
    const f = focusAfter.current;
    if (!f || !list.current) return;
    focusAfter.current = null;
    const row = list.current.querySelector<HTMLElement>(`[data-option="${f.option}"]`);
    const button = row?.querySelector<HTMLButtonElement>(`button.${f.dir}:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>("button:not(:disabled)");
    button?.focus();
  }, [order]);
  const [run, state] = useAction();
  const open = poll.state === "open";

  const move = (from: number, to: number, dir?: "up" | "down") => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [option] = next.splice(from, 1);
    next.splice(to, 0, option);
    if (dir) focusAfter.current = { option, dir };
    setOrder(next);
    setAnnounce(t("ranking.movedTo", { option: poll.options[option], place: to + 1, count: order.length }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(send ? () => send(order) : async () => {
      const r = await session.call<BallotAccepted>("Vote", { pollId: poll.id, order });
      if (r.ok) session.connection.store.markBallot(r.value);
      return r;
    });
  };
  return (
    <form class="ballot ranking-ballot" data-poll={poll.id} onSubmit={submit}>
      <fieldset disabled={!open}>
        <legend>{poll.question}</legend>
        <p class="note">{t("ranking.how")}</p>
        <ol class="ranking" ref={list}>
          {order.map((option, place) => (
            <li key={option} data-option={option} class={dragged === place ? "dragging" : undefined}
              draggable={open}
              onDragStart={(e) => { setDragged(place); e.dataTransfer?.setData("text/plain", String(place)); }}
              onDragOver={(e) => { e.preventDefault(); }}
              onDrop={(e) => { e.preventDefault(); if (dragged !== null) move(dragged, place); setDragged(null); }}
              onDragEnd={() => setDragged(null)}>
              <span class="place" aria-hidden="true">{place + 1}</span>
              <span class="option">{poll.options[option]}</span>
              <span class="moves">
                <button type="button" class="btn quiet small up" disabled={!open || place === 0} onClick={() => move(place, place - 1, "up")}
                  aria-label={t("ranking.up", { option: poll.options[option], place: place + 1 })}>↑</button>
                <button type="button" class="btn quiet small down" disabled={!open || place === order.length - 1} onClick={() => move(place, place + 1, "down")}
                  aria-label={t("ranking.down", { option: poll.options[option], place: place + 1 })}>↓</button>
              </span>
            </li>
          ))}
        </ol>
        <p class="sr-only" role="status">{announce}</p>
      </fieldset>
      {open && <button type="submit" class="btn primary wide" disabled={state.pending}>{t(poll.myOrder ? "ballot.changeVote" : "ballot.vote")}</button>}
      {poll.myOrder && <p class="confirmation" role="status">{t("ballot.voteCounted")}</p>}
      {!open && <p class="closed meta">{t("ballot.closed")}</p>}
      <Refusal message={state.error} />
    </form>
  );
}
