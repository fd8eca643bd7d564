import type { ActivityTimer as Timer } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useRemaining } from "./Countdown";

/** m:ss, or h:mm:ss past an hour. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * The agenda activity's timer, counting down to the server's `endsAt`: minutes and seconds, large
 * enough for the back of a room on the projector. Screen readers get the time left when it is
 * read, not a live announcement every second.
 */
export function ActivityTimer({ timer, large = false }: { timer: Timer; large?: boolean }) {
  const remaining = useRemaining(timer.endsAt, timer.durationMinutes * 60);
  const up = remaining <= 0;
  return (
    <div class={`activity-timer${large ? " large" : ""}${up ? " up" : remaining <= 60 ? " ending" : ""}`}
      role="timer" aria-label={up ? t("agenda.timeUp") : t("agenda.timeLeft", { time: clock(remaining) })} data-remaining={remaining}>
      <span class="time" aria-hidden="true">{up ? t("agenda.timeUp") : clock(remaining)}</span>
    </div>
  );
}
