import { formatNumber, t } from "../lib/i18n";
import { modeLabel } from "../lib/views";
import type { SessionReport } from "./types";

/** Live reactions: the totals per kind, then minute by minute, each split on site / remote. */
export function Reactions({ reactions, clock }: { reactions: NonNullable<SessionReport["reactions"]>; clock: (iso: string) => string }) {
  const head = (first: string) => (
    <thead><tr><th scope="col">{first}</th><th scope="col">{t("report.reaction")}</th><th scope="col">{t("charts.all")}</th><th scope="col">{modeLabel("onsite")}</th><th scope="col">{modeLabel("remote")}</th></tr></thead>
  );
  return (
    <section aria-labelledby="reactions-heading">
      <h2 id="reactions-heading">{t("report.reactionsHeading")}</h2>
      <dl class="figures" id="reaction-figures">
        <dt>{t("report.reactionsTotal")}</dt><dd data-figure="total">{formatNumber(reactions.total)}</dd>
        <dt>{modeLabel("onsite")}</dt><dd>{formatNumber(reactions.onsite)}</dd>
        <dt>{modeLabel("remote")}</dt><dd>{formatNumber(reactions.remote)}</dd>
      </dl>
      <table id="reactions">
        <caption>{t("report.reactionsCaption")}</caption>
        {head(t("report.minute"))}
        <tbody>{reactions.timeline.flatMap((minute) => minute.counts.map((c) => (
          <tr key={`${minute.at}${c.kind}`}><th scope="row">{clock(minute.at)}</th><td>{c.kind}</td><td>{formatNumber(c.count)}</td><td>{formatNumber(c.onsite)}</td><td>{formatNumber(c.remote)}</td></tr>
        )))}</tbody>
      </table>
    </section>
  );
}
