import { say } from "./dom";

/** The page's status line for the connection's state. */
export function connectionStatus(status: "connected" | "reconnecting" | "disconnected" | "revoked"): void {
  const text = {
    connected: "Connecté.",
    reconnecting: "Connexion perdue, reconnexion…",
    disconnected: "Déconnecté. Rechargez la page pour revenir.",
    revoked: "Ce lien de modération a été révoqué.",
  }[status];
  say(text, status === "connected" || status === "reconnecting" ? "info" : "error");
}
