import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { pollKindLabel, pollStateLabel } from "../lib/views";
import { useAction } from "../session/action";
import { Refusal } from "../ui/States";
import { ActivityTimer } from "../ui/ActivityTimer";
import { activities, focusCall, focusIndex } from "./commands";
import { QuickPoll } from "./QuickPoll";

/** The activities in order, the focus highlighted and the next one marked; a click focuses one. */
export function Agenda({ s, session }: { s: Snapshot; session: LiveSession }) {
  const list = activities(s);
  const focus = focusIndex(s);
  const [run, state] = useAction();
  const [adding, setAdding] = useState(false);
  const current = focus >= 0 ? s.agenda?.[focus] : undefined;
  const onAgenda = !!s.agenda?.length;
  return (
    <section class="column agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("facilitator.agenda")}</h2>
      {onAgenda && (
        <div class="agenda-now">
          {s.timer && <ActivityTimer timer={s.timer} />}
          <button type="button" class="btn primary" id="next-activity" disabled={state.pending || focus >= list.length - 1}
            onClick={() => run(() => session.call("NextActivity", {}))}>{t("agenda.nextActivity")}</button>
          {s.timer && <button type="button" class="btn quiet small" onClick={() => run(() => session.call("ExtendTimer", { minutes: 1 }))}>{t("agenda.addMinute")}</button>}
          {s.timer && <button type="button" class="btn quiet small" onClick={() => run(() => session.call("StopTimer", {}))}>{t("agenda.stopTimer")}</button>}
        </div>
      )}
      <ol class="activities">
        {list.map((a, i) => {
          const step = a.agendaId ? s.agenda?.find((x) => x.id === a.agendaId) : undefined;
          const poll = a.kind === "poll" ? s.polls.find((p) => p.id === a.pollId) : undefined;
          const opinion = a.kind === "opinion" ? s.opinions?.find((o) => o.id === a.opinionId) : undefined;
          const label = step ? step.title : poll ? poll.question : opinion ? opinion.topic : t("facilitator.questionsActivity");
          const what = poll ? `${pollKindLabel(poll.kind)} · ${pollStateLabel(poll.state)}`
            : opinion ? `${t("opinion.kicker")} · ${t(`opinion.state.${opinion.state}`)}`
              : step ? t(`agenda.kind.${step.kind}`) : t("facilitator.questionsDetail");
          const detail = step?.durationMinutes ? `${what} · ${t("agenda.minutes", { n: step.durationMinutes })}` : what;
          const id = step?.id ?? poll?.id ?? opinion?.id ?? "questions";
          return (
            <li key={id} class={i === focus ? "focus" : i === focus + 1 && focus >= 0 ? "next" : undefined}>
              <button type="button" class="activity" aria-current={i === focus ? "step" : undefined} data-activity={id}
                onClick={() => run(() => { const c = focusCall(a); return session.call(c.method, c.payload); })}>
                <span class="n" aria-hidden="true">{i + 1}</span>
                <span class="what"><span class="label">{label}</span><span class="meta">{detail}</span></span>
                {i === focus && <span class="tag">{t("facilitator.onScreen")}</span>}
                {i === focus + 1 && focus >= 0 && <span class="tag next">{t("facilitator.next")}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      {current?.notes && (
        <aside class="agenda-notes" aria-labelledby="agenda-notes-heading">
          <h3 id="agenda-notes-heading">{t("agenda.notes")}</h3>
          <p>{current.notes}</p>
        </aside>
      )}
      <Refusal message={state.error} />
      {adding
        ? <QuickPoll session={session} onDone={(pollId) => { setAdding(false); if (pollId) void session.call("SetScreen", { view: "activity", pollId }); }} />
        : <button type="button" class="btn quiet wide" onClick={() => setAdding(true)}>{t("facilitator.addPoll")}</button>}
    </section>
  );
}
