import { h } from "./dom";
import { formatNumber, t, tn } from "./i18n";
import type { Answer, Poll, PollResults, ProgrammeView } from "./protocol";
import { modeLabel } from "./views";

// Poll results drawn from live data, updated in place (the same elements, new sizes), so CSS
// transitions animate the change. Every figure is also written as text, for screen readers and
// for the back of the room. Results are always split: all, on site, remote.

export type Split = "all" | "onsite" | "remote";
const splits: Split[] = ["all", "onsite", "remote"];
export const splitLabel = (split: Split): string => (split === "all" ? t("charts.all") : modeLabel(split));

export interface ChartOptions {
  /** Offer the all / on site / remote switch (pages); the projector shows all, split by colour. */
  switchable?: boolean;
  /** Staff: buttons to approve or hide open-text answers. */
  moderateAnswer?: (answer: Answer, approve: boolean) => void;
}

export class ResultsChart {
  readonly element: HTMLElement;
  private split: Split = "all";
  private readonly body = h("div", { class: "chart-body" });
  private readonly summary = h("p", { class: "voters", "aria-live": "off" });
  private readonly rows = new Map<string, HTMLElement>();
  private shape = "";
  private poll: Poll;

  constructor(poll: Poll, private readonly options: ChartOptions = {}) {
    this.poll = poll;
    this.element = h("div", { class: `poll-results kind-${poll.kind}`, "data-results": poll.id });
    if (options.switchable) this.element.append(this.switcher());
    this.element.append(this.body, this.summary);
    this.update(poll);
  }

  update(poll: Poll): void {
    this.poll = poll;
    const r = poll.results;
    if (!r) {
      this.reset("hidden");
      this.body.replaceChildren(h("p", { class: "note" }, t("charts.hiddenUntilRevealed")));
      this.summary.textContent = "";
      return;
    }
    const voters = this.split === "all" ? r.voters : this.split === "onsite" ? r.votersOnsite : r.votersRemote;
    this.summary.textContent = tn("charts.voters", voters);
    if (poll.kind === "wordCloud") this.words(r);
    else if (poll.kind === "openText") this.answers(r.answers ?? []);
    else this.bars(poll, r);
  }

  private switcher(): HTMLElement {
    const name = `split-${this.poll.id}-${Math.random().toString(36).slice(2, 7)}`;
    return h("fieldset", { class: "split" },
      h("legend", {}, t("charts.showAnswers")),
      ...splits.map((split) =>
        h("label", {},
          h("input", {
            type: "radio", name, value: split, checked: split === this.split,
            onchange: () => { this.split = split; this.update(this.poll); },
          }),
          splitLabel(split))));
  }

  private reset(shape: string): void {
    if (this.shape !== shape) {
      this.shape = shape;
      this.rows.clear();
      this.body.replaceChildren();
    }
  }

  /** Choice polls and rating scales: one bar per option, on-site and remote segments. */
  private bars(poll: Poll, r: PollResults): void {
    this.reset(`bars:${poll.options.join("\u0000")}`);
    if (this.rows.size === 0) {
      const list = h("ul", { class: "results", "aria-label": t("charts.resultsFor", { question: poll.question }) });
      poll.options.forEach((option, i) => {
        const row = h("li", { "data-option": i },
          h("span", { class: "option" }, option),
          h("span", { class: "bar", "aria-hidden": "true" }, h("span", { class: "onsite" }), h("span", { class: "remote" })),
          h("span", { class: "count" }));
        this.rows.set(String(i), row);
        list.append(row);
      });
      this.body.append(list);
      if (poll.kind === "rating") this.body.append(h("p", { class: "scale-labels" }), h("p", { class: "mean" }));
    }
    const shown = (i: number) => this.split === "all" ? r.counts[i] ?? 0 : this.split === "onsite" ? r.onsite[i] ?? 0 : r.remote[i] ?? 0;
    const max = Math.max(1, ...poll.options.map((_, i) => shown(i)));
    poll.options.forEach((_, i) => {
      const row = this.rows.get(String(i))!;
      const [onsite, remote] = [r.onsite[i] ?? 0, r.remote[i] ?? 0];
      (row.querySelector(".onsite") as HTMLElement).style.width = `${this.split === "remote" ? 0 : (100 * onsite) / max}%`;
      (row.querySelector(".remote") as HTMLElement).style.width = `${this.split === "onsite" ? 0 : (100 * remote) / max}%`;
      const count = row.querySelector(".count") as HTMLElement;
      count.dataset.count = String(shown(i));
      count.textContent = this.split === "all" ? t("charts.countSplit", { total: r.counts[i] ?? 0, onsite, remote }) : String(shown(i));
    });
    if (poll.kind === "rating") {
      const labels = this.body.querySelector(".scale-labels") as HTMLElement;
      labels.textContent = [poll.minLabel && `1 = ${poll.minLabel}`, poll.maxLabel && `${poll.scaleMax} = ${poll.maxLabel}`].filter(Boolean).join(" · ");
      const mean = r.mean ?? {};
      const m = (v?: number) => (v === undefined || v === null ? "—" : formatNumber(v, 1));
      (this.body.querySelector(".mean") as HTMLElement).textContent = this.split === "all"
        ? t("charts.meanSplit", { all: m(mean.all), max: String(poll.scaleMax), onsite: m(mean.onsite), remote: m(mean.remote) })
        : t("charts.mean", { mean: m(this.split === "onsite" ? mean.onsite : mean.remote), max: String(poll.scaleMax) });
    }
  }

