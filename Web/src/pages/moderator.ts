import "../styles.css";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { refusalText, type Question, type QuestionStatus, type Snapshot } from "../lib/protocol";
import { order, type QueueOrder } from "../lib/queue";
import { connectionStatus, showDeleted } from "../lib/status";
import { throttled } from "../lib/throttle";
import { counts, modeLabel, speakerText, stateLabel, statusLabel, votesLabel } from "../lib/views";
import { applyTranslations, languageSwitcher, t } from "../lib/i18n";

// Moderator console: work the question queue and the speaking queue. The facilitator's key
// opens it too.

applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());

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
    say(t("moderator.floorGiven"));
  } catch (error) {
    say(refusalText(error), "error");
  }
});
byId("end-speaking").addEventListener("click", () => void run("EndSpeaking", {}, t("moderator.speakingEnded")));

async function start(): Promise<void> {
  if (!key) {
    say(t("moderator.incompleteLink"), "error");
    return;
  }
  try {
    const joined = await connection.start();
    if (joined.role !== "moderator" && joined.role !== "facilitator") {
      say(t("moderator.notModeratorLink"), "error");
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
  if (showDeleted(s)) return;
  byId("title").textContent = s.title;
  byId("join-code").textContent = s.joinCode;
  byId("session-state").textContent = stateLabel(s.state);
  byId("counts").textContent = counts(s);
  byId("moderation-mode").textContent = t(s.preModeration ? "moderator.premoderationOn" : "moderator.premoderationOff");
  const pinned = s.questions.find((q) => q.status === "pinned");
  byId("pinned").textContent = pinned ? t("moderator.pinned", { question: pinned.text }) : t("moderator.noPinned");
  byId("speaker").textContent = speakerText(s.speaker) || t("moderator.nobodySpeaking");
  const pending = s.questions.filter((q) => q.status === "pending").length;
  byId("queue-heading").textContent = pending ? t("moderator.questionsPending", { n: pending }) : t("common.questions");
  const questions = order(s.questions.filter((q) => shown[filter.value](q.status)), sort.value as QueueOrder);
  keepFocus(() => {
    byId("questions").replaceChildren(...questions.map((q) => questionRow(q, s)));
    show(byId("no-questions"), questions.length === 0);
    const hands = s.hands ?? [];
    byId("hands").replaceChildren(...hands.map((hand, i) =>
      h("li", {},
        h("span", {}, `${i + 1}. ${hand.name ?? t("moderator.anonymousParticipant")} · ${modeLabel(hand.mode)}`),
        h("button", {
          type: "button", "data-focus": `call-${hand.participantId}`,
          onclick: () => void run("CallSpeaker", { participantId: hand.participantId }, t("moderator.floorGiven")),
        }, t("moderator.giveFloor")))));
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
    buttons.push(action(t(q.status === "pending" ? "moderator.approve" : "moderator.restore"), "ApproveQuestion", q, t("moderator.questionPublished")));
  }
  if (q.status === "pinned") buttons.push(action(t("moderator.unpin"), "UnpinQuestion", q, t("moderator.questionUnpinned")));
  else if (q.status !== "hidden" && q.status !== "rejected") buttons.push(action(t("moderator.pin"), "PinQuestion", q, t("moderator.questionPinned")));
  if (q.status === "visible" || q.status === "pinned") buttons.push(action(t("moderator.markAnswered"), "MarkAnswered", q, t("moderator.questionAnswered")));
  if (q.status !== "hidden" && q.status !== "rejected") buttons.push(action(t("common.hide"), "HideQuestion", q, t("moderator.questionHidden")));

  const others = s.questions.filter((o) => o.id !== q.id && o.status !== "rejected");
  const more = h("details", { "data-focus": `more-${q.id}` },
    h("summary", {}, t("moderator.moreActions")),
    form(`edit-${q.id}`, t("moderator.editText"), h("textarea", { id: `edit-${q.id}`, rows: 2, maxlength: 500, "data-focus": `edit-${q.id}`, "data-keep": true }, q.text),
      t("common.save"), (v) => run("EditQuestion", { questionId: q.id, text: v }, t("moderator.textEdited"))),
    q.status === "pending" && form(`reject-${q.id}`, t("moderator.rejectReason"),
      h("input", { id: `reject-${q.id}`, maxlength: 200, "data-focus": `reject-${q.id}`, "data-keep": true }),
      t("moderator.reject"), (v) => run("RejectQuestion", { questionId: q.id, reason: v || undefined }, t("moderator.questionRejected"))),
    others.length > 0 && form(`merge-${q.id}`, t("moderator.mergeInto"),
      h("select", { id: `merge-${q.id}`, "data-focus": `merge-${q.id}`, "data-keep": true },
        ...others.map((o) => h("option", { value: o.id }, o.text.length > 60 ? `${o.text.slice(0, 60)}…` : o.text))),
      t("moderator.merge"), (v) => run("MergeQuestions", { questionId: q.id, intoQuestionId: v }, t("moderator.questionsMerged"))),
    q.authorId && h("button", {
      type: "button", "data-focus": `mute-${q.id}`,
      onclick: () => void run(muted ? "UnmuteParticipant" : "MuteParticipant", { participantId: q.authorId },
        t(muted ? "moderator.authorUnmuted" : "moderator.authorMuted")),
    }, t(muted ? "moderator.unmuteAuthor" : "moderator.muteAuthor")));

  return h("li", { class: `question ${q.status}`, "data-question": q.id },
    h("p", { class: "text" }, q.text),
    h("p", { class: "meta" },
      `${statusLabel(q.status)} · ${votesLabel(q.votes)} · ${q.authorName ?? t("common.anonymous")} · ${modeLabel(q.mode)}` +
      `${q.edited ? ` · ${t("moderator.edited")}` : ""}${muted ? ` · ${t("moderator.authorSuspended")}` : ""}`),
    q.rejectReason && h("p", { class: "note" }, t("moderator.reason", { reason: q.rejectReason })),
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
