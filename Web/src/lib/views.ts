import type { Mode, PollKind, QuestionStatus, SessionState, Speaker, Video } from "./protocol";
import { h } from "./dom";

export const modeLabel: Record<Mode, string> = { onsite: "Sur place", remote: "À distance" };
export const stateLabel: Record<SessionState, string> = {
  draft: "En préparation",
  live: "En cours",
  ended: "Terminée",
};
export const pollStateLabel = { draft: "Brouillon", open: "Ouvert", closed: "Fermé" } as const;
export const pollKindLabel: Record<PollKind, string> = {
  single: "Choix unique",
  multiple: "Choix multiple",
  wordCloud: "Nuage de mots",
  rating: "Échelle de notation",
  openText: "Réponse libre",
};

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

