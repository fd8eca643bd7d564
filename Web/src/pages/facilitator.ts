import "../styles.css";
import { SessionConnection, codeFromPath, keyFromFragment } from "../lib/connection";
import { byId, h, keepFocus, say, show } from "../lib/dom";
import { Charts } from "../lib/charts";
import { isPublic, refusalText, type ModeratorLink, type Poll, type PollKind } from "../lib/protocol";
import { throttled } from "../lib/throttle";
import { order } from "../lib/queue";
import { connectionStatus, showDeleted } from "../lib/status";
import { counts, modeLabel, pollKindLabel, pollStateLabel, stateLabel, statusLabel, votesLabel } from "../lib/views";
import { applyTranslations, languageSwitcher, t } from "../lib/i18n";
import { renderMapPanel, wireMapPanel } from "./facilitator-map";

// Facilitator: run the session (start, end), create and run polls, watch questions and results.

applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());

const code = codeFromPath();
const key = keyFromFragment();
const connection = new SessionConnection({ joinCode: code, mode: "onsite", key });
connection.store.onChange(throttled(render));
const charts = new Charts({
  switchable: true,
  moderateAnswer: (answer, approve) => {
    const poll = connection.store.snapshot?.polls.find((p) => p.results?.answers?.some((a) => a.id === answer.id));
    if (poll) void run(approve ? "ApproveAnswer" : "HideAnswer", { pollId: poll.id, answerId: answer.id }, t(approve ? "facilitator.answerPublished" : "facilitator.answerHidden"));
  },
});
let shownPreModeration: boolean | undefined;
/** The draft poll being edited in the form, if any. */
let editing: string | null = null;
connection.onStatus = connectionStatus;
/** Moderator keys this page knows (from the join or a creation): the server never sends them again. */
const moderatorKeys = new Map<string, string>();

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

async function start(): Promise<void> {
  if (!key) {
    say(t("facilitator.incompleteLink"), "error");
    return;
  }
  try {
    const joined = await connection.start();
    const origin = location.origin;
    const staff = joined.staffKeys;
    for (const l of staff?.moderatorLinks ?? []) if (l.key) moderatorKeys.set(l.id, l.key);
    byId("links").replaceChildren(...[
      link(t("facilitator.linkOnsite"), `${origin}/join/${code}?mode=onsite`),
      link(t("facilitator.linkRemote"), `${origin}/join/${code}?mode=remote`),
      staff ? link(t("facilitator.linkProjector"), `${origin}/screen/${code}#key=${encodeURIComponent(staff.projectorKey)}`) : null,
      link(t("facilitator.linkModeration"), `${origin}/moderate/${code}#key=${encodeURIComponent(key)}`),
    ].filter((x): x is HTMLElement => x !== null));
    byId<HTMLInputElement>("video-url").value = joined.snapshot.video?.url ?? "";
    show(byId("console"), true);
    render();
  } catch (error) {
    say(refusalText(error), "error");
  }
}

function link(label: string, url: string): HTMLElement {
  return h("li", {}, h("span", { class: "label" }, t("common.labelColon", { label })), h("a", { href: url, target: "_blank", rel: "noopener" }, url));
}

wireMapPanel(run);
byId<HTMLAnchorElement>("report-link").href = `/report/${code}#key=${encodeURIComponent(key ?? "")}`;
byId<HTMLInputElement>("report-public").addEventListener("change", (e) => {
  const on = (e.target as HTMLInputElement).checked;
  void run("PublishReport", { public: on }, t(on ? "facilitator.reportPublished" : "facilitator.reportPrivate"));
});

byId<HTMLInputElement>("premoderation").addEventListener("change", (e) => {
  const on = (e.target as HTMLInputElement).checked;
  void run("SetModeration", { preModeration: on }, t(on ? "facilitator.premoderationOn" : "facilitator.premoderationOff"));
});
byId<HTMLFormElement>("video-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void run("SetVideo", { url: byId<HTMLInputElement>("video-url").value }, t("facilitator.videoShown"));
});
byId("video-remove").addEventListener("click", async () => {
  if (await run("SetVideo", { url: null }, t("facilitator.videoRemoved"))) byId<HTMLInputElement>("video-url").value = "";
});
byId<HTMLFormElement>("moderator-link-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const label = byId<HTMLInputElement>("moderator-label");
  try {
    const created = await connection.invoke<ModeratorLink>("CreateModeratorLink", { label: label.value || undefined });
    moderatorKeys.set(created.id, created.key!);
    label.value = "";
    render();
    say(t("facilitator.moderatorLinkCreated"));
  } catch (error) {
    say(refusalText(error), "error");
  }
});

