import { formatNumber, t } from "../lib/i18n";
import type { NationalOpinion } from "../lib/opinions";
import { centres, GroupLabels } from "./OpinionMap";

/** A weighted dot's radius: its area grows with the people it stands for, within readable bounds. */
const radius = (weight: number, heaviest: number) => 0.03 + 0.07 * Math.sqrt(weight / Math.max(1, heaviest));

/**
 * The national map as the programme computed it: every café's people as weighted dots (a dot is a
 * national base cluster: bigger when it stands for more people), coloured by national group, each
 * group labelled by its letter; this café's people ringed on the same plane. Screen readers get
 * the groups as a table (OpinionTable of the national groups) right after it.
 */
export function NationalMapPicture({ national }: { national: NationalOpinion }) {
  const dots = national.map ?? [];
  const here = national.here ?? [];
  const heaviest = Math.max(1, ...dots.map((d) => d.weight), ...here.map((d) => d.weight));
  return (
    <svg class="opinion-map national-map" viewBox="-1.15 -1.15 2.3 2.3" role="img"
      aria-label={t("national.mapLabel", { people: formatNumber(national.people), cafes: formatNumber(national.cafes), groups: formatNumber(national.groups.length) })}>
      <line x1="-1.1" y1="0" x2="1.1" y2="0" class="axis" />
      <line x1="0" y1="-1.1" x2="0" y2="1.1" class="axis" />
      <GroupLabels labels={centres(dots)} gap={0.12 + radius(heaviest, heaviest)} />
      {dots.map((d, i) => <circle key={i} class={`dot weighted g${d.group % 7}`} cx={d.x} cy={-d.y} r={radius(d.weight, heaviest)} data-weight={d.weight} />)}
      {here.map((d, i) => <circle key={`h${i}`} class={`here g${d.group % 7}`} cx={d.x} cy={-d.y} r={radius(d.weight, heaviest) + 0.02} data-weight={d.weight} />)}
    </svg>
  );
}
