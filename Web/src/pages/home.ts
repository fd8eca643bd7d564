import "../styles.css";
import { byId, say } from "../lib/dom";

// Home: create a session (then go to its facilitator page) or join one with a code.

byId<HTMLFormElement>("create-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const title = byId<HTMLInputElement>("title").value.trim();
  const response = await fetch("/api/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title }),
  });
  const body = await response.json();
  if (!response.ok) {
    say(body.message ?? "La session n'a pas pu être créée.", "error");
    return;
  }
  location.assign(`/facilitate/${body.joinCode}#key=${encodeURIComponent(body.facilitatorKey)}`);
});

byId<HTMLFormElement>("join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const code = byId<HTMLInputElement>("code").value.replace(/[\s-]/g, "").toUpperCase();
  const response = await fetch(`/api/sessions/${encodeURIComponent(code)}`);
  if (!response.ok) {
    say("Aucune session n'a ce code. Vérifiez les 6 caractères.", "error");
    return;
  }
  location.assign(`/join/${code}`);
});
