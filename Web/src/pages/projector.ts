import "../styles.css";
import { showDeleted } from "../lib/status";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, say, show } from "../lib/dom";
import { refusalText } from "../lib/protocol";
import { order } from "../lib/queue";
import { Charts } from "../lib/charts";
import { throttled } from "../lib/throttle";
import { counts, modeLabel, modeText, speakerText, votesLabel } from "../lib/views";
import { applyTranslations, languageSwitcher, t, tn, useSessionLanguage } from "../lib/i18n";

// Projector: the big screen in the room. Read-only: join code and QR code, the pinned question,
// the live poll, the top questions, the counts and who has the floor. It speaks the session's
// language unless one was chosen (?lang or the switch).

applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());
/** Whether the session's language was looked at (on the first snapshot). */
let languageChecked = false;

const code = codeFromPath();
const connection = new SessionConnection({ joinCode: code, mode: "onsite", key: keyFromFragment() });
connection.store.onChange(throttled(render));
const charts = new Charts();
connection.onStatus = (s) => say(s === "connected" ? "" : t(s === "reconnecting" ? "projector.reconnecting" : "projector.disconnected"));
byId("join-code").textContent = code;
byId("join-url").textContent = `${location.host}/join/${code}`;
byId<HTMLImageElement>("qr").src = `/api/sessions/${encodeURIComponent(code)}/qr.svg?mode=onsite`;

function render(): void {
  const s = connection.store.snapshot;
  if (!s) return;
  if (!languageChecked) {
    // Before anything is drawn: what follows is drawn in the session's language.
    languageChecked = true;
    useSessionLanguage(s.language);
  }
  if (showDeleted(s)) return;
  byId("title").textContent = s.title;
  byId("counts").textContent = counts(s);
  byId("speaker").textContent = speakerText(s.speaker);
  const pinned = s.questions.find((q) => q.status === "pinned");
  show(byId("pinned"), pinned !== undefined);
  byId("pinned-text").textContent = pinned?.text ?? "";
  byId("pinned-meta").textContent = pinned ? `${pinned.authorName ?? t("common.anonymous")} · ${modeLabel(pinned.mode)} · ${votesLabel(pinned.votes)}` : "";
  // The poll on screen: the last opened one still open, else the last one closed.
  const open = s.polls.filter((p) => p.state === "open");
  const poll = open.at(-1) ?? s.polls.filter((p) => p.state === "closed").at(-1);
  const pollSection = byId("poll");
  show(pollSection, poll !== undefined);
  if (poll) {
    // Hidden results reach the projector, but the room sees them only once revealed.
    const shown = !poll.hideResults || poll.revealed;
    pollSection.replaceChildren(
      h("h2", {}, poll.question),
      shown ? charts.for(poll) : h("p", { class: "note" },
        tn("projector.resultsHidden", poll.results?.voters ?? 0)),
      h("p", { class: "legend" },
        h("span", { class: "key onsite" }), ` ${modeText("onsite")} `, h("span", { class: "key remote" }), ` ${modeText("remote")}`));
    const national = shown ? charts.national(poll, connection.store.programme) : null;
    if (national) pollSection.append(national);
  }
  const top = order(s.questions.filter((q) => q.status === "visible"), "votes").slice(0, 5);
  byId("questions").replaceChildren(...top.map((q) =>
    h("li", { class: "question", "data-question": q.id },
      h("span", { class: "votes" }, votesLabel(q.votes)),
      h("span", { class: "text" }, q.text),
      h("span", { class: "meta" }, modeLabel(q.mode)))));
}

connection.start().catch((error) => say(refusalText(error), "error"));
