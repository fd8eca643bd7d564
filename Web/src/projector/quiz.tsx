import { useRef } from "preact/hooks";
import type { Leaderboard, Poll, Snapshot } from "../lib/protocol";
import { formatNumber, t, tn } from "../lib/i18n";
import { useFit } from "../ui/fit";
import { Countdown } from "../ui/Countdown";
import { Results, VotersLine } from "../ui/Results";
import { ModeLabel } from "../ui/Mode";
import { EmptyState } from "../ui/States";
import { optionLetter } from "../participant/ballots/QuizBallot";
import { resultsOnScreen } from "../lib/polls";

// The quiz as the room sees it: the question with its countdown, then the right answer with the
// results, then the scores (leaderboard) and the final podium. The server closes the quiz, says
// which answer was right and ranks the players; this only draws what it sent.

/** A quiz in focus: while open, the options and the time left; once closed, the right answer. */
export function QuizActivity({ poll }: { poll: Poll }) {
  const open = poll.state === "open";
  const answers = poll.results?.voters ?? 0;
  if (poll.state === "closed" && poll.results && resultsOnScreen(poll)) {
    return <div class="quiz-results"><Results poll={poll} results={poll.results} /><VotersLine results={poll.results} /></div>;
  }
  return (
    <div class="quiz-screen">
      {open && <Countdown closesAt={poll.closesAt} seconds={poll.seconds} />}
      <ol class="quiz-options-screen">
        {poll.options.map((o, i) => {
          const right = poll.state === "closed" && (poll.results?.correct ?? poll.correct)?.includes(i);
          return (
            <li key={i} class={`quiz-option option-${i % 6}${right ? " right" : ""}`} data-option={i}>
              <span class="letter" aria-hidden="true">{optionLetter(i)}</span><span class="text">{o}</span>
              {right && <span class="mark">✓ <span class="sr-only">{t("charts.rightAnswer")}</span></span>}
            </li>
          );
        })}
      </ol>
      <p class="meta big">{poll.state === "draft" ? t("screen.quizSoon") : open ? t("screen.answerOnPhone") : ""} {tn("screen.answers", answers)}</p>
    </div>
  );
}

/** The top 10 and the teams: on site against remote, average points per player. */
export function LeaderboardView({ s }: { s: Snapshot }) {
  const board = s.leaderboard;
  const ref = useRef<HTMLDivElement>(null);
  // A short list grows, to be read from the back of the room.
  useFit(ref, [board], 0.35, undefined, 1.6);
  if (!board || board.top.length === 0) {
    return <div class="view waiting" ref={ref}><EmptyState title={t("screen.noScores")}>{t("screen.noScoresHint")}</EmptyState></div>;
  }
  return (
    <div class="view leaderboard-view" ref={ref}>
      <h1 class="screen-title">{t("screen.leaderboard")}</h1>
      <div class="leaderboard-body">
        <ol class="leaders">
          {board.top.map((e, i) => (
            <li key={`${i}:${e.name}`} data-rank={e.rank} class={e.rank <= 3 ? `top top-${e.rank}` : undefined}>
              <span class="rank">{e.rank}</span>
              <span class="name">{e.name}</span>
              <ModeLabel mode={e.mode} count="" />
              <span class="points">{formatNumber(e.points)}</span>
            </li>
          ))}
        </ol>
        <Teams board={board} />
      </div>
    </div>
  );
}

function Teams({ board }: { board: Leaderboard }) {
  const { onsite, remote, onsitePlayers, remotePlayers } = board.teams;
  const max = Math.max(1, onsite ?? 0, remote ?? 0);
  const team = (mode: "onsite" | "remote", avg: number | undefined, players: number) => (
    <li data-team={mode} data-average={avg ?? ""}>
      <span class="label"><ModeLabel mode={mode} /> <span class="figure"><strong>{avg === undefined ? "–" : formatNumber(Math.round(avg))}</strong> {t("screen.average")} · {tn("screen.players", players)}</span></span>
      <span class="bar" aria-hidden="true"><span class={mode} style={{ width: `${(100 * (avg ?? 0)) / max}%` }} /></span>
    </li>
  );
  return (
    <section class="teams" aria-labelledby="teams-title">
      <h2 id="teams-title">{t("screen.teams")}</h2>
      <ul class="bars">{team("onsite", onsite, onsitePlayers)}{team("remote", remote, remotePlayers)}</ul>
    </section>
  );
}

/** The final podium: the top three, the first in the middle and highest. */
export function PodiumView({ s }: { s: Snapshot }) {
  const board = s.leaderboard;
  const ref = useRef<HTMLDivElement>(null);
  useFit(ref, [board]);
  const podium = (board?.top ?? []).filter((e) => e.rank <= 3).slice(0, 3);
  if (!board || podium.length === 0) {
    return <div class="view waiting" ref={ref}><EmptyState title={t("screen.noScores")}>{t("screen.noScoresHint")}</EmptyState></div>;
  }
  // Drawn 2 · 1 · 3; read (and announced) in rank order.
  const places = [podium[1], podium[0], podium[2]];
  const { onsite, remote } = board.teams;
  const winner = onsite !== undefined && remote !== undefined && onsite !== remote ? (onsite > remote ? "onsite" : "remote") : null;
  return (
    <div class="view podium-view" ref={ref}>
      <h1 class="screen-title">{t("screen.podium")}</h1>
      <ol class="podium" aria-label={t("screen.podium")}>
        {places.map((e, i) => e && (
          <li key={`${i}:${e.name}`} class={`step step-${[2, 1, 3][i]}`} data-rank={e.rank} style={{ order: i }}>
            <span class="name">{e.name}</span>
            <ModeLabel mode={e.mode} count="" />
            <span class="points">{tn("charts.points", e.points)}</span>
            <span class="block" aria-hidden="true">{e.rank}</span>
          </li>
        ))}
      </ol>
      {winner && <p class="team-winner">{t("screen.teamWins", { team: t(winner === "onsite" ? "mode.onsite" : "mode.remote") })}</p>}
    </div>
  );
}
