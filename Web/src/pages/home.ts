import "../styles.css";
import { byId, say } from "../lib/dom";
import { applyTranslations, currentLang, languageSwitcher, t } from "../lib/i18n";
import { refusalSentence } from "../lib/protocol";

// Home: create a session (then go to its facilitator page) or join one with a code.

applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());
const language = byId<HTMLSelectElement>("language");
language.value = currentLang();

byId<HTMLFormElement>("create-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const title = byId<HTMLInputElement>("title").value.trim();
  const response = await fetch("/api/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title, language: language.value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    // A refusal is {"error": code, "message": English sentence}.
    say(body.error ? refusalSentence(body.error, body.message) : t("home.createFailed"), "error");
    return;
  }
  location.assign(`/facilitate/${body.joinCode}#key=${encodeURIComponent(body.facilitatorKey)}`);
});

byId<HTMLFormElement>("join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const code = byId<HTMLInputElement>("code").value.replace(/[\s-]/g, "").toUpperCase();
  const response = await fetch(`/api/sessions/${encodeURIComponent(code)}`);
  if (!response.ok) {
    say(t("home.unknownCode"), "error");
    return;
  }
  location.assign(`/join/${code}`);
});
