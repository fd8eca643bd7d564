import "../styles.css";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { refusalText, type Question, type QuestionStatus, type Snapshot } from "../lib/protocol";
import { order, type QueueOrder } from "../lib/queue";
import { connectionStatus } from "../lib/status";
import { throttled } from "../lib/throttle";
import { counts, modeLabel, speakerText, stateLabel, statusLabel, votesLabel } from "../lib/views";

// Moderator console: work the question queue and the speaking queue. The facilitator's key
// opens it too.

const code = codeFromPath();
const key = keyFromFragment();
const connection = new SessionConnection({ joinCode: code, mode: "onsite", key });
connection.store.onChange(throttled(render));
connection.onStatus = connectionStatus;
const filter = byId<HTMLSelectElement>("filter");
const sort = byId<HTMLSelectElement>("sort");
filter.addEventListener("change", render);
sort.addEventListener("change", render);

async function run(method: string, payload?: object, done?: string): Promise<boolean> {
  try {
    await connection.invoke(method, payload);
    if (done) say(done);
    return true;
  } catch (error) {
    say(refusalText(error), "error");
    return false;
  }
}

byId("call-next").addEventListener("click", async () => {
  try {
    await connection.invoke("CallNextSpeaker", {});
    say("La parole est donnée.");
  } catch (error) {
    say(refusalText(error), "error");
  }
});
byId("end-speaking").addEventListener("click", () => void run("EndSpeaking", {}, "Prise de parole terminée."));

async function start(): Promise<void> {
  if (!key) {
    say("Ce lien de modération est incomplet : la clé manque après #key=.", "error");
    return;
  }
  try {
    const joined = await connection.start();
    if (joined.role !== "moderator" && joined.role !== "facilitator") {
      say("Ce lien n'est pas un lien de modération.", "error");
      return;
    }
    show(byId("console"), true);
  } catch (error) {
    say(refusalText(error), "error");
  }
}

const shown: Record<string, (s: QuestionStatus) => boolean> = {
  queue: (s) => s === "pending" || s === "visible" || s === "pinned",
  pending: (s) => s === "pending",
  visible: (s) => s === "visible" || s === "pinned",
  answered: (s) => s === "answered",
  hidden: (s) => s === "hidden",
  rejected: (s) => s === "rejected",
  all: () => true,
};

function render(): void {
  const s = connection.store.snapshot;
  if (!s) return;
  if (s.deleted) {
    say("Cette session a été supprimée avec toutes ses données.", "error");
    document.querySelector("main > div, main > section")?.setAttribute("hidden", "");
    return;
  }
  byId("title").textContent = s.title;
  byId("join-code").textContent = s.joinCode;
  byId("session-state").textContent = stateLabel[s.state];
  byId("counts").textContent = counts(s);
  byId("moderation-mode").textContent = s.preModeration ? "pré-modération active" : "questions publiées directement";
  const pinned = s.questions.find((q) => q.status === "pinned");
  byId("pinned").textContent = pinned ? `En discussion : ${pinned.text}` : "Aucune question épinglée.";
  byId("speaker").textContent = speakerText(s.speaker) || "Personne n'a la parole.";
  const pending = s.questions.filter((q) => q.status === "pending").length;
  byId("queue-heading").textContent = pending ? `Questions (${pending} en attente)` : "Questions";
  const questions = order(s.questions.filter((q) => shown[filter.value](q.status)), sort.value as QueueOrder);
  keepFocus(() => {
    byId("questions").replaceChildren(...questions.map((q) => questionRow(q, s)));
    show(byId("no-questions"), questions.length === 0);
    const hands = s.hands ?? [];
    byId("hands").replaceChildren(...hands.map((hand, i) =>
      h("li", {},
        h("span", {}, `${i + 1}. ${hand.name ?? "Participant anonyme"} · ${modeLabel[hand.mode]}`),
        h("button", {
          type: "button", "data-focus": `call-${hand.participantId}`,
          onclick: () => void run("CallSpeaker", { participantId: hand.participantId }, "La parole est donnée."),
        }, "Donner la parole"))));
    show(byId("no-hands"), hands.length === 0);
  });
}

