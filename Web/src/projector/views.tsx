import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { isOpen, type Poll, type ProgrammeView, type Question, type Snapshot } from "../lib/protocol";
import { order } from "../lib/queue";
import { t, tn, formatNumber } from "../lib/i18n";
import { useFit } from "../ui/fit";
import { Results, VotersLine } from "../ui/Results";
import { ModeLabel } from "../ui/Mode";
import { EmptyState } from "../ui/States";
import { resultsOnScreen } from "../lib/polls";
import { QuizActivity } from "./quiz";
import { OpinionConsensus, OpinionGroups, OpinionMapPicture, OpinionTable } from "../ui/OpinionMap";
import { NationalMapPicture } from "../ui/NationalMap";
import { nationalAsOpinion, type Opinion } from "../lib/opinions";

// The projector's views, one per `screen.view`. Each fills the stage and shrinks to fit
// (useFit); the questions view curates: the top one large, the next few small.

const qrSrc = (code: string) => `/api/sessions/${encodeURIComponent(code)}/qr.svg?mode=onsite`;

/** Q: the way in, huge. */
export function JoinView({ s }: { s: Snapshot }) {
  const ref = useRef<HTMLDivElement>(null);
  useFit(ref, [s.title, s.counts.onsite, s.counts.remote]);
  return (
    <div class="view join-view" ref={ref}>
      <div class="join-text">
        <h1 class="screen-title">{s.title}</h1>
        <p class="join-how">{t("screen.joinAt")}</p>
        <p class="join-address">{location.host}</p>
        <p class="join-how">{t("screen.withCode")}</p>
        <p class="join-code">{s.joinCode}</p>
        <Attendance s={s} />
      </div>
      <img class="join-qr" src={qrSrc(s.joinCode)} alt={t("screen.qrAlt", { code: s.joinCode })} />
    </div>
  );
}

export function Attendance({ s }: { s: Snapshot }) {
  return (
    <p class="attendance">
      <ModeLabel mode="onsite">{t("common.nOnsite", { n: formatNumber(s.counts.onsite) })}</ModeLabel>
      <span class="sr-only">, </span>
      <ModeLabel mode="remote">{t("common.nRemote", { n: formatNumber(s.counts.remote) })}</ModeLabel>
    </p>
  );
}

/** The focus activity: a poll, its options while voting, its results once the staff show them. */
export function ActivityView({ s, programme }: { s: Snapshot; programme: ProgrammeView | null }) {
  const poll = s.polls.find((p) => p.id === s.screen?.pollId);
  const ref = useRef<HTMLDivElement>(null);
  // Little on screen (a short poll, a few words) grows, to be read from the back of the room.
  useFit(ref, [poll, programme], 0.35, undefined, 1.5);
  if (!poll) {
    return <div class="view waiting" ref={ref}><EmptyState title={t("screen.nextSoon")}>{t("screen.nextSoonHint")}</EmptyState></div>;
  }
  if (poll.kind === "quiz") {
    return (
      <div class="view activity-view quiz-view" ref={ref} data-poll={poll.id} data-state={poll.state}>
        <p class="kicker">{t(poll.state === "closed" ? "screen.quizAnswer" : "pollKind.quiz")}</p>
        <h1 class="screen-title">{poll.question}</h1>
        <QuizActivity poll={poll} />
      </div>
    );
  }
  const shown = resultsOnScreen(poll);
  const national = programme?.polls.find((p) => p.programmePollId === poll.programmePollId && poll.programmePollId);
  return (
    <div class="view activity-view" ref={ref} data-poll={poll.id}>
      <p class="kicker">{t(poll.state === "open" ? "screen.votingOpen" : "screen.votingClosed")}</p>
      <h1 class="screen-title">{poll.question}</h1>
      {shown && poll.results
        ? <div class={national ? "compare" : undefined}>
            <div><Results poll={poll} results={poll.results} /><VotersLine results={poll.results} /></div>
            {national && <div class="national"><h2>{t("programme.national", { title: programme!.title })}</h2>
              <p class="meta">{tn("programme.cafes", national.national.sessions)}</p>
              <Results poll={poll} results={national.national} legend={false} /></div>}
          </div>
        : <Pending poll={poll} />}
    </div>
  );
}


function Pending({ poll }: { poll: Poll }) {
  const voters = poll.results?.voters ?? 0;
  return (
    <div class="pending">
      {(poll.kind === "single" || poll.kind === "multiple") && (
        <ol class="options">{poll.options.map((o, i) => <li key={i}>{o}</li>)}</ol>
      )}
      <p class="meta big">{poll.state === "open" ? t("screen.voteOnPhone") : ""} {tn("screen.answers", voters)}</p>
    </div>
  );
}

const publicQuestions = (s: Snapshot) => s.questions.filter(isOpen);

/**
 * The top questions: the first large, up to four more small; the rest stay on the phones. When
 * they would have to shrink below 70 %, one fewer small question is shown (curate, not cram).
 */
