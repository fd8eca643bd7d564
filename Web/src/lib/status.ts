import { say } from "./dom";
import { t } from "./i18n";

/** The page's status line for the connection's state. */
export function connectionStatus(status: "connected" | "reconnecting" | "disconnected" | "revoked"): void {
  say(t(`connection.${status}`), status === "connected" || status === "reconnecting" ? "info" : "error");
}

/** A deleted session: say so and hide the page's content; true when the page must stop rendering. */
export function showDeleted(s: { deleted?: boolean }): boolean {
  if (!s.deleted) return false;
  say(t("common.sessionDeleted"), "error");
  document.querySelector("main > div, main > section")?.setAttribute("hidden", "");
  return true;
}
