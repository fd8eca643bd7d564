import type { Poll, PollResults } from "../lib/protocol";
import { formatNumber, t, tn } from "../lib/i18n";
import { percentLabel } from "../lib/format";
import { ModeLabel, ModeLegend, NoDeviceLabel } from "./Mode";
import { EmptyState } from "./States";

// A poll's results as the server sent them: bars (choices, rating values), a word cloud, or
// approved answers. Every figure is also text (count, percentage, the on-site / remote split)
// for screen readers and the back of the room. Keyed rows update in place, so bars grow.

export function Results({ poll, results, legend = true }: { poll: Poll; results: PollResults; legend?: boolean }) {
  if (poll.kind === "wordCloud") return <WordCloud results={results} />;
  if (poll.kind === "openText") return <Answers results={results} />;
  return (
    <div class="results">
      <Bars poll={poll} rows={barRows(poll, results)} />
      {poll.kind === "rating" && results.mean?.all != null && (
        <p class="mean" data-mean={results.mean.all}>{t("charts.meanSplit", {
          all: formatNumber(results.mean.all), max: poll.scaleMax ?? 5,
          onsite: results.mean.onsite == null ? "–" : formatNumber(results.mean.onsite),
          remote: results.mean.remote == null ? "–" : formatNumber(results.mean.remote),
        })}</p>
      )}
      {legend && <ModeLegend hands={hasHands(results)} />}
    </div>
  );
}

/** The room's show of hands is part of these results (RecordHandCount). */
const hasHands = (r: PollResults) => (r.votersNoDevice ?? 0) > 0 || (r.noDevice ?? []).some((n) => n > 0);

/** The labels of the bars: the options, or the values of a rating scale. */
export function barLabels(poll: Poll): string[] {
  if (poll.kind !== "rating") return poll.options;
  const max = poll.scaleMax ?? 5;
  return Array.from({ length: max }, (_, i) =>
    i === 0 && poll.minLabel ? `1 · ${poll.minLabel}` : i === max - 1 && poll.maxLabel ? `${max} · ${poll.maxLabel}` : String(i + 1));
}

/** One bar: its label, the figure split on site / remote, the words after the figure, and whether it is the right answer. */
interface BarRow { label: string; value: number; onsite: number; remote: number; noDevice?: number; figure: string; correct?: boolean }

/**
 * What each bar measures, as the server counted it: votes (choices, rating values, quiz
 * answers), Borda scores with the average rank (ranking), or points given (points).
 */
export function barRows(poll: Poll, r: PollResults): BarRow[] {
  const labels = barLabels(poll);
  const split = (t: { all: number[]; onsite: number[]; remote: number[] } | undefined, i: number) =>
    ({ value: t?.all[i] ?? 0, onsite: t?.onsite[i] ?? 0, remote: t?.remote[i] ?? 0 });
  if (poll.kind === "ranking") {
    return labels.map((label, i) => {
      const rank = r.averageRank?.all[i];
      const row = split(r.scores, i);
      return { label, ...row, figure: rank == null ? tn("charts.pointsUnit", row.value) : `${tn("charts.pointsUnit", row.value)} · ${t("charts.averageRank", { rank: formatNumber(rank) })}` };
    });
  }
  if (poll.kind === "points") {
    const given = (r.totals?.all ?? []).reduce((a, b) => a + b, 0);
    return labels.map((label, i) => { const row = split(r.totals, i); return { label, ...row, figure: `${tn("charts.pointsUnit", row.value)} · ${percentLabel(row.value, given)}` }; });
  }
  const total = poll.kind === "multiple" ? r.voters : r.counts.reduce((a, b) => a + b, 0);
  const correct = r.correct ?? (poll.kind === "quiz" ? poll.correct : undefined);
  return labels.map((label, i) => {
    const count = r.counts[i] ?? 0;
    return { label, value: count, onsite: r.onsite[i] ?? 0, remote: r.remote[i] ?? 0, noDevice: r.noDevice?.[i], figure: `· ${percentLabel(count, total)}`, correct: correct?.includes(i) };
  });
}

function Bars({ poll, rows }: { poll: Poll; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <ul class="bars" aria-label={t("charts.resultsFor", { question: poll.question })}>
      {rows.map((row, i) => (
        <li key={`${i}:${row.label}`} data-option={i} data-count={row.value} class={row.correct ? "correct" : undefined}>
          <span class="label">
            <span class="option">{row.label}{row.correct && <span class="right-badge"> ✓ {t("charts.rightAnswer")}</span>}</span>
            <span class="figure"><strong>{formatNumber(row.value)}</strong> {row.figure}{" "}
              <span class="split">(<ModeLabel mode="onsite" count={formatNumber(row.onsite)} /> · <ModeLabel mode="remote" count={formatNumber(row.remote)} />
                {row.noDevice !== undefined && <> · <NoDeviceLabel count={formatNumber(row.noDevice)} /></>})</span>
            </span>
          </span>
          <span class="bar" aria-hidden="true">
            <span class="onsite" style={{ width: `${(100 * row.onsite) / max}%` }} />
            <span class="remote" style={{ width: `${(100 * row.remote) / max}%` }} />
            {row.noDevice !== undefined && <span class="nodevice" style={{ width: `${(100 * row.noDevice) / max}%` }} />}
          </span>
        </li>
      ))}
    </ul>
  );
}

function WordCloud({ results }: { results: PollResults }) {
  const words = results.words ?? [];
  if (words.length === 0) return <EmptyState title={t("charts.noWordYet")} />;
  const max = Math.max(1, ...words.map((w) => w.count));
  return (
    <div class="results">
      <ul class="cloud" aria-label={t("charts.wordCloud")}>
        {words.map((w) => (
          <li key={w.word} data-word={w.word} data-count={w.count} class={w.onsite >= w.remote ? "onsite" : "remote"}
            style={{ fontSize: `${1 + 2 * (w.count / max)}em` }}
            title={t("charts.wordTitle", { word: w.word, total: w.count, onsite: w.onsite, remote: w.remote })}>
            {w.word}<span class="sr-only"> {t("charts.wordTitle", { word: "", total: w.count, onsite: w.onsite, remote: w.remote })}</span>
          </li>
        ))}
      </ul>
      <p class="legend"><ModeLabel mode="onsite">{t("charts.cloudOnsite")}</ModeLabel><ModeLabel mode="remote">{t("charts.cloudRemote")}</ModeLabel></p>
    </div>
  );
}

function Answers({ results }: { results: PollResults }) {
  const answers = (results.answers ?? []).filter((a) => a.status === "visible");
  if (answers.length === 0) return <EmptyState title={t("charts.noAnswerYet")} />;
  return (
    <ul class="answers">
      {answers.map((a) => <li key={a.id} class="card" data-answer={a.id}><p>{a.text}</p><p class="meta"><ModeLabel mode={a.mode} /></p></li>)}
    </ul>
  );
}

/** "27 réponses · 8 sur place · 19 à distance". */
export function VotersLine({ results }: { results: PollResults }) {
  return (
    <p class="voters meta">
      {tn("charts.voters", results.voters)} · <ModeLabel mode="onsite">{t("common.nOnsite", { n: results.votersOnsite })}</ModeLabel>{" "}
      · <ModeLabel mode="remote">{t("common.nRemote", { n: results.votersRemote })}</ModeLabel>
      {hasHands(results) && <>{" "}· <NoDeviceLabel>{t("common.nNoDevice", { n: results.votersNoDevice ?? 0 })}</NoDeviceLabel></>}
    </p>
  );
}
