import { currentLang, formatNumber } from "./i18n";

// Figures for people, in the page's language. Rounding lives here so every screen agrees.

/** A whole percentage of a total ("0 %" when the total is 0), as the bars are labelled. */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((100 * part) / total) : 0;
}

/** "42 %" in French (narrow no-break space), "42%" in English. */
export function percentLabel(part: number, total: number): string {
  const n = formatNumber(percent(part, total));
  return currentLang() === "fr" ? `${n}\u202f%` : `${n}%`;
}

/** Elapsed time as m:ss, or h:mm:ss past an hour; negative or missing → 0:00. */
export function elapsed(fromIso: string | undefined, now: number): string {
  const start = fromIso ? Date.parse(fromIso) : NaN;
  const seconds = Number.isNaN(start) ? 0 : Math.max(0, Math.floor((now - start) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
