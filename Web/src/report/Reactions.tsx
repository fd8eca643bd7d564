import { formatNumber, t } from "../lib/i18n";
import { modeLabel } from "../lib/views";
import type { SessionReport } from "./types";

/** Reactions minute by minute: one row per minute and kind, split on site / remote. */
export function Reactions({ minutes, clock }: { minutes: NonNullable<SessionReport["reactions"]>; clock: (iso: string) => string }) {
  return (
    <section aria-labelledby="reactions-heading">
      <h2 id="reactions-heading">{t("report.reactionsHeading")}</h2>
      <table id="reactions">
        <caption>{t("report.reactionsCaption")}</caption>
        <thead><tr><th scope="col">{t("report.minute")}</th><th scope="col">{t("report.reaction")}</th><th scope="col">{modeLabel("onsite")}</th><th scope="col">{modeLabel("remote")}</th></tr></thead>
        <tbody>{minutes.map((m) => (
          <tr key={`${m.at}${m.kind}`}><th scope="row">{clock(m.at)}</th><td>{m.kind}</td><td>{formatNumber(m.onsite)}</td><td>{formatNumber(m.remote)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