byId("delete-session").addEventListener("click", () => {
  if (confirm(t("facilitator.confirmDeleteSession"))) {
    void run("DeleteSession", {}, t("facilitator.sessionDeleted"));
  }
});

byId("start-session").addEventListener("click", () => void run("StartSession", {}, t("facilitator.sessionStarted")));
byId("end-session").addEventListener("click", () => {
  if (confirm(t("facilitator.confirmEndSession"))) {
    void run("EndSession", {}, t("facilitator.sessionEnded"));
  }
});

const pollForm = byId<HTMLFormElement>("poll-form");
const pollKind = byId<HTMLSelectElement>("poll-kind");

/** Shows the fields of the chosen poll kind only. */
function showKindFields(): void {
  pollForm.querySelectorAll<HTMLElement>("[data-for]").forEach((el) => {
    show(el, el.dataset.for!.split(" ").includes(pollKind.value));
  });
  byId<HTMLTextAreaElement>("poll-options").required = pollKind.value === "single" || pollKind.value === "multiple";
}
pollKind.addEventListener("change", showKindFields);
showKindFields();

function pollRequest(): Record<string, unknown> {
  const data = new FormData(pollForm);
  const kind = data.get("kind") as PollKind;
  const num = (name: string) => (String(data.get(name) ?? "").trim() === "" ? undefined : Number(data.get(name)));
  return {
    question: String(data.get("question") ?? ""),
    kind,
    options: kind === "single" || kind === "multiple"
      ? String(data.get("options") ?? "").split("\n").map((o) => o.trim()).filter(Boolean) : undefined,
    maxChoices: kind === "multiple" ? num("maxChoices") : undefined,
    scaleMax: kind === "rating" ? num("scaleMax") : undefined,
    minLabel: kind === "rating" ? String(data.get("minLabel") ?? "") || undefined : undefined,
    maxLabel: kind === "rating" ? String(data.get("maxLabel") ?? "") || undefined : undefined,
    hideResults: data.get("hideResults") === "on",
  };
}

function stopEditing(): void {
  editing = null;
  pollForm.reset();
  showKindFields();
  byId("poll-form-title").textContent = t("facilitator.newPoll");
  byId("poll-submit").textContent = t("facilitator.createPoll");
  show(byId("poll-cancel"), false);
}

function startEditing(poll: Poll): void {
  editing = poll.id;
  byId<HTMLInputElement>("poll-question").value = poll.question;
  pollKind.value = poll.kind;
  byId<HTMLTextAreaElement>("poll-options").value = poll.kind === "single" || poll.kind === "multiple" ? poll.options.join("\n") : "";
  byId<HTMLInputElement>("poll-max").value = poll.maxChoices ? String(poll.maxChoices) : "";
  byId<HTMLInputElement>("poll-scale").value = String(poll.scaleMax ?? 5);
  byId<HTMLInputElement>("poll-min-label").value = poll.minLabel ?? "";
  byId<HTMLInputElement>("poll-max-label").value = poll.maxLabel ?? "";
  byId<HTMLInputElement>("poll-hide").checked = poll.hideResults;
  showKindFields();
  byId("poll-form-title").textContent = t("facilitator.editPoll");
  byId("poll-submit").textContent = t("facilitator.saveChanges");
  show(byId("poll-cancel"), true);
  byId<HTMLInputElement>("poll-question").focus();
}

byId("poll-cancel").addEventListener("click", stopEditing);
pollForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const ok = editing
    ? await run("EditPoll", { pollId: editing, ...pollRequest() }, t("facilitator.pollEdited"))
    : await run("CreatePoll", pollRequest(), t("facilitator.pollCreated"));
  if (ok) stopEditing();
});