export function QuestionsView({ s }: { s: Snapshot }) {
  const ranked = order(publicQuestions(s), "votes");
  const [first, ...others] = ranked;
  const [room, setRoom] = useState(4);
  const shown = others.slice(0, room);
  const ref = useRef<HTMLDivElement>(null);
  const key = ranked.map((q) => `${q.id}:${q.votes}:${q.text}`).join("|");
  useEffect(() => setRoom(4), [key]);
  useFit(ref, [key, room], 0.35, (scale) => { if (scale < 0.7 && room > 0 && shown.length > 0) setRoom(Math.min(room, shown.length) - 1); });
  if (!first) return <div class="view waiting" ref={ref}><EmptyState title={t("screen.noQuestion")}>{t("screen.noQuestionHint")}</EmptyState></div>;
  const rest = ranked.length - 1 - shown.length;
  return (
    <div class="view questions-view" ref={ref}>
      <h1 class="kicker">{t("screen.topQuestions")}</h1>
      <QuestionCard q={first} large />
      {shown.length > 0 && <ol class="more-questions">{shown.map((q) => <li key={q.id}><QuestionCard q={q} /></li>)}</ol>}
      {rest > 0 && <p class="meta">{tn("screen.moreOnPhones", rest)}</p>}
    </div>
  );
}

function QuestionCard({ q, large }: { q: Question; large?: boolean }) {
  return (
    <div class={large ? "question-card large" : "question-card"} data-question={q.id}>
      <p class="votes"><strong>{formatNumber(q.votes)}</strong> <span class="sr-only">{tn("common.votes", q.votes)}</span><span aria-hidden="true">▲</span></p>
      <div>
        <p class="text">{q.text}</p>
        <p class="meta">{q.authorName ?? t("common.anonymous")} · <ModeLabel mode={q.mode} /></p>
      </div>
    </div>
  );
}

/** P: the pinned question, as large as it fits. */
export function PinnedView({ s }: { s: Snapshot }) {
  const pinned = s.questions.find((q) => q.status === "pinned");
  const ref = useRef<HTMLDivElement>(null);
  useFit(ref, [pinned?.text, pinned?.votes]);
  if (!pinned) return <div class="view waiting" ref={ref}><EmptyState title={t("screen.noPinned")}>{t("screen.noPinnedHint")}</EmptyState></div>;
  return (
    <div class="view pinned-view" ref={ref} data-question={pinned.id}>
      <p class="kicker">{t("common.inDiscussion")}</p>
      <p class="pinned-text">{pinned.text}</p>
      <p class="meta big">{pinned.authorName ?? t("common.anonymous")} · <ModeLabel mode={pinned.mode} /> · {tn("common.votes", pinned.votes)}</p>
    </div>
  );
}

/** A pause: nothing but the way in. */
export function BlankView() {
  return <div class="view blank-view" />;
}

/** The opinion map, live: the dots, the groups labelled by what defines them, what everyone shares. */
export function OpinionView({ s }: { s: Snapshot }) {
  const opinion = s.opinions?.find((o) => o.id === s.screen?.opinionId);
  const ref = useRef<HTMLDivElement>(null);
  // A map and a few groups grow to be read from the back of the room, like a poll.
  useFit(ref, [opinion, s.screen?.national], 0.35, undefined, 1.5);
  if (!opinion) return <div class="view waiting" ref={ref}><EmptyState title={t("screen.nextSoon")}>{t("screen.nextSoonHint")}</EmptyState></div>;
  if (s.screen?.national && opinion.nationalOpinionId) return <NationalOpinionView opinion={opinion} fit={ref} />;
  return (
    <div class="view opinion-view" ref={ref} data-opinion={opinion.id}>
      <p class="kicker">{t("opinion.kicker")} · {tn("opinion.voters", opinion.voters)}</p>
      <h1 class="screen-title">{opinion.topic}</h1>
      {opinion.groups.length === 0
        ? <p class="meta big">{t("opinion.noGroupsYet")} {t("screen.voteOnPhone")}</p>
        : <div class="opinion-layout">
            <div class="opinion-picture">
              <OpinionMapPicture opinion={opinion} />
              <p class="meta shapes"><span aria-hidden="true">● </span>{t("opinion.onsiteDot")} · <span aria-hidden="true">■ </span>{t("opinion.remoteDot")}</p>
            </div>
            <div>
              <OpinionGroups opinion={opinion} />
              <OpinionConsensus opinion={opinion} />
            </div>
            <OpinionTable opinion={opinion} visuallyHidden />
          </div>}
    </div>
  );
}

/** A pushed opinion's national map: every café's people, this café's ringed, the national groups and what everyone shares. */
function NationalOpinionView({ opinion, fit }: { opinion: Opinion; fit: Ref<HTMLDivElement> }) {
  const national = opinion.national;
  const shaped = nationalAsOpinion(opinion);
  return (
    <div class="view opinion-view national-view" ref={fit} data-opinion={opinion.id} data-national="true">
      <p class="kicker">{t("national.kicker")}{national && <> · {tn("national.cafes", national.cafes)} · {tn("national.people", national.people)}</>}</p>
      <h1 class="screen-title">{opinion.topic}</h1>
      {!national || !shaped || national.groups.length === 0
        ? <p class="meta big">{t("national.notYet")} {t("screen.voteOnPhone")}</p>
        : <div class="opinion-layout">
            <div class="opinion-picture">
              <NationalMapPicture national={national} />
              <p class="meta shapes">{t("national.legend")}</p>
            </div>
            <div>
              <OpinionGroups opinion={shaped} />
              <OpinionConsensus opinion={shaped} />
            </div>
            <OpinionTable opinion={shaped} caption={t("national.tableCaption")} visuallyHidden />
          </div>}
    </div>
  );
}
