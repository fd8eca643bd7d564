import type { Mode, Poll, Question, SessionState } from "./protocol";
import { h } from "./dom";

export const modeLabel: Record<Mode, string> = { onsite: "Sur place", remote: "À distance" };
export const stateLabel: Record<SessionState, string> = {
  draft: "En préparation",
  live: "En cours",
  ended: "Terminée",
};
export const pollStateLabel = { draft: "Brouillon", open: "Ouvert", closed: "Fermé" } as const;

export function byVotes(questions: Question[]): Question[] {
  return [...questions].sort((a, b) => b.votes - a.votes || a.askedAt.localeCompare(b.askedAt));
}

export function votesLabel(n: number): string {
  return n === 1 ? "1 vote" : `${n} votes`;
}

/** Result bars of a poll, with on-site and remote shares of each option. */
export function pollResults(poll: Poll): HTMLElement {
  const r = poll.results;
  const max = Math.max(1, ...r.counts);
  const list = h("ul", { class: "results", "aria-label": `Résultats : ${poll.question}` });
  poll.options.forEach((option, i) => {
    const total = r.counts[i] ?? 0;
    const onsite = r.onsite[i] ?? 0;
    const remote = r.remote[i] ?? 0;
    list.append(
      h("li", { "data-option": i },
        h("span", { class: "option" }, option),
        h("span", { class: "bar", "aria-hidden": "true" },
          h("span", { class: "onsite", style: `width:${(100 * onsite) / max}%` }),
          h("span", { class: "remote", style: `width:${(100 * remote) / max}%` })),
        h("span", { class: "count", "data-count": total },
          `${total} (${onsite} sur place, ${remote} à distance)`)));
  });
  const voters = r.voters === 1 ? "1 participant a voté" : `${r.voters} participants ont voté`;
  return h("div", { class: "poll-results" }, list, h("p", { class: "voters" }, voters));
}