function render(): void {
  const s = connection.store.snapshot;
  if (!s) return;
  if (showDeleted(s)) return;
  byId("title").textContent = s.title;
  byId("join-code").textContent = s.joinCode;
  byId("session-state").textContent = stateLabel(s.state);
  byId("counts").textContent = counts(s);
  // Follow the server's setting only when it changes: never undo a click still on its way.
  if (s.preModeration !== shownPreModeration) {
    shownPreModeration = s.preModeration;
    byId<HTMLInputElement>("premoderation").checked = s.preModeration;
  }
  show(byId("start-session"), s.state === "draft");
  show(byId("end-session"), s.state === "live");
  renderMapPanel(s);
  byId<HTMLInputElement>("report-public").checked = s.reportPublic ?? false;
  keepFocus(() => {
    byId("polls").replaceChildren(...[...s.polls].reverse().map(pollCard));
    show(byId("no-polls"), s.polls.length === 0);
    const questions = order(s.questions.filter((q) => isPublic(q.status) || q.status === "pending"), "votes");
    byId("questions").replaceChildren(...questions.map((q) =>
      h("li", { class: `question ${q.status}`, "data-question": q.id },
        h("p", { class: "text" }, q.text),
        h("p", { class: "meta" }, `${statusLabel(q.status)} · ${votesLabel(q.votes)} · ${q.authorName ?? t("common.anonymous")} · ${modeLabel(q.mode)}`))));
    show(byId("no-questions"), questions.length === 0);
    byId("moderator-links").replaceChildren(...(s.moderatorLinks ?? []).map((l) => {
      const k = moderatorKeys.get(l.id);
      const name = l.label ?? t("facilitator.linkName", { id: l.id });
      return h("li", {},
        h("span", { class: "label" }, t("common.labelColon", { label: name })),
        k ? h("a", { href: `${location.origin}/moderate/${code}#key=${encodeURIComponent(k)}`, target: "_blank", rel: "noopener" },
          `${location.origin}/moderate/${code}#key=…`) : t("facilitator.linkKeyUnknown"),
        " ",
        h("button", {
          type: "button", "data-focus": `revoke-${l.id}`,
          onclick: () => void run("RevokeModeratorLink", { linkId: l.id }, t("facilitator.linkRevoked", { name })),
        }, t("facilitator.revokeLink", { name })));
    }));
  });
}

function pollCard(poll: Poll): HTMLElement {
  const results = t(!poll.hideResults ? "facilitator.resultsLive" : poll.revealed ? "facilitator.resultsRevealed" : "facilitator.resultsHidden");
  const button = (label: string, method: string, done: string, focus: string) =>
    h("button", { type: "button", "data-focus": `${focus}-${poll.id}`, onclick: () => void run(method, { pollId: poll.id }, done) }, label);
  return h("article", { class: "poll", "data-poll": poll.id },
    h("h3", {}, poll.question),
    h("p", { class: "meta" }, `${pollKindLabel(poll.kind)} · ${pollStateLabel(poll.state)} · ${results}`),
    h("div", { class: "actions" },
      poll.state === "draft" && h("button", { type: "button", "data-focus": `edit-${poll.id}`, onclick: () => startEditing(poll) }, t("facilitator.edit")),
      poll.state !== "open" && button(t(poll.state === "draft" ? "facilitator.open" : "facilitator.reopen"), "OpenPoll", t("facilitator.pollOpened"), "open"),
      poll.state === "open" && button(t("facilitator.close"), "ClosePoll", t("facilitator.pollClosed"), "close"),
      poll.hideResults && !poll.revealed && poll.state !== "draft" && button(t("facilitator.reveal"), "RevealResults", t("facilitator.revealed"), "reveal"),
      h("button", {
        type: "button", class: "danger", "data-focus": `delete-${poll.id}`,
        onclick: () => {
          if (confirm(t("facilitator.confirmDeletePoll", { question: poll.question }))) void run("DeletePoll", { pollId: poll.id }, t("facilitator.pollDeleted"));
        },
      }, t("facilitator.delete"))),
    charts.for(poll),
    charts.national(poll, connection.store.programme));
}

void start();
