import { signal } from "@preact/signals";
import { setEasyTexts } from "./i18n";

// Easy-read mode (FALC) on the participant and kiosk pages: larger type, one question per screen,
// pictograms, and the fr-facile texts. The reader's own choice (the switch, remembered on this
// device) wins; until they choose, the page follows the session's default (snapshot easyRead).

const STORAGE_KEY = "cafe.easyRead";

/** Whether the page is in easy-read mode now. */
export const easyRead = signal(false);

function stored(): boolean | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "on" ? true : value === "off" ? false : null;
  } catch {
    return null;
  }
}

let chosen: boolean | null = stored();

async function show(on: boolean): Promise<void> {
  await setEasyTexts(on);
  document.documentElement.classList.toggle("easy-read", on);
  easyRead.value = on;
}

/** Before the first draw: the reader's remembered choice, if any. */
export async function startEasyRead(): Promise<void> {
  if (chosen !== null) await show(chosen);
}

/** The session's default, followed while the reader has not chosen. */
export function followSessionDefault(on: boolean | undefined): void {
  if (chosen === null && (on ?? false) !== easyRead.value) void show(on ?? false);
}

/** The reader's choice: remembered on this device, for every café. */
export function chooseEasyRead(on: boolean): Promise<void> {
  chosen = on;
  try {
    localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Storage refused (private browsing): the choice lasts for this page only.
  }
  return show(on);
}
