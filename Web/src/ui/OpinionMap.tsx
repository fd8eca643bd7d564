import { formatNumber, t, tn } from "../lib/i18n";
import { groupName, statementOf, type Opinion } from "../lib/opinions";

/** Where each group's letter sits: the middle of its dots. */
function centres(opinion: Opinion): Map<number, { x: number; y: number }> {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const d of opinion.map ?? []) {
    const c = sums.get(d.group) ?? { x: 0, y: 0, n: 0 };
    sums.set(d.group, { x: c.x + d.x, y: c.y + d.y, n: c.n + 1 });
  }
  return new Map([...sums].map(([g, c]) => [g, { x: c.x / c.n, y: c.y / c.n }]));
}

const percent = (rate: number) => formatNumber(Math.round(rate * 100));

/**
 * The opinion map as the server computed it: one dot per clustered participant (coordinates in
 * [-1, 1]), coloured by group and shaped by mode (a circle on site, a square remote), each group
 * labelled by its letter. Screen readers get the same as a table (OpinionTable) right after it.
 */
export function OpinionMapPicture({ opinion }: { opinion: Opinion }) {
  const dots = opinion.map ?? [];
  const labels = centres(opinion);
  return (
    <svg class="opinion-map" viewBox="-1.15 -1.15 2.3 2.3" role="img"
      aria-label={t("opinion.mapLabel", { dots: formatNumber(dots.length), groups: formatNumber(opinion.groups.length) })}>
      <line x1="-1.1" y1="0" x2="1.1" y2="0" class="axis" />
      <line x1="0" y1="-1.1" x2="0" y2="1.1" class="axis" />
      {dots.map((d, i) => d.mode === "remote"
        ? <rect key={i} class={`dot remote g${d.group % 7}`} x={d.x - 0.03} y={-d.y - 0.03} width="0.06" height="0.06" />
        : <circle key={i} class={`dot onsite g${d.group % 7}`} cx={d.x} cy={-d.y} r="0.034" />)}
      {[...labels].map(([g, c]) => (
        <g key={g} class={`group-label g${g % 7}`} data-group={g}>
          <circle cx={c.x} cy={-c.y} r="0.11" />
          <text x={c.x} y={-c.y} dy="0.045" text-anchor="middle">{groupName(g)}</text>
        </g>
      ))}
    </svg>
  );
}

/** The groups and what defines them, best first, as the server ranked them. */
export function OpinionGroups({ opinion, max = 2 }: { opinion: Opinion; max?: number }) {
  return (
    <ul class="opinion-groups">
      {opinion.groups.map((g) => (
        <li key={g.id} class={`g${g.id % 7}`} data-group={g.id}>
          <p class="group-head"><span class="group-swatch" aria-hidden="true" /><strong>{t("opinion.group", { group: groupName(g.id) })}</strong>
            {" · "}{tn("opinion.groupSize", g.size)}</p>
          <ul class="representative">
            {g.representative.slice(0, max).map((r) => {
              const st = statementOf(opinion, r.statementId);
              return st && <li key={r.statementId} class={r.agrees ? "agrees" : "disagrees"}>
                <span aria-hidden="true">{r.agrees ? "👍 " : "👎 "}</span>{st.text}
                <span class="rate"> {t(r.agrees ? "opinion.agreeRate" : "opinion.disagreeRate", { rate: percent(r.agreeRate) })}</span></li>;
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** What every group agrees on, best first. */
export function OpinionConsensus({ opinion, max = 3 }: { opinion: Opinion; max?: number }) {
  const shown = opinion.consensus.slice(0, max).map((c) => statementOf(opinion, c.statementId)).filter((st) => st !== undefined);
  if (shown.length === 0) return null;
  return (
    <section class="opinion-consensus" aria-labelledby={`consensus-${opinion.id}`}>
      <h2 id={`consensus-${opinion.id}`}>{t("opinion.consensus")}</h2>
      <ol>{shown.map((st) => <li key={st.id} data-statement={st.id}>{st.text}</li>)}</ol>
    </section>
  );
}

/** The map's table alternative: each group, its size on site and remote, and its statements with their rates. */
export function OpinionTable({ opinion, visuallyHidden }: { opinion: Opinion; visuallyHidden?: boolean }) {
  return (
    <table class={visuallyHidden ? "sr-only" : "opinion-table"}>
      <caption>{t("opinion.tableCaption")}</caption>
      <thead><tr><th scope="col">{t("opinion.colGroup")}</th><th scope="col">{t("opinion.colSize")}</th>
        <th scope="col">{t("common.onsite")}</th><th scope="col">{t("common.remote")}</th><th scope="col">{t("opinion.colDefines")}</th></tr></thead>
      <tbody>
        {opinion.groups.map((g) => (
          <tr key={g.id}>
            <th scope="row">{groupName(g.id)}</th>
            <td>{formatNumber(g.size)}</td><td>{formatNumber(g.onsite)}</td><td>{formatNumber(g.remote)}</td>
            <td>{g.representative.map((r) => {
              const st = statementOf(opinion, r.statementId);
              return st ? `${st.text} (${t(r.agrees ? "opinion.agreeRate" : "opinion.disagreeRate", { rate: percent(r.agreeRate) })})` : "";
            }).filter(Boolean).join(" ; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
