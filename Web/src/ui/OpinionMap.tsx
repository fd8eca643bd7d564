import { ThumbsDown, ThumbsUp } from "lucide";
import { Pictogram } from "./Pictogram";
import { formatNumber, t, tn } from "../lib/i18n";
import { groupName, statementOf, type Opinion } from "../lib/opinions";

/** The middle of each group's dots (a dot of weight w counts w times). */
export function centres(dots: readonly { x: number; y: number; group: number; weight?: number }[]): Map<number, { x: number; y: number }> {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const d of dots) {
    const w = d.weight ?? 1;
    const c = sums.get(d.group) ?? { x: 0, y: 0, n: 0 };
    sums.set(d.group, { x: c.x + w * d.x, y: c.y + w * d.y, n: c.n + w });
  }
  return new Map([...sums].filter(([, c]) => c.n > 0).map(([g, c]) => [g, { x: c.x / c.n, y: c.y / c.n }]));
}

/**
 * Where a group's letter sits: `gap` away from the middle of its dots, pushed away from the map's
 * centre so it never hides them; when the map's edge leaves no room outside, on the inner side.
 */
function labelAt(c: { x: number; y: number }, gap: number): { x: number; y: number } {
  const length = Math.hypot(c.x, c.y);
  const [ux, uy] = length < 1e-6 ? [0, 1] : [c.x / length, c.y / length];
  const inside = (v: number) => Math.abs(v) <= 1.02;
  const out = { x: c.x + gap * ux, y: c.y + gap * uy };
  return inside(out.x) && inside(out.y) ? out : { x: c.x - gap * ux, y: c.y - gap * uy };
}

const percent = (rate: number) => formatNumber(Math.round(rate * 100));

/**
 * The opinion map as the server computed it: one dot per clustered participant (coordinates in
 * [-1, 1]), coloured by group and shaped by mode (a circle on site, a square remote), each group
 * labelled by its letter. Screen readers get the same as a table (OpinionTable) right after it.
 */
export function OpinionMapPicture({ opinion }: { opinion: Opinion }) {
  const dots = opinion.map ?? [];
  const labels = centres(dots);
  return (
    <svg class="opinion-map" viewBox="-1.15 -1.15 2.3 2.3" role="img"
      aria-label={t("opinion.mapLabel", { dots: formatNumber(dots.length), groups: formatNumber(opinion.groups.length) })}>
      <line x1="-1.1" y1="0" x2="1.1" y2="0" class="axis" />
      <line x1="0" y1="-1.1" x2="0" y2="1.1" class="axis" />
      <GroupLabels labels={labels} />
      {dots.map((d, i) => d.mode === "remote"
        ? <rect key={i} class={`dot remote g${d.group % 7}`} x={d.x - 0.03} y={-d.y - 0.03} width="0.06" height="0.06" />
        : <circle key={i} class={`dot onsite g${d.group % 7}`} cx={d.x} cy={-d.y} r="0.034" />)}
    </svg>
  );
}

/** Each group's letter, beside the middle of its dots. */
export function GroupLabels({ labels, gap = 0.2 }: { labels: Map<number, { x: number; y: number }>; gap?: number }) {
  return <>{[...labels].map(([g, c]) => {
    const at = labelAt(c, gap);
    return (
      <g key={g} class={`group-label g${g % 7}`} data-group={g}>
        <circle cx={at.x} cy={-at.y} r="0.1" />
        <text x={at.x} y={-at.y} dy="0.045" text-anchor="middle">{groupName(g)}</text>
      </g>
    );
  })}</>;
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
                <Pictogram icon={r.agrees ? ThumbsUp : ThumbsDown} size={18} />{" "}{st.text}
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
export function OpinionTable({ opinion, visuallyHidden, caption }: { opinion: Opinion; visuallyHidden?: boolean; caption?: string }) {
  const table = (
    <table class="opinion-table">
      <caption>{caption ?? t("opinion.tableCaption")}</caption>
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
  // Hidden in a wrapper: a table keeps its content's width, which would stretch the view it sits in.
  return visuallyHidden ? <div class="sr-only">{table}</div> : table;
}
