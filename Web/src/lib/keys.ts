import { t } from "./i18n";

// Keyboard shortcuts of Animer and of the projector window (docs/PROTOCOL.md lists no keys: they
// are the pages'). One table, so buttons can show their key and ? can list them all.

export type Shortcut = "previous" | "next" | "toggleVoting" | "toggleResults" | "joinScreen" | "pinTop" | "fullscreen" | "help";

export const shortcutKeys: Record<Shortcut, string> = {
  previous: "←",
  next: "→",
  toggleVoting: "Space",
  toggleResults: "R",
  joinScreen: "Q",
  pinTop: "P",
  fullscreen: "F",
  help: "?",
};

/** The key as people read it, in the page's language (Space is a word). */
export const keyLabel = (shortcut: Shortcut): string => (shortcut === "toggleVoting" ? t("keys.space") : shortcutKeys[shortcut]);

const byKey: Record<string, Shortcut> = {
  ArrowLeft: "previous",
  ArrowRight: "next",
  " ": "toggleVoting",
  r: "toggleResults",
  q: "joinScreen",
  p: "pinTop",
  f: "fullscreen",
  "?": "help",
};

/** The minimal part of a KeyboardEvent the table reads (tests pass plain objects). */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

const typing = (el: Element) =>
  el.matches("input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, [contenteditable=''], [contenteditable=true]");
const activates = (el: Element) => el.matches("button, a[href], summary, [role=button], [role=tab], input[type=checkbox], input[type=radio]");

/**
 * The shortcut a key press means, or null: never while someone types in a field, never with
 * Ctrl / ⌘ / Alt (the browser's own shortcuts), and Space never on a control that Space
 * already activates (a focused button is pressed, not the shortcut).
 */
export function shortcutOf(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const target = press.target instanceof Element ? press.target : null;
  if (target && typing(target)) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === " " && target && activates(target)) return null;
  return byKey[key] ?? null;
}
