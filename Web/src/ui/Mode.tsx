import type { Mode } from "../lib/protocol";
import { modeLabel } from "../lib/views";
import { t } from "../lib/i18n";

// On site and remote always come as colour + icon + words: colour never carries meaning alone.

export function ModeIcon({ mode }: { mode: Mode }) {
  return mode === "onsite"
    ? <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>
    : <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M3 4h18a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-7v2h3v2H7v-2h3v-2H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v9h16V6z"/></svg>;
}

/**
 * The mode's icon and words. With `count`, the figure shows beside the icon and the words are
 * for screen readers ("3 sur place"), for compact splits; with children, the children show.
 */
export function ModeLabel({ mode, children, count }: { mode: Mode; children?: string | number; count?: string }) {
  if (count !== undefined) {
    return <span class={`mode ${mode}`}><ModeIcon mode={mode} />{count}<span class="sr-only"> {t(mode === "onsite" ? "common.onsite" : "common.remote")}</span></span>;
  }
  return <span class={`mode ${mode}`}><ModeIcon mode={mode} />{children ?? modeLabel(mode)}</span>;
}

/** The key of the split bars: a swatch and an icon per mode, with words (hands counted, when there are). */
export function ModeLegend({ hands = false }: { hands?: boolean }) {
  return (
    <p class="legend">
      <span><span class="swatch onsite" aria-hidden="true" /> <ModeLabel mode="onsite" /></span>
      <span><span class="swatch remote" aria-hidden="true" /> <ModeLabel mode="remote" /></span>
      {hands && <span><span class="swatch nodevice" aria-hidden="true" /> <NoDeviceLabel /></span>}
    </p>
  );
}

/** Hands counted in the room (people without a device): a raised hand, always with words. */
export function NoDeviceLabel({ children, count }: { children?: string; count?: string }) {
  const icon = <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2a1.5 1.5 0 0 1 1.5 1.5V11h1V4.5a1.5 1.5 0 0 1 3 0V12h1V7.5a1.5 1.5 0 0 1 3 0V15a7 7 0 0 1-7 7h-1a7 7 0 0 1-6.2-3.8L3 13.3a1.5 1.5 0 0 1 2.6-1.5L8 15V4.5a1.5 1.5 0 0 1 3 0V11h.5V3.5A1.5 1.5 0 0 1 12 2z"/></svg>;
  if (count !== undefined) return <span class="mode nodevice">{icon}{count}<span class="sr-only"> {t("common.noDevice")}</span></span>;
  return <span class="mode nodevice">{icon}{children ?? t("mode.noDevice")}</span>;
}
