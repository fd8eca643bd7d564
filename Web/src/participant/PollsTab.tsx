import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { BallotAccepted, Poll, ProgrammeView, Snapshot } from "../lib/protocol";
import { t, tn } from "../lib/i18n";
import { useAction } from "../session/action";
import { Results, VotersLine } from "../ui/Results";
import { Card } from "../ui/Card";
import { EmptyState, Refusal } from "../ui/States";
import { RankingBallot } from "./ballots/RankingBallot";
import { PointsBallot } from "./ballots/PointsBallot";
import { QuizBallot } from "./ballots/QuizBallot";
import { Listen, pollSpeech } from "../ui/Listen";
import { OpinionCard } from "./OpinionCard";

/** The polls a participant sees: open ones first, then the latest. */
export function visiblePolls(s: Snapshot): Poll[] {
  return s.polls.filter((p) => p.state !== "draft").reverse().sort((a, b) => Number(b.state === "open") - Number(a.state === "open"));
}

/** The opinion maps a participant sees: open ones first (drafts are the staff's). */
export const visibleOpinions = (s: Snapshot) => (s.opinions ?? []).filter((o) => o.state !== "draft")
  .sort((a, b) => Number(b.state === "open") - Number(a.state === "open"));

export function PollsTab({ s, session }: { s: Snapshot; session: LiveSession }) {
  const polls = visiblePolls(s);
  const opinions = visibleOpinions(s);
  if (polls.length === 0 && opinions.length === 0) return <EmptyState title={t("participant.noPolls")}>{t("participant.waitHint")}</EmptyState>;
  return (
    <div id="polls" class="stack">
      {opinions.map((o) => <OpinionCard key={o.id} opinion={o} s={s} session={session} />)}
      {polls.map((p) => <PollCard key={p.id} poll={p} session={session} programme={session.programme.value} />)}
    </div>
  );
}

const voted = (p: Poll) => p.myChoices !== undefined || p.myWords !== undefined || p.myRating !== undefined || p.myText !== undefined;

/** A poll: its ballot while open (with a confirmation, changeable), then its results when shown. */
export function PollCard({ poll, session, programme, place = "list" }: { poll: Poll; session: LiveSession; programme: ProgrammeView | null; place?: "focus" | "list" }) {
  const national = programme?.polls.find((p) => poll.programmePollId && p.programmePollId === poll.programmePollId);
  return (
    <Card class="poll" data-poll={poll.id}>
      <Listen text={pollSpeech(poll.question, poll.kind === "rating" ? [] : poll.options)} lang={session.snapshot.value?.language ?? "fr"} />
      <BallotFor key={poll.id} poll={poll} session={session} idPrefix={`${place}-${poll.id}`} />
      {poll.results && <div class="poll-results"><Results poll={poll} results={poll.results} /><VotersLine results={poll.results} /></div>}
      {poll.results && national && (
        <section class="national" aria-label={t("programme.national", { title: programme!.title })}>
          <h3>{t("programme.national", { title: programme!.title })}</h3>
          <p class="meta">{tn("programme.cafes", national.national.sessions)}</p>
          <Results poll={poll} results={national.national} legend={false} />
        </section>
      )}
    </Card>
  );
}

/** The ballot of the poll's kind. */
function BallotFor({ poll, session, idPrefix }: { poll: Poll; session: LiveSession; idPrefix: string }) {
  switch (poll.kind) {
    case "ranking": return <RankingBallot poll={poll} session={session} />;
    case "points": return <PointsBallot poll={poll} session={session} />;
    case "quiz": return <QuizBallot poll={poll} session={session} me={session.snapshot.value?.me} />;
    default: return <Ballot poll={poll} session={session} idPrefix={idPrefix} />;
  }
}

