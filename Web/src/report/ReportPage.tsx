import { useEffect, useState } from "preact/hooks";
import { ReportOpinions } from "./Opinions";
import type { Poll } from "../lib/protocol";
import { refusalSentence } from "../lib/protocol";
import { currentLang, formatNumber, t } from "../lib/i18n";
import { modeLabel, pollKindLabel, stateLabel, statusLabel, votesLabel } from "../lib/views";
import { Results, VotersLine, barRows } from "../ui/Results";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import type { ReportPoll, SessionReport } from "./types";
import { Reactions } from "./Reactions";

// The session report (docs/PROTOCOL.md, "Session report"): attendance, questions, polls with their
// on-site / remote split, quizzes, reactions, speaking turns. It prints cleanly (print stylesheet)
// and downloads as open data (JSON, CSV). The facilitator's key travels in the fragment, then in a header.

const time = (iso: string) => new Intl.DateTimeFormat(currentLang(), { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
const clock = (iso: string) => new Intl.DateTimeFormat(currentLang(), { timeStyle: "short" }).format(new Date(iso));

export function ReportPage({ code, keyValue }: { code: string; keyValue: string | null }) {
  const [report, setReport] = useState<SessionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headers: HeadersInit = keyValue ? { Authorization: `Bearer ${keyValue}` } : {};
  const fetchReport = async (suffix: string): Promise<Response | null> => {
    const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/${suffix}`, { headers });
    if (response.ok) return response;
    const body = await response.json().catch(() => ({}));
    setError(refusalSentence(body.error, body.message));
    return null;
  };
  useEffect(() => { void fetchReport("report").then(async (r) => r && setReport(await r.json())); }, [code]);
  useEffect(() => {
    if (!report) return;
    document.title = `${report.session.title} — ${t("report.heading")}`;
    document.body.dataset.ready = "true";
  }, [report]);
  const download = async (suffix: string, name: string) => {
    const response = await fetchReport(suffix);
    if (!response) return;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <main class="report">
      <div class="no-print report-tools"><LanguageSwitch /></div>
      <h1 id="title">{report ? t("report.titleOf", { title: report.session.title }) : t("report.heading")}</h1>
      {report && <p id="summary" class="meta">{summary(report)}</p>}
      {report?.cover && <Cover cover={report.cover} />}
      <p class="no-print actions row">
        <button type="button" class="btn" id="print" onClick={() => print()}>{t("report.print")}</button>
        <button type="button" class="btn quiet" id="download-json" onClick={() => void download("report", `cafe-ia-${code}-rapport.json`)}>{t("report.downloadJson")}</button>
        <button type="button" class="btn quiet" id="download-csv" onClick={() => void download("report.zip", `cafe-ia-${code}-rapport.zip`)}>{t("report.downloadCsv")}</button>
      </p>
      {report && <ReportBody report={report} />}
      <p id="status" role="status" aria-live="polite" class={error ? "refusal" : undefined}>{error ?? ""}</p>
    </main>
  );
}

/** The cover: place, date, format and the organiser's words, as a printed café's first lines. */
function Cover({ cover }: { cover: NonNullable<SessionReport["cover"]> }) {
  const date = new Intl.DateTimeFormat(currentLang(), { dateStyle: "full", timeStyle: "short" }).format(new Date(cover.date));
  return (
    <section id="cover" class="report-cover" aria-label={t("report.cover")}>
      <dl class="figures">
        <dt>{t("report.coverDate")}</dt><dd>{date}</dd>
        {cover.place && <><dt>{t("report.coverPlace")}</dt><dd>{cover.place}</dd></>}
        {cover.organiser && <><dt>{t("report.coverOrganiser")}</dt><dd>{cover.organiser}</dd></>}
        {cover.attendance && <><dt>{t("report.coverAttendance")}</dt><dd>{t(`cafes.format.${cover.attendance}`)}</dd></>}
        {cover.format && <><dt>{t("report.coverFormat")}</dt><dd><a href={`/formats/${encodeURIComponent(cover.format.formatId)}?version=${cover.format.version}`}>
          {t("formats.version", { n: formatNumber(cover.format.version) })}</a></dd></>}
      </dl>
      {cover.summary && <p class="lead">{cover.summary}</p>}
    </section>
  );
}

function summary(report: SessionReport): string {
  const s = report.session;
  return [stateLabel(s.state), s.startedAt ? t("report.started", { at: time(s.startedAt) }) : null,
    s.endedAt ? t("report.ended", { at: time(s.endedAt) }) : null].filter(Boolean).join(" · ");
}

function Figures({ id, items }: { id: string; items: [string, number][] }) {
  return (
    <dl id={id} class="figures">
      {items.map(([label, value]) => <><dt key={`t${label}`}>{label}</dt><dd key={`d${label}`} data-figure={label}>{formatNumber(value)}</dd></>)}
    </dl>
  );
}

function ReportBody({ report }: { report: SessionReport }) {
  const a = report.attendance;
  const q = report.questions;
  const peak = Math.max(1, ...a.timeline.map((p) => p.onsite + p.remote));
  const bar = (n: number) => `calc(${n / peak} * min(10rem, 25vw))`;
  return (
    <div id="report">
      {report.conclusion && (
        <section aria-labelledby="conclusion-heading" id="conclusion" class="report-conclusion">
          <h2 id="conclusion-heading">{t("report.conclusion")}</h2>
          <p>{report.conclusion}</p>
        </section>
      )}
      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("report.attendanceHeading")}</h2>
        <Figures id="attendance" items={[
          [t("report.participantsOnsite"), a.participantsOnsite], [t("report.participantsRemote"), a.participantsRemote],
          [t("report.peakOnsite"), a.peakOnsite], [t("report.peakRemote"), a.peakRemote],
        ]} />
        <table id="timeline">
          <caption>{t("report.timelineCaption")}</caption>
          <thead><tr><th scope="col">{t("report.minute")}</th><th scope="col">{modeLabel("onsite")}</th><th scope="col">{modeLabel("remote")}</th><th scope="col"><span class="sr-only">{t("report.bar")}</span></th></tr></thead>
          <tbody>{a.timeline.map((p) => (
            <tr key={p.at}><th scope="row">{clock(p.at)}</th><td>{formatNumber(p.onsite)}</td><td>{formatNumber(p.remote)}</td>
              <td aria-hidden="true"><span class="timeline-bar onsite" style={{ width: bar(p.onsite) }} /><span class="timeline-bar remote" style={{ width: bar(p.remote) }} /></td></tr>
          ))}</tbody>
        </table>
      </section>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("common.questions")}</h2>
        <Figures id="question-figures" items={[
          [t("report.asked"), q.asked], [t("report.askedOnsite"), q.askedOnsite], [t("report.askedRemote"), q.askedRemote],
          [t("report.published"), q.published], [t("report.answered"), q.answered],
          ...(q.replied !== undefined ? [[t("report.replied"), q.replied] as [string, number]] : []),
        ]} />
        <ol id="questions" class="questions">
          {q.questions.map((x) => (
            <li key={x.id} class={`question ${x.status}`} data-question={x.id}>
              <p class="text">{x.text}</p>
              <p class="meta">{votesLabel(x.votes)} · {statusLabel(x.status)} · {modeLabel(x.mode)}</p>
              {x.reply && <p class="reply"><span class="meta">{t("participant.reply")} : </span>{x.reply}</p>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="polls-heading">
        <h2 id="polls-heading">{t("common.polls")}</h2>
        {report.polls.length === 0 && !report.quiz
          ? <p id="no-polls">{t("report.noPolls")}</p>
          : <div id="polls">{report.polls.map((p) => <ReportPollView key={p.id} p={p} />)}</div>}
        {report.quiz && <QuizSummary quiz={report.quiz} />}
      </section>
      {report.opinions && report.opinions.length > 0 && <ReportOpinions opinions={report.opinions} />}
      {report.announcements && report.announcements.length > 0 && (
        <section aria-labelledby="announcements-heading">
          <h2 id="announcements-heading">{t("report.announcementsHeading")}</h2>
          <ul id="announcements">{report.announcements.map((n) => <li key={n.at}><span class="meta">{clock(n.at)}</span> {n.text}</li>)}</ul>
        </section>
      )}
      {report.reactions && report.reactions.total > 0 && <Reactions reactions={report.reactions} clock={clock} />}
      <section aria-labelledby="turns-heading">
        <h2 id="turns-heading">{t("report.turnsHeading")}</h2>
        {report.speakingTurns.length === 0
          ? <p id="no-turns">{t("report.noTurns")}</p>
          : <table id="turns">
              <caption>{t("report.turnsCaption")}</caption>
              <thead><tr><th scope="col">#</th><th scope="col">{t("report.mode")}</th><th scope="col">{t("report.start")}</th><th scope="col">{t("report.duration")}</th></tr></thead>
              <tbody>{report.speakingTurns.map((turn) => (
                <tr key={turn.number}><td>{turn.number}</td><td>{modeLabel(turn.mode)}</td><td>{clock(turn.start)}</td>
                  <td>{turn.end ? t("report.seconds", { n: formatNumber(Math.round((Date.parse(turn.end) - Date.parse(turn.start)) / 1000)) }) : "…"}</td></tr>
              ))}</tbody>
            </table>}
      </section>
      <p id="licence" class="help">{t("report.licence")} <a href={report.licence.url}>{report.licence.name}</a>.</p>
    </div>
  );
}

/** One poll: its bars (the kit's, from the report's results) and the same figures as a table. */
function ReportPollView({ p }: { p: ReportPoll }) {
  const poll: Poll = { ...p, hideResults: false, revealed: true, correct: p.results.correct };
  return (
    <article class="poll report-poll" data-poll={p.id}>
      <h3>{p.question}</h3>
      <p class="meta">{pollKindLabel(p.kind)}{p.budget ? ` · ${t("report.budget", { n: formatNumber(p.budget) })}` : ""}{p.seconds ? ` · ${t("report.seconds", { n: p.seconds })}` : ""}</p>
      <Results poll={poll} results={p.results} />
      <VotersLine results={p.results} />
      {p.scoring && <p class="meta">{t("report.quizScoring", { right: formatNumber(p.scoring.correctAnswers), onsite: formatNumber(p.scoring.correctOnsite), remote: formatNumber(p.scoring.correctRemote) })}</p>}
      <SplitTable poll={poll} p={p} />
    </article>
  );
}

/** The results as a table too: every figure readable, printed, and the same as the CSV. */
function SplitTable({ poll, p }: { poll: Poll; p: ReportPoll }) {
  if (p.kind === "openText") return null;
  const r = p.results;
  const rows = p.kind === "wordCloud"
    ? (r.words ?? []).map((w) => ({ label: w.word, value: w.count, onsite: w.onsite, remote: w.remote }))
    : barRows(poll, r).map((row, i) => ({ ...row, label: row.correct ? `${p.options[i] ?? row.label} ✓` : p.options[i] ?? row.label }));
  const what = p.kind === "wordCloud" ? "report.word" : "report.answer";
  const unit = p.kind === "ranking" ? "report.bordaScore" : p.kind === "points" ? "report.pointsGiven" : "charts.all";
  return (
    <table class="split-table">
      <caption>{t("report.splitCaption", { question: p.question })}</caption>
      <thead><tr><th scope="col">{t(what)}</th><th scope="col">{t(unit)}</th><th scope="col">{modeLabel("onsite")}</th><th scope="col">{modeLabel("remote")}</th>
        {p.kind === "ranking" && <th scope="col">{t("report.averageRank")}</th>}</tr></thead>
      <tbody>{rows.map((row, i) => (
        <tr key={i}><th scope="row">{row.label}</th><td>{formatNumber(row.value)}</td><td>{formatNumber(row.onsite)}</td><td>{formatNumber(row.remote)}</td>
          {p.kind === "ranking" && <td>{r.averageRank?.all[i] == null ? "–" : formatNumber(r.averageRank.all[i]!)}</td>}</tr>
      ))}</tbody>
    </table>
  );
}

function QuizSummary({ quiz }: { quiz: NonNullable<SessionReport["quiz"]> }) {
  const avg = (n: number | undefined) => (n === undefined ? "–" : formatNumber(Math.round(n)));
  return (
    <article class="report-poll" id="quiz-summary">
      <h3>{t("report.quizHeading")}</h3>
      <p>{t("report.quizFigures", { questions: formatNumber(quiz.questions), players: formatNumber(quiz.players) })}</p>
      <table class="split-table">
        <caption>{t("screen.teams")}</caption>
        <thead><tr><th scope="col">{t("report.mode")}</th><th scope="col">{t("report.players")}</th><th scope="col">{t("report.averagePoints")}</th></tr></thead>
        <tbody>
          <tr><th scope="row">{modeLabel("onsite")}</th><td>{formatNumber(quiz.teams.onsitePlayers)}</td><td>{avg(quiz.teams.onsite)}</td></tr>
          <tr><th scope="row">{modeLabel("remote")}</th><td>{formatNumber(quiz.teams.remotePlayers)}</td><td>{avg(quiz.teams.remote)}</td></tr>
        </tbody>
      </table>
    </article>
  );
}
