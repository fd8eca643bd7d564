import "../styles.css";
import { codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, say } from "../lib/dom";
import { ResultsChart } from "../lib/charts";
import { applyTranslations, loadLanguage, currentLang, formatNumber, languageSwitcher, t } from "../lib/i18n";
import { refusalSentence, type Poll, type PollKind, type PollResults, type QuestionStatus } from "../lib/protocol";
import { modeLabel, pollKindLabel, stateLabel, statusLabel, votesLabel } from "../lib/views";

// The session report (docs/PROTOCOL.md, "Session report"): attendance, questions, polls with their
// on-site / remote split, speaking turns. It prints cleanly (print stylesheet) and downloads as
// open data (JSON, CSV). The facilitator's key travels in the fragment and then in a header.

type Mode = "onsite" | "remote";

interface Report {
  licence: { id: string; name: string; url: string };
  generatedAt: string;
  session: { title: string; state: "draft" | "live" | "ended"; createdAt: string; startedAt?: string; endedAt?: string };
  attendance: { participantsOnsite: number; participantsRemote: number; peakOnsite: number; peakRemote: number; timeline: { at: string; onsite: number; remote: number }[] };
  questions: { asked: number; askedOnsite: number; askedRemote: number; published: number; answered: number; questions: { id: string; text: string; votes: number; status: QuestionStatus; mode: Mode }[] };
  polls: { id: string; question: string; kind: PollKind; state: "open" | "closed"; options: string[]; results: PollResults; scaleMax?: number }[];
  speakingTurns: { number: number; mode: Mode; start: string; end?: string }[];
}

await loadLanguage();
applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());

const code = codeFromPath();
const key = keyFromFragment();
const headers: HeadersInit = key ? { Authorization: `Bearer ${key}` } : {};
const time = (iso: string) => new Intl.DateTimeFormat(currentLang(), { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
const clock = (iso: string) => new Intl.DateTimeFormat(currentLang(), { timeStyle: "short" }).format(new Date(iso));

function figures(list: HTMLElement, items: [string, number][]): void {
  list.replaceChildren(...items.flatMap(([label, value]) => [h("dt", {}, label), h("dd", { "data-figure": label }, formatNumber(value))]));
}

/** The results as a table too: every figure readable, printed, and the same as the CSV. */
function splitTable(poll: Report["polls"][number]): HTMLElement | null {
  const r = poll.results;
  if (poll.kind === "openText") return null;
  const rows = poll.kind === "wordCloud"
    ? (r.words ?? []).map((w) => [w.word, w.count, w.onsite, w.remote] as const)
    : r.counts.map((count, i) => [poll.options[i] ?? String(i + 1), count, r.onsite[i], r.remote[i]] as const);
  return h("table", { class: "split-table" },
    h("caption", {}, t("report.splitCaption", { question: poll.question })),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, t(poll.kind === "wordCloud" ? "report.word" : "report.answer")),
      h("th", { scope: "col" }, t("charts.all")),
      h("th", { scope: "col" }, modeLabel("onsite")),
      h("th", { scope: "col" }, modeLabel("remote")))),
    h("tbody", {}, ...rows.map(([label, all, onsite, remote]) =>
      h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, formatNumber(all)), h("td", {}, formatNumber(onsite)), h("td", {}, formatNumber(remote))))));
}

function render(report: Report): void {
  const s = report.session;
  byId("title").textContent = t("report.titleOf", { title: s.title });
  document.title = `${s.title} — ${t("report.heading")}`;
  byId("summary").textContent = [stateLabel(s.state), s.startedAt ? t("report.started", { at: time(s.startedAt) }) : null,
    s.endedAt ? t("report.ended", { at: time(s.endedAt) }) : null].filter(Boolean).join(" · ");
  const a = report.attendance;
  figures(byId("attendance"), [
    [t("report.participantsOnsite"), a.participantsOnsite], [t("report.participantsRemote"), a.participantsRemote],
    [t("report.peakOnsite"), a.peakOnsite], [t("report.peakRemote"), a.peakRemote],
  ]);
  const peak = Math.max(1, ...a.timeline.map((p) => p.onsite + p.remote));
  byId("timeline").querySelector("tbody")!.replaceChildren(...a.timeline.map((p) =>
    h("tr", {}, h("th", { scope: "row" }, clock(p.at)), h("td", {}, formatNumber(p.onsite)), h("td", {}, formatNumber(p.remote)),
      h("td", { "aria-hidden": "true" }, h("span", { class: "timeline-bar onsite", style: `width:calc(${p.onsite / peak} * min(10rem, 25vw))` }),
        h("span", { class: "timeline-bar remote", style: `width:calc(${p.remote / peak} * min(10rem, 25vw))` })))));
  const q = report.questions;
  figures(byId("question-figures"), [
    [t("report.asked"), q.asked], [t("report.askedOnsite"), q.askedOnsite], [t("report.askedRemote"), q.askedRemote],
    [t("report.published"), q.published], [t("report.answered"), q.answered],
  ]);
  byId("questions").replaceChildren(...q.questions.map((x) =>
    h("li", { class: `question ${x.status}`, "data-question": x.id },
      h("p", { class: "text" }, x.text),
      h("p", { class: "meta" }, `${votesLabel(x.votes)} · ${statusLabel(x.status)} · ${modeLabel(x.mode)}`))));
  byId("polls").replaceChildren(...report.polls.map((p) => {
    const poll: Poll = { ...p, hideResults: false, revealed: true };
    return h("article", { class: "poll report-poll", "data-poll": p.id },
      h("h3", {}, p.question),
      h("p", { class: "meta" }, pollKindLabel(p.kind)),
      new ResultsChart(poll).element,
      splitTable(p));
  }));
  byId("no-turns").hidden = report.speakingTurns.length > 0;
  byId("turns").hidden = report.speakingTurns.length === 0;
  byId("turns").querySelector("tbody")!.replaceChildren(...report.speakingTurns.map((turn) =>
    h("tr", {}, h("td", {}, String(turn.number)), h("td", {}, modeLabel(turn.mode)), h("td", {}, clock(turn.start)),
      h("td", {}, turn.end ? t("report.seconds", { n: formatNumber(Math.round((Date.parse(turn.end) - Date.parse(turn.start)) / 1000)) }) : "…"))));
  const licence = byId("licence");
  licence.replaceChildren(t("report.licence"), " ", h("a", { href: report.licence.url }, report.licence.name), ".");
  byId("report").hidden = false;
  document.body.dataset.ready = "true";
}

async function fetchReport(suffix: string): Promise<Response | null> {
  const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/${suffix}`, { headers });
  if (response.ok) return response;
  const body = await response.json().catch(() => ({}));
  say(refusalSentence(body.error, body.message), "error");
  return null;
}

async function download(suffix: string, name: string): Promise<void> {
  const response = await fetchReport(suffix);
  if (!response) return;
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

byId("print").addEventListener("click", () => window.print());
byId("download-json").addEventListener("click", () => void download("report", `cafe-ia-${code}-rapport.json`));
byId("download-csv").addEventListener("click", () => void download("report.zip", `cafe-ia-${code}-rapport.zip`));

void (async () => {
  const response = await fetchReport("report");
  if (response) render((await response.json()) as Report);
})();
