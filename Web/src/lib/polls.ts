import type { Poll } from "./protocol";

// The three switches of a poll as the staff see them. The server decides each (docs/PROTOCOL.md,
// "What the room sees"); these only read the fields it sends.

export const votingOpen = (p: Poll) => p.state === "open";
export const resultsOnScreen = (p: Poll) => p.resultsOnScreen === true;
/** Phones receive results unless they are hidden and not revealed (`hideResults`, `RevealResults`). */
export const resultsOnPhones = (p: Poll) => !p.hideResults || p.revealed;
