import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Poll } from "../lib/protocol";
import { formatNumber, t } from "../lib/i18n";
import { useAction } from "../session/action";
import { barLabels } from "../ui/Results";
import { Button } from "../ui/Button";
import { Confirmation, Refusal } from "../ui/States";
import { NoDeviceLabel } from "../ui/Mode";

/** Kinds whose show of hands can be counted: one count per option, or per rating value. */
export const countsHands = (poll: Poll) => poll.kind === "single" || poll.kind === "multiple" || poll.kind === "rating";

/**
 * The room's show of hands, for the people without a phone: a count per option (or rating value),
 * recorded by the staff and added by the server as a third part of the results (`noDevice`).
 * It replaces the previous count; "clear" removes it.
 */
export function HandCount({ poll, session }: { poll: Poll; session: LiveSession }) {
  const labels = barLabels(poll);
  const recorded = poll.handCount ?? [];
  const [counts, setCounts] = useState<string[]>(() => labels.map((_, i) => String(recorded[i] ?? "")));
  useEffect(() => setCounts(labels.map((_, i) => String(recorded[i] ?? ""))), [recorded.join(",")]);
  const [run, state] = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  if (!countsHands(poll) || poll.state === "draft") return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const values = counts.map((c) => (c.trim() === "" ? 0 : Number(c)));
    if (await run(() => session.call("RecordHandCount", { pollId: poll.id, counts: values }))) setSaved(t("hands.saved"));
  };
  const clear = async () => {
    setSaved(null);
    if (await run(() => session.call("RecordHandCount", { pollId: poll.id, counts: [] }))) setSaved(t("hands.cleared"));
  };
  return (
    <details class="hand-count" open={recorded.length > 0}>
      <summary><NoDeviceLabel>{t("hands.title")}</NoDeviceLabel>{recorded.length > 0 && ` · ${formatNumber(recorded.reduce((a, b) => a + b, 0))}`}</summary>
      <form id={`hands-${poll.id}`} onSubmit={submit}>
        <p class="meta">{t("hands.hint")}</p>
        <div class="hand-grid">
          {labels.map((label, i) => (
            <label key={i} class="hand-field">
              <span>{label}</span>
              <input type="number" inputMode="numeric" min={0} max={100000} step={1} value={counts[i]}
                onInput={(e) => { const next = [...counts]; next[i] = e.currentTarget.value; setCounts(next); }} />
            </label>
          ))}
        </div>
        <div class="row">
          <button type="submit" class="btn small" disabled={state.pending}>{t("hands.record")}</button>
          {recorded.length > 0 && <Button small kind="quiet" pending={state.pending} onClick={clear}>{t("hands.clear")}</Button>}
        </div>
        <Refusal message={state.error} />
        <Confirmation message={saved} />
      </form>
    </details>
  );
}
