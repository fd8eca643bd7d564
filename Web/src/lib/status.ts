import { say } from "./dom";
import { t } from "./i18n";

/** The page's status line for the connection's state. */
export function connectionStatus(status: "connected" | "reconnecting" | "disconnected" | "revoked"): void {
  say(t(`connection.${status}`), status === "connected" || status === "reconnecting" ? "info" : "error");
}