function action(label: string, method: string, q: Question, done: string, payload: object = {}): HTMLElement {
  return h("button", {
    type: "button", "data-focus": `${method}-${q.id}`,
    onclick: () => void run(method, { questionId: q.id, ...payload }, done),
  }, label);
}

function questionRow(q: Question, s: Snapshot): HTMLElement {
  const muted = q.authorId !== undefined && (s.mutedParticipants ?? []).includes(q.authorId);
  const buttons: HTMLElement[] = [];
  if (q.status === "pending" || q.status === "hidden" || q.status === "rejected") {
    buttons.push(action(q.status === "pending" ? "Approuver" : "Rétablir", "ApproveQuestion", q, "Question publiée."));
  }
  if (q.status === "pinned") buttons.push(action("Désépingler", "UnpinQuestion", q, "Question désépinglée."));
  else if (q.status !== "hidden" && q.status !== "rejected") buttons.push(action("Épingler", "PinQuestion", q, "Question épinglée à l'écran."));
  if (q.status === "visible" || q.status === "pinned") buttons.push(action("Marquer répondue", "MarkAnswered", q, "Question marquée comme répondue."));
  if (q.status !== "hidden" && q.status !== "rejected") buttons.push(action("Masquer", "HideQuestion", q, "Question masquée."));

  const others = s.questions.filter((o) => o.id !== q.id && o.status !== "rejected");
  const more = h("details", { "data-focus": `more-${q.id}` },
    h("summary", {}, "Autres actions"),
    form(`edit-${q.id}`, "Corriger le texte", h("textarea", { id: `edit-${q.id}`, rows: 2, maxlength: 500, "data-focus": `edit-${q.id}`, "data-keep": true }, q.text),
      "Enregistrer", (v) => run("EditQuestion", { questionId: q.id, text: v }, "Texte corrigé.")),
    q.status === "pending" && form(`reject-${q.id}`, "Motif du refus (montré à l'auteur, facultatif)",
      h("input", { id: `reject-${q.id}`, maxlength: 200, "data-focus": `reject-${q.id}`, "data-keep": true }),
      "Refuser", (v) => run("RejectQuestion", { questionId: q.id, reason: v || undefined }, "Question refusée.")),
    others.length > 0 && form(`merge-${q.id}`, "Fusionner ce doublon dans",
      h("select", { id: `merge-${q.id}`, "data-focus": `merge-${q.id}`, "data-keep": true },
        ...others.map((o) => h("option", { value: o.id }, o.text.length > 60 ? `${o.text.slice(0, 60)}…` : o.text))),
      "Fusionner", (v) => run("MergeQuestions", { questionId: q.id, intoQuestionId: v }, "Questions fusionnées.")),
    q.authorId && h("button", {
      type: "button", "data-focus": `mute-${q.id}`,
      onclick: () => void run(muted ? "UnmuteParticipant" : "MuteParticipant", { participantId: q.authorId },
        muted ? "L'auteur peut de nouveau publier." : "L'auteur ne peut plus publier."),
    }, muted ? "Réautoriser l'auteur à publier" : "Empêcher l'auteur de publier"));

  return h("li", { class: `question ${q.status}`, "data-question": q.id },
    h("p", { class: "text" }, q.text),
    h("p", { class: "meta" },
      `${statusLabel[q.status]} · ${votesLabel(q.votes)} · ${q.authorName ?? "Anonyme"} · ${modeLabel[q.mode]}` +
      `${q.edited ? " · modifiée" : ""}${muted ? " · auteur suspendu" : ""}`),
    q.rejectReason && h("p", { class: "note" }, `Motif : ${q.rejectReason}`),
    h("div", { class: "actions" }, ...buttons),
    more);
}

function form(id: string, label: string, field: HTMLElement, submit: string, act: (value: string) => Promise<boolean>): HTMLElement {
  const f = h("form", { class: "inline-form" }, h("label", { for: id }, label), field, h("button", { type: "submit", "data-focus": `${id}-submit` }, submit));
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    void act((field as HTMLInputElement).value.trim());
  });
  return f;
}

void start();
