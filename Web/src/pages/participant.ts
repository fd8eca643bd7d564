import "../styles.css";
import { SessionConnection, codeFromPath } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { refusalText, type Mode, type Poll, type Question } from "../lib/protocol";
import { byVotes, modeLabel, pollResults, stateLabel, votesLabel } from "../lib/views";

// Participant: join with a name (optional) and a mode, then ask, upvote and vote.

const code = codeFromPath();
const params = new URLSearchParams(location.search);
const joinForm = byId<HTMLFormElement>("join-form");
const presetMode = params.get("mode");
if (presetMode === "onsite" || presetMode === "remote") {
  byId<HTMLInputElement>(`mode-${presetMode}`).checked = true;
}
byId("join-code").textContent = code;
let connection: SessionConnection | null = null;
/** Choices ticked but not yet sent, kept across re-renders caused by other people's changes. */
const draftChoices = new Map<string, number[]>();

joinForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const mode = (new FormData(joinForm).get("mode") as Mode | null) ?? "remote";
  const displayName = byId<HTMLInputElement>("name").value.trim() || undefined;
  connection = new SessionConnection({ joinCode: code, displayName, mode });
  connection.store.onChange(render);
  connection.onStatus = (s) => say(s === "connected" ? "Connecté." : s === "reconnecting" ? "Reconnexion…" : "Déconnecté.");
  try {
    await connection.start();
    show(joinForm, false);
    show(byId("live"), true);
    byId<HTMLTextAreaElement>("question-text").focus();
  } catch (error) {
    say(refusalText(error), "error");
  }
});

byId<HTMLFormElement>("ask-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = byId<HTMLTextAreaElement>("question-text");
  const anonymous = byId<HTMLInputElement>("anonymous").checked;
  try {
    const { questionId } = await connection!.invoke<{ questionId: string }>("AskQuestion", { text: text.value, anonymous });
    markMine(questionId);
    text.value = "";
    say("Votre question est envoyée.");
  } catch (error) {
    say(refusalText(error), "error");
  }
});

/** My questions of this visit: the broadcast may arrive before or after AskQuestion's answer. */
const myQuestions = new Set<string>();

function markMine(questionId: string): void {
  myQuestions.add(questionId);
  connection!.store.update(() => {});
}

async function toggleUpvote(q: Question): Promise<void> {
  const upvoted = !q.upvoted;
  try {
    await connection!.invoke(upvoted ? "Upvote" : "RemoveUpvote", { questionId: q.id });
    connection!.store.update((s) => {
      const mine = s.questions.find((x) => x.id === q.id);
      if (mine) mine.upvoted = upvoted;
    });
  } catch (error) {
    say(refusalText(error), "error");
  }
}

async function vote(poll: Poll, form: HTMLFormElement): Promise<void> {
  const choices = new FormData(form).getAll("choice").map((v) => Number(v));
  try {
    await connection!.invoke("Vote", { pollId: poll.id, choices });
    draftChoices.delete(poll.id);
    connection!.store.update((s) => {
      const p = s.polls.find((x) => x.id === poll.id);
      if (p) p.myChoices = choices;
    });
    say("Votre vote est pris en compte.");
  } catch (error) {
    say(refusalText(error), "error");
  }
}

function render(): void {
  const s = connection?.store.snapshot;
  if (!s) return;
  byId("title").textContent = s.title;
  byId("session-state").textContent = stateLabel[s.state];
  byId("counts").textContent = `${s.counts.onsite} sur place · ${s.counts.remote} à distance`;
  show(byId("ask-form"), s.state !== "ended");
  keepFocus(() => {
    renderPolls(s.polls.filter((p) => p.state !== "draft"));
    renderQuestions(byVotes(s.questions));
  });
}


function renderQuestions(questions: Question[]): void {
  const list = byId("questions");
  list.replaceChildren(...questions.map((q) =>
    h("li", { class: "question", "data-question": q.id },
      h("p", { class: "text" }, q.text),
      h("p", { class: "meta" },
        `${q.authorName ?? "Anonyme"} · ${modeLabel[q.mode]}${q.mine || myQuestions.has(q.id) ? " · votre question" : ""}`),
      h("button", {
        type: "button",
        class: q.upvoted ? "upvote upvoted" : "upvote",
        "aria-pressed": q.upvoted ? "true" : "false",
        "aria-label": `${q.upvoted ? "Retirer mon vote" : "Voter pour"} : ${q.text}`,
        "data-focus": `upvote-${q.id}`,
        onclick: () => void toggleUpvote(q),
      }, `▲ ${votesLabel(q.votes)}`))));
  show(byId("no-questions"), questions.length === 0);
}

function renderPolls(polls: Poll[]): void {
  const section = byId("polls");
  section.replaceChildren(...polls.map((poll) => {
    const open = poll.state === "open";
    const type = poll.kind === "single" ? "radio" : "checkbox";
    const ticked = draftChoices.get(poll.id) ?? poll.myChoices ?? [];
    const form = h("form", { class: "ballot", "data-poll": poll.id },
      h("fieldset", { disabled: !open },
        h("legend", {}, poll.question),
        ...poll.options.map((option, i) =>
          h("label", { class: "choice" },
            h("input", { type, name: "choice", value: i, checked: ticked.includes(i), "data-focus": `${poll.id}-${i}` }),
            option))),
      open && h("button", { type: "submit", "data-focus": `vote-${poll.id}` }, poll.myChoices ? "Changer mon vote" : "Voter"),
      poll.myChoices && h("p", { class: "confirmation" }, "✓ Votre vote est pris en compte."),
      !open && h("p", { class: "closed" }, "Ce sondage est fermé."));
    form.addEventListener("change", () => {
      draftChoices.set(poll.id, new FormData(form).getAll("choice").map((v) => Number(v)));
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void vote(poll, form);
    });
    return h("article", { class: "poll" }, form, pollResults(poll));
  }));
}
