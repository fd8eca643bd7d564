import { useState } from "preact/hooks";
import type { BallotAccepted, Me, Poll } from "../../lib/protocol";
import type { LiveSession } from "../../session/live";
import { formatNumber, t, tn } from "../../lib/i18n";
import { useAction } from "../../session/action";
import { Countdown } from "../../ui/Countdown";
import { Refusal } from "../../ui/States";

/** The letter of an option (A, B, C…), the same on the phone and on the projector. */
export const optionLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * A quiz question: the countdown, the options as large buttons (one tap answers when there is
 * one right answer; several right answers are ticked, then sent). One answer, final. Once the
 * quiz closes: right or wrong, the points it gave, and my rank so far (personal, from the server).
 */
export function QuizBallot({ poll, session, me }: { poll: Poll; session: LiveSession; me?: Me }) {
  // The server says whether to pick one option or several (never which, nor how many are right).
  const several = poll.maxChoices !== undefined && poll.maxChoices > 1;
  const [choices, setChoices] = useState<number[]>(poll.myChoices ?? []);
  const [run, state] = useAction();
  const answered = poll.myChoices !== undefined;
  const open = poll.state === "open" && !answered;
  const send = async (picked: number[]) => {
    await run(async () => {
      const r = await session.call<BallotAccepted>("Vote", { pollId: poll.id, choices: picked });
      if (r.ok) session.connection.store.markBallot(r.value);
      return r;
    });
  };
  const pick = (i: number) => {
    if (!open || state.pending) return;
    if (several) setChoices(choices.includes(i) ? choices.filter((c) => c !== i) : [...choices, i]);
    else { setChoices([i]); void send([i]); }
  };
  const closed = poll.state === "closed";
  // My verdict: in my snapshot's poll, or in the personal `me` sent when this quiz closed.
  const last = me?.quiz?.pollId === poll.id ? me.quiz : undefined;
  const right = last?.correct ?? poll.myCorrect;
  const score = last?.score ?? poll.myScore;
  return (
    <div class="ballot quiz-ballot" data-poll={poll.id}>
      <div class="quiz-head">
        <h3 class="legend">{poll.question}</h3>
        {poll.state === "open" && <Countdown closesAt={poll.closesAt} seconds={poll.seconds} />}
      </div>
      {several && poll.state === "open" && !answered && <p class="note">{t("quiz.several")}</p>}
      <ul class="quiz-options" role="list">
        {poll.options.map((o, i) => {
          const isRight = closed && poll.correct?.includes(i);
          const mine = (poll.myChoices ?? choices).includes(i);
          return (
            <li key={i}>
              <button type="button" class={`quiz-option option-${i % 6}${mine ? " mine" : ""}${isRight ? " right" : ""}`}
                aria-pressed={mine} disabled={!open || state.pending} onClick={() => pick(i)} data-option={i}>
                <span class="letter" aria-hidden="true">{optionLetter(i)}</span>
                <span class="text">{o}</span>
                {isRight && <span class="mark">✓ <span class="sr-only">{t("charts.rightAnswer")}</span></span>}
              </button>
            </li>
          );
        })}
      </ul>
      {several && open && <button type="button" class="btn primary wide" disabled={state.pending || choices.length === 0} onClick={() => send(choices)}>{t("quiz.answer")}</button>}
      {answered && !closed && <p class="confirmation" role="status">{t("quiz.answered")}</p>}
      {!answered && poll.state === "closed" && <p class="meta">{t("quiz.tooLate")}</p>}
      {closed && answered && right !== undefined && (
        <p class={right ? "quiz-verdict right" : "quiz-verdict wrong"} role="status">
          {right ? t("quiz.right", { points: formatNumber(score ?? 0) }) : t("quiz.wrong")}
        </p>
      )}
      {closed && answered && me?.quiz && <p class="quiz-rank" data-rank={me.quiz.rank}>{me.quiz.rank === 1 ? t("quiz.myRankFirst", { players: formatNumber(me.quiz.players) }) : t("quiz.myRank", { rank: formatNumber(me.quiz.rank), players: formatNumber(me.quiz.players) })} · {tn("quiz.myPoints", me.quiz.points)}</p>}
      <Refusal message={state.error} />
    </div>
  );
}
