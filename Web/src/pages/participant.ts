import "../styles.css";
import { SessionConnection, codeFromPath } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { isPublic, refusalText, type Mode, type Poll, type Question, type SessionEvent } from "../lib/protocol";
import { order } from "../lib/queue";
import { connectionStatus, showDeleted } from "../lib/status";
import { ballotForm, type BallotPayload } from "../lib/ballot";
import { Charts } from "../lib/charts";
import { throttled } from "../lib/throttle";
import { counts, modeLabel, speakerText, stateLabel, videoBlock, votesLabel } from "../lib/views";
import { applyTranslations, languageSwitcher, t, tn } from "../lib/i18n";

// Participant: join with a name (optional) and a mode, then ask, upvote, vote and ask for the floor.

applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());

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
/** My questions of this visit: the broadcast may arrive before or after AskQuestion's answer. */
const myQuestions = new Set<string>();
let videoUrl: string | undefined;
const charts = new Charts({ switchable: true });

joinForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const mode = (new FormData(joinForm).get("mode") as Mode | null) ?? "remote";
  const displayName = byId<HTMLInputElement>("name").value.trim() || undefined;
  connection = new SessionConnection({ joinCode: code, displayName, mode });
  connection.store.onChange(throttled(render));
  connection.store.onChange(announce);
  connection.onStatus = connectionStatus;
  try {
    await connection.start();
    show(joinForm, false);
    show(byId("live"), true);
    byId<HTMLTextAreaElement>("question-text").focus();
  } catch (error) {
    say(refusalText(error), "error");
  }
});

async function run(method: string, payload?: object, done?: string): Promise<boolean> {
  try {
    await connection!.invoke(method, payload);
    if (done) say(done);
    return true;
  } catch (error) {
    say(refusalText(error), "error");
    return false;
  }
}

// Scanned the QR code before? The resume token brings the same identity back at once.
if (localStorage.getItem(`cafe.resume.${code}.participant`)) {
  joinForm.requestSubmit();
} else {
  // A registration link from the map of cafés carries the name given there.
  byId<HTMLInputElement>("name").value = new URLSearchParams(location.search).get("name")?.slice(0, 40) ?? "";
  byId<HTMLInputElement>("name").focus();
}

/**
 * Screen readers hear what changed without being flooded: new questions and opened polls are
 * gathered and announced in one sentence at most every four seconds.
 */
const pending = { questions: 0, polls: [] as string[] };
let announcing = false;
function announce(events: SessionEvent[]): void {
  for (const e of events) {
    if (e.type === "questionAsked" && !myQuestions.has(e.question.id)) pending.questions++;
    if (e.type === "pollUpdated" && e.poll.state === "open" && !pending.polls.includes(e.poll.question)) pending.polls.push(e.poll.question);
  }
  if (announcing || (pending.questions === 0 && pending.polls.length === 0)) return;
  announcing = true;
  setTimeout(() => {
    const parts = [
      ...pending.polls.map((q) => t("participant.pollOpened", { question: q })),
      pending.questions > 0 ? tn("participant.newQuestions", pending.questions) : "",
    ].filter(Boolean);
    byId("announcer").textContent = parts.join(". ");
    pending.questions = 0;
    pending.polls = [];
    announcing = false;
  }, 4000);
}

byId<HTMLFormElement>("ask-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = byId<HTMLTextAreaElement>("question-text");
  const anonymous = byId<HTMLInputElement>("anonymous").checked;
  try {
    const { questionId } = await connection!.invoke<{ questionId: string }>("AskQuestion", { text: text.value, anonymous });
    myQuestions.add(questionId);
    connection!.store.update(() => {});
    text.value = "";
    say(connection!.store.snapshot?.preModeration
      ? t("participant.questionSentForReview")
      : t("participant.questionSent"));
  } catch (error) {
    say(refusalText(error), "error");
  }
});

byId("hand").addEventListener("click", () => {
  const raised = connection?.store.snapshot?.me?.handRaised ?? false;
  void run(raised ? "LowerHand" : "RaiseHand", {},
    t(raised ? "participant.handLowered" : "participant.handRaised"));
});
byId("end-turn").addEventListener("click", () => void run("EndSpeaking", {}, t("participant.turnEnded")));

async function toggleUpvote(q: Question): Promise<void> {
  const upvoted = !q.upvoted;
  if (await run(upvoted ? "Upvote" : "RemoveUpvote", { questionId: q.id })) {
    connection!.store.update((s) => {
      const mine = s.questions.find((x) => x.id === q.id);
      if (mine) mine.upvoted = upvoted;
    });
  }
}

