// Small inline icons (no icon font: they render the same everywhere, offline). Decorative: the
// control that holds one carries the words.

export function PinIcon() {
  return <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M16 3l5 5-2 1-3 3 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 3-3z"/></svg>;
}