function Ballot({ poll, session, idPrefix }: { poll: Poll; session: LiveSession; idPrefix: string }) {
  const [choices, setChoices] = useState<number[]>(poll.myChoices ?? []);
  const [words, setWords] = useState<string[]>(() => [0, 1, 2].map((i) => poll.myWords?.[i] ?? ""));
  const [rating, setRating] = useState<number | undefined>(poll.myRating);
  const [text, setText] = useState(poll.myText ?? "");
  // The same poll may show twice (the focus and the list): a ballot sent from one shows in both.
  useEffect(() => { if (poll.myChoices) setChoices(poll.myChoices); }, [poll.myChoices]);
  useEffect(() => { if (poll.myWords) setWords([0, 1, 2].map((i) => poll.myWords?.[i] ?? "")); }, [poll.myWords]);
  useEffect(() => { if (poll.myRating !== undefined) setRating(poll.myRating); }, [poll.myRating]);
  useEffect(() => { if (poll.myText !== undefined) setText(poll.myText); }, [poll.myText]);
  const [run, state] = useAction();
  const open = poll.state === "open";
  const hasVoted = voted(poll);
  const submit = async (e: Event) => {
    e.preventDefault();
    const ballot = poll.kind === "wordCloud" ? { words: words.filter((w) => w.trim() !== "") }
      : poll.kind === "rating" ? { rating } : poll.kind === "openText" ? { text } : { choices };
    await run(async () => {
      const r = await session.call<BallotAccepted>("Vote", { pollId: poll.id, ...ballot });
      if (r.ok) session.connection.store.markBallot(r.value);
      return r;
    });
  };
  const toggle = (i: number) => {
    if (poll.kind === "single") setChoices([i]);
    else setChoices(choices.includes(i) ? choices.filter((c) => c !== i) : [...choices, i]);
  };
  const full = poll.kind === "multiple" && !!poll.maxChoices && choices.length >= poll.maxChoices;
  const isVote = poll.kind === "single" || poll.kind === "multiple" || poll.kind === "rating";
  return (
    <form class="ballot" data-poll={poll.id} onSubmit={submit}>
      <fieldset disabled={!open}>
        <legend>{poll.question}</legend>
        {poll.kind === "multiple" && <p class="note">{poll.maxChoices ? tn("ballot.upTo", poll.maxChoices) : t("ballot.severalChoices")}</p>}
        {(poll.kind === "single" || poll.kind === "multiple") && poll.options.map((o, i) => (
          <label class="choice" key={i}>
            <input type={poll.kind === "single" ? "radio" : "checkbox"} name="choice" value={i} checked={choices.includes(i)}
              disabled={!open || (full && !choices.includes(i))} onChange={() => toggle(i)} /> {o}
          </label>
        ))}
        {poll.kind === "wordCloud" && [0, 1, 2].map((i) => (
          <div class="field" key={i}>
            <label for={`${idPrefix}-word-${i}`}>{t(i === 0 ? "ballot.firstWord" : "ballot.otherWord")}</label>
            <input id={`${idPrefix}-word-${i}`} name="word" maxLength={30} autoComplete="off" required={i === 0} value={words[i]}
              onInput={(e) => { const next = [...words]; next[i] = e.currentTarget.value; setWords(next); }} />
          </div>
        ))}
        {poll.kind === "rating" && (
          <>
            <div class="scale">
              {Array.from({ length: poll.scaleMax ?? 5 }, (_, i) => i + 1).map((v) => (
                <label class="choice scale-value" key={v}><input type="radio" name="rating" value={v} checked={rating === v} onChange={() => setRating(v)} /> {v}</label>
              ))}
            </div>
            <p class="meta">{[poll.minLabel && `1 = ${poll.minLabel}`, poll.maxLabel && `${poll.scaleMax ?? 5} = ${poll.maxLabel}`].filter(Boolean).join(" · ")}</p>
          </>
        )}
        {poll.kind === "openText" && (
          <div class="field">
            <label for={`${idPrefix}-text`}>{t("ballot.openText")}</label>
            <textarea id={`${idPrefix}-text`} name="text" rows={3} maxLength={280} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
        )}
      </fieldset>
      {open && <button type="submit" class="btn primary wide" disabled={state.pending}>{t(isVote ? (hasVoted ? "ballot.changeVote" : "ballot.vote") : (hasVoted ? "ballot.changeAnswer" : "common.send"))}</button>}
      {hasVoted && <p class="confirmation" role="status">{t(poll.kind === "openText" ? "ballot.answerSaved" : "ballot.voteCounted")}</p>}
      {!open && <p class="closed meta">{t("ballot.closed")}</p>}
      <Refusal message={state.error} />
    </form>
  );
}

