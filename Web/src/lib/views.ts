import type { Mode, PollKind, PollState, QuestionStatus, SessionState, Speaker, Video } from "./protocol";
import { h } from "./dom";
import { t, tn } from "./i18n";

// Labels are functions, not tables: the projector may switch language after loading.

/** "Sur place" / "À distance" (capitalised, as a label). */
export const modeLabel = (mode: Mode): string => t(mode === "onsite" ? "mode.onsite" : "mode.remote");
/** "sur place" / "à distance" (inside a sentence). */
export const modeText = (mode: Mode): string => t(mode === "onsite" ? "common.onsite" : "common.remote");
export const stateLabel = (state: SessionState): string => t(`state.${state}`);
export const pollStateLabel = (state: PollState): string => t(`pollState.${state}`);
export const pollKindLabel = (kind: PollKind): string => t(`pollKind.${kind}`);
export const statusLabel = (status: QuestionStatus): string => t(`status.${status}`);

export function speakerText(speaker: Speaker | undefined): string {
  return speaker ? t("common.speaker", { name: speaker.name ?? t("common.someone"), mode: modeText(speaker.mode) }) : "";
}

export function counts(s: { counts: { onsite: number; remote: number } }): string {
  return t("common.counts", { onsite: s.counts.onsite, remote: s.counts.remote });
}

/** The session's stream or visio: embedded when the provider allows it, else a link. */
export function videoBlock(video: Video | undefined): HTMLElement | null {
  if (!video) return null;
  if (video.embedUrl) {
    return h("div", { class: "video" },
      h("iframe", {
        src: video.embedUrl, title: t("video.title"), allow: "autoplay; fullscreen; picture-in-picture",
        allowfullscreen: true, referrerpolicy: "strict-origin-when-cross-origin", loading: "lazy",
      }),
      h("p", {}, h("a", { href: video.url, target: "_blank", rel: "noopener" }, t("video.openInNewTab"))));
  }
  return h("p", { class: "video-link" },
    h("a", { href: video.url, target: "_blank", rel: "noopener" }, t("video.joinCall")));
}

export function votesLabel(n: number): string {
  return tn("common.votes", n);
}
