import type { LiveSession } from "../session/live";
import { isOpen, type Poll, type Screen, type ScreenView, type Snapshot } from "../lib/protocol";
import { t, tn } from "../lib/i18n";
import { keyLabel, shortcutKeys } from "../lib/keys";
import { resultsOnPhones, resultsOnScreen, votingOpen } from "../lib/polls";
import { pollKindLabel } from "../lib/views";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Results, VotersLine } from "../ui/Results";
import { EmptyState, Refusal } from "../ui/States";
import { Countdown } from "../ui/Countdown";
import { HeldItems } from "../moderator/HeldItems";
import { HandCount } from "./HandCount";
import { focusOpinion, focusPoll, topQuestion } from "./commands";
import { OpinionFocus } from "./OpinionFocus";
import { runShortcut } from "./Facilitator";

const views: { view: ScreenView; key?: string }[] = [
  { view: "join", key: shortcutKeys.joinScreen }, { view: "questions" }, { view: "pinned", key: shortcutKeys.pinTop }, { view: "blank" },
];

/** The quiz scores, offered once the session has a quiz. */
const quizViews: { view: ScreenView; key?: string }[] = [{ view: "leaderboard" }, { view: "podium" }];

/** The centre of Animer: what the room sees, the focus activity with its three switches, and its live results. */
export function Focus({ s, session, keyError, onHelp, previous }: {
  s: Snapshot; session: LiveSession; keyError: string | null; onHelp: () => void; previous: Screen | null;
}) {
  const [run, state] = useAction();
  const poll = focusPoll(s);
  const opinion = focusOpinion(s);
  const view = s.screen?.view ?? "join";
  const go = (shortcut: "previous" | "next") => run(async () => {
    const error = await runShortcut(session, shortcut, previous);
    return error ? { ok: false, code: "refused", sentence: error } : { ok: true, value: undefined };
  });
  return (
    <section class="column focus" aria-label={t("facilitator.focusRegion")}>
      <div class="screen-choice" role="group" aria-label={t("facilitator.roomSees")}>
        <span class="meta">{t("facilitator.roomSees")}</span>
        <Button small kind="quiet" aria-pressed={view === "activity"} disabled={!previous && !poll}
          onClick={() => previous && run(() => session.call("SetScreen", previous))}>{t("screenView.activity")}</Button>
        {[...views, ...(s.polls.some((p) => p.kind === "quiz") ? quizViews : [])].map((v) => (
          <Button key={v.view} small kind="quiet" shortcut={v.key} aria-pressed={view === v.view}
            onClick={() => run(() => session.call("SetScreen", { view: v.view }))}>{t(`screenView.${v.view}`)}</Button>
        ))}
      </div>
      <div class="focus-body">
        {poll ? <PollFocus poll={poll} session={session} />
          : view === "questions" ? <QuestionsFocus s={s} />
          : view === "pinned" ? <PinnedFocus s={s} session={session} />
          : view === "opinion" && opinion ? <OpinionFocus opinion={opinion} session={session} national={s.screen?.national === true} />
          : <EmptyState title={t(`facilitator.roomSees.${view}`)}>{t("facilitator.pickActivity")}</EmptyState>}
      </div>
      <Refusal message={keyError ?? state.error} />
      <div class="focus-nav">
        <Button kind="quiet" shortcut={shortcutKeys.previous} onClick={() => go("previous")}>{t("facilitator.previous")}</Button>
        <Button kind="quiet" small shortcut="?" onClick={onHelp}>{t("keys.help")}</Button>
        <Button kind="primary" shortcut={shortcutKeys.next} onClick={() => go("next")}>{t("facilitator.nextActivity")}</Button>
      </div>
    </section>
  );
}

function PollFocus({ poll, session }: { poll: Poll; session: LiveSession }) {
  const [run, state] = useAction();
  const open = votingOpen(poll);
  const onScreen = resultsOnScreen(poll);
  const onPhones = resultsOnPhones(poll);
  return (
    <div class="poll-focus" data-poll={poll.id}>
      <p class="kicker">{pollKindLabel(poll.kind)}</p>
      <h2 id="focus-heading">{poll.question}</h2>
      <div class="switches" role="group" aria-label={t("facilitator.switches")}>
        <Button kind={open ? "primary" : undefined} aria-pressed={open} shortcut={keyLabel("toggleVoting")} pending={state.pending} data-switch="voting"
          disabled={poll.kind === "quiz" && poll.state === "closed"}
          onClick={() => run(() => session.call(open ? "ClosePoll" : "OpenPoll", { pollId: poll.id }))}>
          {t(poll.kind === "quiz"
            ? (open ? "facilitator.quizRunning" : poll.state === "draft" ? "facilitator.startQuiz" : "facilitator.quizDone")
            : open ? "facilitator.votingOpen" : poll.state === "draft" ? "facilitator.openVoting" : "facilitator.reopenVoting")}
        </Button>
        <Button aria-pressed={onScreen} shortcut={shortcutKeys.toggleResults} pending={state.pending} data-switch="screen"
          onClick={() => run(() => session.call("ShowResultsOnScreen", { pollId: poll.id, show: !onScreen }))}>{t("facilitator.resultsOnScreen")}</Button>
        <Button aria-pressed={onPhones} pending={state.pending} data-switch="phones"
          onClick={() => run(() => session.call(onPhones ? "HideResults" : "RevealResults", { pollId: poll.id }))}>{t("facilitator.resultsOnPhones")}</Button>
      </div>
      <Refusal message={state.error} />
      {poll.kind === "quiz" && open && <Countdown closesAt={poll.closesAt} seconds={poll.seconds} />}
      {poll.kind === "quiz" && poll.state === "closed" && (
        <div class="row quiz-next">
          <Button small pending={state.pending} onClick={() => run(() => session.call("SetScreen", { view: "leaderboard" }))}>{t("facilitator.showLeaderboard")}</Button>
          <Button small kind="quiet" pending={state.pending} onClick={() => run(() => session.call("SetScreen", { view: "podium" }))}>{t("facilitator.showPodium")}</Button>
        </div>
      )}
      <HeldItems poll={poll} session={session} />
      <HandCount poll={poll} session={session} />
      {poll.results
        ? <div class="focus-results"><Results poll={poll} results={poll.results} /><VotersLine results={poll.results} /></div>
        : <EmptyState title={t("facilitator.noVoteYet")} />}
    </div>
  );
}

function QuestionsFocus({ s }: { s: Snapshot }) {
  const count = s.questions.filter(isOpen).length;
  return (
    <div>
      <h2 id="focus-heading">{t("facilitator.questionsActivity")}</h2>
      <p class="meta">{tn("facilitator.questionsOnScreen", count)}</p>
    </div>
  );
}

function PinnedFocus({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const pinned = s.questions.find((q) => q.status === "pinned");
  const top = topQuestion(s);
  return (
    <div>
      <h2 id="focus-heading">{t("screenView.pinned")}</h2>
      {pinned
        ? <><p class="pinned-preview">{pinned.text}</p>
            <Button small kind="quiet" pending={state.pending} onClick={() => run(() => session.call("MarkAnswered", { questionId: pinned.id }))}>{t("facilitator.markAnswered")}</Button></>
        : <EmptyState title={t("screen.noPinned")}>
            {top && <Button small pending={state.pending} onClick={() => run(() => session.call("PinQuestion", { questionId: top.id }))}>{t("facilitator.pinTop")}</Button>}
          </EmptyState>}
      <Refusal message={state.error} />
    </div>
  );
}
