import { useState } from "preact/hooks";
import { MessageCircleQuestionMark, MessagesSquare, Vote } from "lucide";
import type { LiveSession } from "../session/live";
import type { BallotAccepted, Poll, Snapshot } from "../lib/protocol";
import { t, tn } from "../lib/i18n";
import { Pictogram } from "../ui/Pictogram";
import { TapBallot, tapKinds, tapVote } from "../ui/TapBallot";
import { Results } from "../ui/Results";
import { Confirmation } from "../ui/States";
import { Card } from "../ui/Card";
import { FocusCard } from "./FocusCard";
import { PollCard, visibleOpinions, visiblePolls } from "./PollsTab";
import { OpinionCard } from "./OpinionCard";
import { AskForm, QuestionsTab } from "./QuestionsTab";

type View = "now" | "ask" | "questions";

/**
 * The phone in easy-read mode (FALC): one thing per screen. "Answer" shows the open polls one at
 * a time (the one on the room's screen first), as large buttons with pictograms; "Ask a question"
 * is the form alone; "See the questions" is the list. A menu of large buttons goes between them.
 */
export function EasyLive({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [view, setView] = useState<View>("now");
  const menu: Array<[View, string, typeof Vote]> = [
    ["now", t("easy.now"), Vote],
    ["ask", t("easy.ask"), MessageCircleQuestionMark],
    ["questions", t("easy.questions"), MessagesSquare],
  ];
  return (
    <div class="easy" id="easy">
      {view === "now" && <EasyNow s={s} session={session} />}
      {view === "ask" && <section class="card" aria-labelledby="easy-ask-heading"><h2 id="easy-ask-heading">{t("easy.ask")}</h2>
        {s.questionsPaused ? <p class="note paused" role="status">{t("participant.questionsPaused")}</p> : <AskForm s={s} session={session} />}</section>}
      {view === "questions" && <QuestionsTab s={s} session={session} ask={false} />}
      <nav class="easy-menu" aria-label={t("easy.menu")}>
        {menu.filter(([v]) => v !== view).map(([v, label, icon]) => (
          <button type="button" key={v} class="btn" data-view={v} onClick={() => { setView(v); scrollTo(0, 0); }}><Pictogram icon={icon} />{label}</button>
        ))}
      </nav>
    </div>
  );
}

/** The open polls, the one on the room's screen first; else what the room is doing. */
function EasyNow({ s, session }: { s: Snapshot; session: LiveSession }) {
  const focus = s.screen?.view === "activity" ? s.screen.pollId : undefined;
  const open = visiblePolls(s).filter((p) => p.state === "open").sort((a, b) => Number(b.id === focus) - Number(a.id === focus));
  const [index, setIndex] = useState(0);
  const at = Math.min(index, Math.max(0, open.length - 1));
  const poll = open[at];
  const opinion = visibleOpinions(s).find((o) => o.state === "open" && (s.screen?.view === "opinion" ? o.id === s.screen.opinionId : true));
  if (opinion && (s.screen?.view === "opinion" || !poll)) return <OpinionCard opinion={opinion} s={s} session={session} />;
  if (!poll) return <FocusCard s={s} session={session} />;
  return (
    <section class="easy-now" aria-label={t("participant.now")}>
      {open.length > 1 && <p class="kicker" id="easy-step">{t("easy.pollStep", { n: at + 1, count: open.length })}</p>}
      {tapKinds.has(poll.kind)
        ? <EasyPoll key={poll.id} poll={poll} s={s} session={session} />
        : <PollCard key={poll.id} poll={poll} session={session} programme={session.programme.value} place="focus" />}
      {open.length > 1 && (
        <div class="easy-step">
          {at > 0 && <button type="button" class="btn" onClick={() => setIndex(at - 1)}>{t("easy.previousPoll")}</button>}
          {at < open.length - 1 && <button type="button" class={`btn ${answered(poll) ? "primary" : ""}`} id="easy-next" onClick={() => setIndex(at + 1)}>{t("easy.nextPoll")}</button>}
        </div>
      )}
    </section>
  );
}

const answered = (p: Poll) => p.myChoices !== undefined || p.myRating !== undefined;

/** A choice or rating poll as large buttons; the thanks once the server counted it; the results when shown. */
function EasyPoll({ poll, s, session }: { poll: Poll; s: Snapshot; session: LiveSession }) {
  const picked = poll.kind === "rating" ? (poll.myRating !== undefined ? [poll.myRating - 1] : []) : poll.myChoices ?? [];
  return (
    <Card class="poll" data-poll={poll.id}>
      <TapBallot poll={poll} lang={s.language ?? "fr"} picked={picked} headingId={`easy-${poll.id}`}
        onSend={async (options) => {
          const ballot = tapVote(poll, options);
          const r = await session.call<BallotAccepted>("Vote", { pollId: poll.id, ...ballot });
          // Broadcasts never carry ballots: this screen keeps its own.
          if (r.ok) session.connection.store.markBallot(r.value);
          return r;
        }} />
      <Confirmation message={answered(poll) ? t("ballot.voteCounted") : null} />
      {poll.results && <div class="poll-results"><Results poll={poll} results={poll.results} legend={false} /><p class="meta voters">{tn("charts.voters", poll.results.voters)}</p></div>}
    </Card>
  );
}
