import { useLayoutEffect } from "preact/hooks";

/**
 * Sizes a box's content to fit: sets `--fit` (1 = full size) on the element, whose font sizes
 * are in em of a base that multiplies by it. The projector never scrolls and never cuts off;
 * when there is too much, the text gets smaller, never below `min` (and the views curate what
 * they show); when there is little, it may grow up to `max`. Re-measured whenever `deps` change
 * and on resize.
 */
export function useFit(ref: { current: HTMLElement | null }, deps: unknown[], min = 0.35, onFit?: (scale: number) => void, max = 1): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const scale = fitBox(el, min, max);
      onFit?.(scale);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

const overflows = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/** Binary search of the largest scale in [min, max] at which the box does not overflow. */
export function fitBox(el: HTMLElement, min: number, max = 1): number {
  // Sizes that animate (a word cloud's words grow) would be measured mid-way: not while fitting.
  el.classList.add("fitting");
  try {
    return search(el, min, max);
  } finally {
    el.classList.remove("fitting");
  }
}

function search(el: HTMLElement, min: number, max: number): number {
  el.style.setProperty("--fit", String(max));
  if (!overflows(el)) return max;
  let [lo, hi] = [min, max];
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    el.style.setProperty("--fit", String(mid));
    if (overflows(el)) hi = mid;
    else lo = mid;
  }
  el.style.setProperty("--fit", String(lo));
  return lo;
}
