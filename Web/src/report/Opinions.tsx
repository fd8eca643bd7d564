import { formatNumber, t, tn } from "../lib/i18n";
import type { Consensus, OpinionGroup, OpinionState, Opinion, VoteSplit } from "../lib/opinions";
import { OpinionConsensus, OpinionGroups } from "../ui/OpinionMap";

/** An opinion map as the report carries it: no dots, no names (docs/PROTOCOL.md, "Session report"). */
export interface ReportOpinion {
  id: string; topic: string; state: OpinionState; voters: number; votersOnsite: number; votersRemote: number;
  statements: { id: string; text: string; agree: number; disagree: number; pass: number; onsite: VoteSplit; remote: VoteSplit; seed: boolean }[];
  groups: OpinionGroup[]; consensus: Consensus[]; mappedAt?: string;
}

/** The report's opinion as the screens' components read one. */
const asOpinion = (o: ReportOpinion): Opinion => ({
  id: o.id, topic: o.topic, state: o.state, voters: o.voters, groups: o.groups, consensus: o.consensus,
  statements: o.statements.map((st) => ({ ...st, status: "approved" })),
});

/** Each opinion map: who voted, the groups and what defines them, what everyone shares, and every statement's votes. */
export function ReportOpinions({ opinions }: { opinions: ReportOpinion[] }) {
  return (
    <section aria-labelledby="opinions-heading" id="opinions">
      <h2 id="opinions-heading">{t("opinion.heading")}</h2>
      {opinions.map((o) => (
        <article key={o.id} class="report-poll report-opinion" data-opinion={o.id}>
          <h3>{o.topic}</h3>
          <p class="meta">{tn("opinion.voters", o.voters)} · {t("common.nOnsite", { n: formatNumber(o.votersOnsite) })} · {t("common.nRemote", { n: formatNumber(o.votersRemote) })}</p>
          {o.groups.length > 0 ? <OpinionGroups opinion={asOpinion(o)} max={3} /> : <p class="meta">{t("opinion.noGroupsYet")}</p>}
          <OpinionConsensus opinion={asOpinion(o)} />
          <table class="split-table statements-table">
            <caption>{t("report.statementsCaption")}</caption>
            <thead><tr><th scope="col">{t("report.statement")}</th><th scope="col">{t("opinion.agree")}</th><th scope="col">{t("opinion.disagree")}</th><th scope="col">{t("opinion.pass")}</th></tr></thead>
            <tbody>{o.statements.map((st) => (
              <tr key={st.id} data-statement={st.id}>
                <th scope="row">{st.text}</th>
                {(["agree", "disagree", "pass"] as const).map((k) => (
                  <td key={k}>{formatNumber(st[k])} <span class="meta">({formatNumber(st.onsite[k])} · {formatNumber(st.remote[k])})</span></td>
                ))}
              </tr>
            ))}</tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