  /** A word cloud: each word sized by how many said it; words come and go in place. */
  private words(r: PollResults): void {
    this.reset("words");
    if (this.rows.size === 0 && !this.body.firstChild) {
      this.body.append(h("ul", { class: "wordcloud", "aria-label": t("charts.wordCloud") }));
    }
    const list = this.body.firstChild as HTMLElement;
    const count = (w: { count: number; onsite: number; remote: number }) =>
      this.split === "all" ? w.count : this.split === "onsite" ? w.onsite : w.remote;
    const words = (r.words ?? []).filter((w) => count(w) > 0);
    const max = Math.max(1, ...words.map(count));
    const keep = new Set(words.map((w) => w.word));
    for (const [word, el] of this.rows) if (!keep.has(word)) { el.remove(); this.rows.delete(word); }
    words.forEach((w, i) => {
      let el = this.rows.get(w.word);
      if (!el) {
        el = h("li", { "data-word": w.word }, h("span", { class: "word" }, w.word), h("span", { class: "sr-only" }));
        this.rows.set(w.word, el);
      }
      const n = count(w);
      el.style.fontSize = `${1 + 2.5 * (n / max)}em`;
      el.className = w.onsite >= w.remote ? "word-onsite" : "word-remote";
      (el.lastChild as HTMLElement).textContent = t("charts.wordCount", { n });
      el.title = t("charts.wordTitle", { word: w.word, total: w.count, onsite: w.onsite, remote: w.remote });
      el.dataset.count = String(n);
      if (list.children[i] !== el) list.insertBefore(el, list.children[i] ?? null);
    });
  }

  /** Open text: the approved answers (the staff also see the others, with buttons). */
  private answers(answers: Answer[]): void {
    this.reset("answers");
    const shown = answers.filter((a) => this.split === "all" || a.mode === this.split);
    this.body.replaceChildren(shown.length === 0
      ? h("p", { class: "note" }, t("charts.noAnswerYet"))
      : h("ul", { class: "answers" }, ...shown.map((a) =>
        h("li", { class: `answer ${a.status}`, "data-answer": a.id },
          h("p", { class: "text" }, a.text),
          h("p", { class: "meta" }, [modeLabel(a.mode),
            a.status === "pending" ? t("charts.answerPending") : a.status === "hidden" ? t("charts.answerHidden") : ""].filter(Boolean).join(" · ")),
          this.options.moderateAnswer && a.status !== "visible" && h("button", {
            type: "button", "data-focus": `approve-${a.id}`, onclick: () => this.options.moderateAnswer!(a, true),
          }, t("charts.publish")),
          this.options.moderateAnswer && a.status !== "hidden" && h("button", {
            type: "button", "data-focus": `hide-${a.id}`, onclick: () => this.options.moderateAnswer!(a, false),
          }, t("common.hide"))))));
  }
}

/** One chart per poll for the life of the page, so updates animate instead of redrawing. */
export class Charts {
  private readonly charts = new Map<string, ResultsChart>();

  constructor(private readonly options: ChartOptions = {}) {}

  /**
   * For a poll pushed by a national programme: the programme-wide result next to this café's,
   * updated in place; null for other polls, or while this café's own results are not shown.
   */
  national(poll: Poll, programme: ProgrammeView | null): HTMLElement | null {
    const national = programme?.polls.find((p) => p.programmePollId === poll.programmePollId);
    if (!poll.programmePollId || !national || !poll.results) return null;
    const key = `national:${poll.id}`;
    const asPoll: Poll = { ...poll, id: key, results: national.national };
    let chart = this.charts.get(key);
    if (!chart) {
      chart = new ResultsChart(asPoll, { switchable: this.options.switchable });
      this.charts.set(key, chart);
    } else {
      chart.update(asPoll);
    }
    return h("section", { class: "national", "aria-label": t("programme.national", { title: programme!.title }) },
      h("h3", {}, t("programme.national", { title: programme!.title })),
      h("p", { class: "meta" }, tn("programme.cafes", national.national.sessions)),
      chart.element);
  }

  for(poll: Poll): HTMLElement {
    let chart = this.charts.get(poll.id);
    if (!chart) {
      chart = new ResultsChart(poll, this.options);
      this.charts.set(poll.id, chart);
    } else {
      chart.update(poll);
    }
    return chart.element;
  }
}
