import "../styles.css";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { refusalText, type Poll, type PollKind } from "../lib/protocol";
import { byVotes, modeLabel, pollResults, pollStateLabel, stateLabel, votesLabel } from "../lib/views";

// Facilitator: run the session (start, end), create and run polls, watch questions and results.

const code = codeFromPath();
const key = keyFromFragment();
const connection = new SessionConnection({ joinCode: code, mode: "onsite", key });
connection.store.onChange(render);
connection.onStatus = (s) => say(s === "connected" ? "Connecté." : s === "reconnecting" ? "Reconnexion…" : "Déconnecté.");

async function run(method: string, payload?: unknown, done?: string): Promise<boolean> {
  try {
    await connection.invoke(method, payload);
    if (done) say(done);
    return true;
  } catch (error) {
    say(refusalText(error), "error");
    return false;
  }
}

async function start(): Promise<void> {
  if (!key) {
    say("Ce lien d'animation est incomplet : la clé manque après #key=.", "error");
    return;
  }
  try {
    const joined = await connection.start();
    const origin = location.origin;
    const links = byId("links");
    const staff = joined.staffKeys;
    links.replaceChildren(...[
      link("Participants sur place", `${origin}/join/${code}?mode=onsite`),
      link("Participants à distance", `${origin}/join/${code}?mode=remote`),
      staff ? link("Écran de projection", `${origin}/screen/${code}#key=${encodeURIComponent(staff.projectorKey)}`) : null,
    ].filter((x): x is HTMLElement => x !== null));
    show(byId("console"), true);
  } catch (error) {
    say(refusalText(error), "error");
  }
}

function link(label: string, url: string): HTMLElement {
  return h("li", {}, h("span", { class: "label" }, `${label} : `), h("a", { href: url, target: "_blank", rel: "noopener" }, url));
}

byId("start-session").addEventListener("click", () => void run("StartSession", undefined, "La session est en cours."));
byId("end-session").addEventListener("click", () => {
  if (confirm("Terminer la session ? Plus personne ne pourra poser de question ni voter.")) {
    void run("EndSession", undefined, "La session est terminée.");
  }
});

const pollForm = byId<HTMLFormElement>("poll-form");
pollForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = new FormData(pollForm);
  const options = String(data.get("options") ?? "").split("\n").map((o) => o.trim()).filter(Boolean);
  const ok = await run("CreatePoll", {
    question: String(data.get("question") ?? ""),
    kind: data.get("kind") as PollKind,
    options,
  }, "Sondage créé. Ouvrez-le quand vous êtes prêt.");
  if (ok) pollForm.reset();
});

function render(): void {
  const s = connection.store.snapshot;
  if (!s) return;
  byId("title").textContent = s.title;
  byId("join-code").textContent = s.joinCode;
  byId("session-state").textContent = stateLabel[s.state];
  byId("counts").textContent = `${s.counts.onsite} sur place · ${s.counts.remote} à distance`;
  show(byId("start-session"), s.state === "draft");
  show(byId("end-session"), s.state === "live");
  keepFocus(() => {
    byId("polls").replaceChildren(...[...s.polls].reverse().map(pollCard));
    byId("questions").replaceChildren(...byVotes(s.questions).map((q) =>
      h("li", { class: "question", "data-question": q.id },
        h("p", { class: "text" }, q.text),
        h("p", { class: "meta" }, `${votesLabel(q.votes)} · ${q.authorName ?? "Anonyme"} · ${modeLabel[q.mode]}`))));
    show(byId("no-questions"), s.questions.length === 0);
  });
}

function pollCard(poll: Poll): HTMLElement {
  return h("article", { class: "poll", "data-poll": poll.id },
    h("h3", {}, poll.question),
    h("p", { class: "meta" }, `${poll.kind === "single" ? "Choix unique" : "Choix multiple"} · ${pollStateLabel[poll.state]}`),
    poll.state !== "open" && h("button", {
      type: "button", "data-focus": `open-${poll.id}`,
      onclick: () => void run("OpenPoll", { pollId: poll.id }, "Sondage ouvert."),
    }, poll.state === "draft" ? "Ouvrir" : "Rouvrir"),
    poll.state === "open" && h("button", {
      type: "button", "data-focus": `close-${poll.id}`,
      onclick: () => void run("ClosePoll", { pollId: poll.id }, "Sondage fermé."),
    }, "Fermer"),
    pollResults(poll));
}

void start();
