import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";

/** Pause new questions (the queue is full, the time is up); reading and upvoting go on. */
export function PauseSwitch({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [run, state] = useAction();
  const paused = s.questionsPaused === true;
  return (
    <div class="pause-switch">
      <Button small kind={paused ? "primary" : "quiet"} aria-pressed={paused} pending={state.pending} data-switch="pause"
        onClick={() => run(() => session.call("PauseQuestions", { paused: !paused }))}>{t(paused ? "moderator.questionsPaused" : "moderator.pauseQuestions")}</Button>
      <Refusal message={state.error} />
    </div>
  );
}
