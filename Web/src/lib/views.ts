import type { Mode, PollKind, PollState, QuestionStatus, SessionState, Speaker } from "./protocol";
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


export function votesLabel(n: number): string {
  return tn("common.votes", n);
}
