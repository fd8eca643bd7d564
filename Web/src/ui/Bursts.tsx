import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";

interface Flying { id: number; kind: string; left: number }

/** At most this many reactions in the air: a storm shows as a steady stream, never a wall. */
const MAX_FLYING = 40;
let next = 0;

/**
 * Reactions rising over the stage, from the coalesced `reactions` bursts the server sends the
 * projector (counts by kind since the last burst, a SignalR event of its own). Decoration only: hidden from screen readers,
 * never taking clicks, and nothing at all when the room switched reactions off.
 */
export function Bursts({ session }: { session: LiveSession }) {
  const [flying, setFlying] = useState<Flying[]>([]);
  useEffect(() => session.connection.onReactions((burst) => {
    const born: Flying[] = [];
    for (const [kind, count] of Object.entries(burst.counts)) {
      for (let i = 0; i < Math.min(count, 12); i++) born.push({ id: next++, kind, left: 5 + Math.random() * 90 });
    }
    if (born.length > 0) setFlying((now) => [...now, ...born].slice(-MAX_FLYING));
  }), [session]);
  const land = (id: number) => setFlying((now) => now.filter((f) => f.id !== id));
  return (
    <div class="bursts" aria-hidden="true">
      {flying.map((f) => <span key={f.id} class="burst" data-reaction={f.kind} style={{ left: `${f.left}%` }} onAnimationEnd={() => land(f.id)}>{f.kind}</span>)}
    </div>
  );
}
