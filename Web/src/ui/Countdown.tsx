import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";

/**
 * Seconds left until `closesAt` (the server's deadline), redrawn four times a second; 0 once
 * past. The phone's clock may differ from the server's: the figure never exceeds `seconds`, and
 * the server alone decides whether a ballot came in time.
 */
export function useRemaining(closesAt: string | undefined, seconds: number | undefined): number {
  const left = () => {
    const end = closesAt ? Date.parse(closesAt) : NaN;
    if (Number.isNaN(end)) return 0;
    return Math.max(0, Math.min(seconds ?? Infinity, Math.ceil((end - Date.now()) / 1000)));
  };
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    setRemaining(left());
    if (!closesAt) return;
    const timer = setInterval(() => setRemaining(left()), 250);
    return () => clearInterval(timer);
  }, [closesAt, seconds]);
  return remaining;
}

/** A ring that empties with the time left, the seconds in its middle. */
export function Countdown({ closesAt, seconds }: { closesAt?: string; seconds?: number }) {
  const remaining = useRemaining(closesAt, seconds);
  const total = Math.max(1, seconds ?? 1);
  const circumference = 2 * Math.PI * 45;
  return (
    <div class={`countdown${remaining <= 5 ? " ending" : ""}`} role="timer" aria-label={t("quiz.secondsLeft", { n: remaining })} data-remaining={remaining}>
      <svg viewBox="0 0 100 100" aria-hidden="true">
        <circle class="track" cx="50" cy="50" r="45" />
        <circle class="left" cx="50" cy="50" r="45" style={{ strokeDasharray: circumference, strokeDashoffset: circumference * (1 - remaining / total) }} />
      </svg>
      <span class="seconds" aria-hidden="true">{remaining}</span>
    </div>
  );
}