async function vote(poll: Poll, ballot: BallotPayload): Promise<void> {
  const done = t(poll.kind === "openText" ? "participant.answerSaved" : "participant.voteCounted");
  if (await run("Vote", { pollId: poll.id, ...ballot }, done)) {
    draftChoices.delete(poll.id);
    connection!.store.update((s) => {
      const p = s.polls.find((x) => x.id === poll.id);
      if (!p) return;
      if (ballot.choices) p.myChoices = ballot.choices;
      if (ballot.words) p.myWords = ballot.words;
      if (ballot.rating) p.myRating = ballot.rating;
      if (ballot.text !== undefined) p.myText = ballot.text.trim();
    });
  }
}

function render(): void {
  const s = connection?.store.snapshot;
  if (!s) return;
  if (showDeleted(s)) return;
  byId("title").textContent = s.title;
  byId("session-state").textContent = stateLabel(s.state);
  byId("counts").textContent = counts(s);
  show(byId("ask-form"), s.state !== "ended");
  show(byId("premoderation-note"), s.preModeration);
  if (s.video?.url !== videoUrl) {
    // Re-creating an iframe restarts the video: only when the address changed.
    videoUrl = s.video?.url;
    const block = videoBlock(s.video);
    byId("video").replaceChildren(...(block ? [block] : []));
  }
  const me = s.me;
  byId("speaker").textContent = me?.speaking ? "" : speakerText(s.speaker);
  byId("your-turn").textContent = me?.speaking ? t("participant.yourTurn") : "";
  show(byId("end-turn"), me?.speaking ?? false);
  byId("muted").textContent = me?.muted ? t("participant.muted") : "";
  const hand = byId<HTMLButtonElement>("hand");
  hand.textContent = t(me?.handRaised ? "participant.lowerHand" : "participant.raiseHand");
  hand.setAttribute("aria-pressed", me?.handRaised ? "true" : "false");
  hand.disabled = s.state === "ended" || (me?.muted ?? false);
  show(hand, !(me?.speaking ?? false));
  keepFocus(() => {
    renderPolls(s.polls.filter((p) => p.state !== "draft")
      .sort((a, b) => Number(b.state === "open") - Number(a.state === "open") || pollNumber(b) - pollNumber(a)));
    show(byId("no-polls"), !s.polls.some((p) => p.state !== "draft"));
    const mine = (q: Question) => q.mine || myQuestions.has(q.id);
    renderQuestions("questions", order(s.questions.filter((q) => q.status === "visible" || q.status === "pinned"), "votes")
      .sort((a, b) => Number(b.status === "pinned") - Number(a.status === "pinned")), mine);
    renderQuestions("my-pending", s.questions.filter((q) => !isPublic(q.status) && mine(q)), mine);
    renderQuestions("answered", s.questions.filter((q) => q.status === "answered"), mine);
    show(byId("answered-section"), s.questions.some((q) => q.status === "answered"));
    show(byId("no-questions"), !s.questions.some((q) => q.status === "visible" || q.status === "pinned"));
  });
}

function renderQuestions(listId: string, questions: Question[], mine: (q: Question) => boolean): void {
  byId(listId).replaceChildren(...questions.map((q) => {
    const canVote = q.status === "visible" || q.status === "pinned";
    return h("li", { class: `question ${q.status}`, "data-question": q.id },
      q.status === "pinned" && h("p", { class: "badge" }, t("common.inDiscussion")),
      h("p", { class: "text" }, q.text),
      h("p", { class: "meta" },
        `${q.authorName ?? t("common.anonymous")} · ${modeLabel(q.mode)}` +
        `${mine(q) ? ` · ${t("participant.yourQuestion")}` : ""}${q.edited ? ` · ${t("participant.editedByModeration")}` : ""}`),
      q.status === "pending" && h("p", { class: "note" }, t("participant.awaitingReview")),
      q.status === "rejected" && h("p", { class: "note" },
        q.rejectReason ? t("participant.rejectedBecause", { reason: q.rejectReason }) : t("participant.rejected")),
      // The visible count starts the accessible name (WCAG 2.5.3); the action follows, for screen readers.
      canVote && h("button", {
        type: "button",
        class: q.upvoted ? "upvote upvoted" : "upvote",
        "aria-pressed": q.upvoted ? "true" : "false",
        "data-focus": `upvote-${q.id}`,
        onclick: () => void toggleUpvote(q),
      }, `▲ ${votesLabel(q.votes)}`,
      h("span", { class: "sr-only" }, ` · ${t(q.upvoted ? "participant.removeVote" : "participant.voteFor", { question: q.text })}`)));
  }));
}

const pollNumber = (p: Poll) => Number(p.id.replace(/\D/g, ""));

function renderPolls(polls: Poll[]): void {
  byId("polls").replaceChildren(...polls.map((poll) =>
    h("article", { class: "poll" },
      ballotForm(poll, draftChoices.get(poll.id), (ballot) => void vote(poll, ballot), (ticked) => draftChoices.set(poll.id, ticked)),
      charts.for(poll),
      charts.national(poll, connection?.store.programme ?? null))));
}
