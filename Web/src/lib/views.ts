import type { Mode, Poll, QuestionStatus, SessionState, Speaker, Video } from "./protocol";
import { h } from "./dom";

export const modeLabel: Record<Mode, string> = { onsite: "Sur place", remote: "À distance" };
export const stateLabel: Record<SessionState, string> = {
  draft: "En préparation",
  live: "En cours",
  ended: "Terminée",
};
export const pollStateLabel = { draft: "Brouillon", open: "Ouvert", closed: "Fermé" } as const;

export const statusLabel: Record<QuestionStatus, string> = {
  pending: "En attente",
  visible: "Visible",
  pinned: "En discussion",
  answered: "Répondue",
  hidden: "Masquée",
  rejected: "Refusée",
  withdrawn: "Retirée",
  merged: "Fusionnée",
};

export function speakerText(speaker: Speaker | undefined): string {
  return speaker ? `${speaker.name ?? "Un participant"} (${modeLabel[speaker.mode].toLowerCase()}) a la parole.` : "";
}

export function counts(s: { counts: { onsite: number; remote: number } }): string {
  return `${s.counts.onsite} sur place · ${s.counts.remote} à distance`;
}

/** The session's stream or visio: embedded when the provider allows it, else a link. */
export function videoBlock(video: Video | undefined): HTMLElement | null {
  if (!video) return null;
  if (video.embedUrl) {
    return h("div", { class: "video" },
      h("iframe", {
        src: video.embedUrl, title: "Vidéo de la session", allow: "autoplay; fullscreen; picture-in-picture",
        allowfullscreen: true, referrerpolicy: "strict-origin-when-cross-origin", loading: "lazy",
      }),
      h("p", {}, h("a", { href: video.url, target: "_blank", rel: "noopener" }, "Ouvrir la vidéo dans un nouvel onglet")));
  }
  return h("p", { class: "video-link" },
    h("a", { href: video.url, target: "_blank", rel: "noopener" }, "Rejoindre la visio de la session"));
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
