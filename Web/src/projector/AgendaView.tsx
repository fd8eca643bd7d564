import { useRef } from "preact/hooks";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useFit } from "../ui/fit";
import { ActivityTimer } from "../ui/ActivityTimer";

/** The agenda's activity in focus when it is no poll or map (a break, a text, a round of speaking): its title, huge, and its timer if it shows one. */
export function AgendaView({ s }: { s: Snapshot }) {
  const ref = useRef<HTMLDivElement>(null);
  const activity = s.agenda?.find((a) => a.id === s.currentActivity);
  useFit(ref, [activity?.title, s.timer?.endsAt]);
  return (
    <div class="view agenda-view" ref={ref}>
      {activity ? (
        <>
          <p class="kicker">{t(`agenda.kind.${activity.kind}`)}</p>
          <h1 class="screen-title">{activity.title}</h1>
          {s.timer && activity.showTimer && <ActivityTimer timer={s.timer} large />}
        </>
      ) : <h1 class="screen-title">{s.title}</h1>}
    </div>
  );
}

/** The timer of the activity in focus, in the strip under any other view, when the activity shows one. */
export function StripTimer({ s }: { s: Snapshot }) {
  const activity = s.agenda?.find((a) => a.id === s.currentActivity);
  if (!s.timer || !activity?.showTimer || s.screen?.view === "agenda") return null;
  return <ActivityTimer timer={s.timer} />;
}
