import "../styles.css";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { isPublic, refusalText, type ModeratorLink, type Poll, type PollKind } from "../lib/protocol";
import { order } from "../lib/queue";
import { connectionStatus } from "../lib/status";
import { counts, modeLabel, pollResults, pollStateLabel, stateLabel, statusLabel, votesLabel } from "../lib/views";

// Facilitator: run the session (start, end), create and run polls, watch questions and results.

const code = codeFromPath();
const key = keyFromFragment();
const connection = new SessionConnection({ joinCode: code, mode: "onsite", key });
connection.store.onChange(render);
connection.onStatus = connectionStatus;
/** Moderator keys this page knows (from the join or a creation): the server never sends them again. */
const moderatorKeys = new Map<string, string>();

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
    const staff = joined.staffKeys;
    for (const l of staff?.moderatorLinks ?? []) if (l.key) moderatorKeys.set(l.id, l.key);
    byId("links").replaceChildren(...[
      link("Participants sur place", `${origin}/join/${code}?mode=onsite`),
      link("Participants à distance", `${origin}/join/${code}?mode=remote`),
      staff ? link("Écran de projection", `${origin}/screen/${code}#key=${encodeURIComponent(staff.projectorKey)}`) : null,
      link("Votre console de modération", `${origin}/moderate/${code}#key=${encodeURIComponent(key)}`),
    ].filter((x): x is HTMLElement => x !== null));
    byId<HTMLInputElement>("video-url").value = joined.snapshot.video?.url ?? "";
    show(byId("console"), true);
    render();
  } catch (error) {
    say(refusalText(error), "error");
  }
}

function link(label: string, url: string): HTMLElement {
  return h("li", {}, h("span", { class: "label" }, `${label} : `), h("a", { href: url, target: "_blank", rel: "noopener" }, url));
}

byId<HTMLInputElement>("premoderation").addEventListener("change", (e) => {
  const on = (e.target as HTMLInputElement).checked;
  void run("SetModeration", { preModeration: on }, on ? "Les nouvelles questions attendront une relecture." : "Les questions sont publiées directement.");
});
byId<HTMLFormElement>("video-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void run("SetVideo", { url: byId<HTMLInputElement>("video-url").value }, "La vidéo est affichée aux participants.");
});
byId("video-remove").addEventListener("click", async () => {
  if (await run("SetVideo", { url: null }, "Vidéo retirée.")) byId<HTMLInputElement>("video-url").value = "";
});
byId<HTMLFormElement>("moderator-link-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const label = byId<HTMLInputElement>("moderator-label");
  try {
    const created = await connection.invoke<ModeratorLink>("CreateModeratorLink", { label: label.value || undefined });
    moderatorKeys.set(created.id, created.key!);
    label.value = "";
    render();
    say("Lien de modération créé.");
  } catch (error) {
    say(refusalText(error), "error");
  }
});

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
  byId("counts").textContent = counts(s);
  byId<HTMLInputElement>("premoderation").checked = s.preModeration;
  show(byId("start-session"), s.state === "draft");
  show(byId("end-session"), s.state === "live");
  keepFocus(() => {
    byId("polls").replaceChildren(...[...s.polls].reverse().map(pollCard));
    const questions = order(s.questions.filter((q) => isPublic(q.status) || q.status === "pending"), "votes");
    byId("questions").replaceChildren(...questions.map((q) =>
      h("li", { class: `question ${q.status}`, "data-question": q.id },
        h("p", { class: "text" }, q.text),
        h("p", { class: "meta" }, `${statusLabel[q.status]} · ${votesLabel(q.votes)} · ${q.authorName ?? "Anonyme"} · ${modeLabel[q.mode]}`))));
    show(byId("no-questions"), questions.length === 0);
    byId("moderator-links").replaceChildren(...(s.moderatorLinks ?? []).map((l) => {
      const k = moderatorKeys.get(l.id);
      const name = l.label ?? `Lien ${l.id}`;
      return h("li", {},
        h("span", { class: "label" }, `${name} : `),
        k ? h("a", { href: `${location.origin}/moderate/${code}#key=${encodeURIComponent(k)}`, target: "_blank", rel: "noopener" },
          `${location.origin}/moderate/${code}#key=…`) : "(ouvrez le lien d'animation d'origine pour le revoir)",
        " ",
        h("button", {
          type: "button", "data-focus": `revoke-${l.id}`,
          onclick: () => void run("RevokeModeratorLink", { linkId: l.id }, `${name} révoqué.`),
        }, `Révoquer ${name}`));
    }));
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
