/**
 * Runs `render` at most once per `interval` ms, however many changes arrive: under a vote storm
 * screens redraw a few times a second, not once per vote. The first change renders at once.
 */
export function throttled(render: () => void, interval = 250): () => void {
  let scheduled = false;
  let last = -Infinity;
  return () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      last = performance.now();
      render();
    }, Math.max(0, last + interval - performance.now()));
  };
}
