import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Poll, PollKind, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { pollKindLabel, pollStateLabel } from "../lib/views";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Card } from "../ui/Card";
import { Field } from "../ui/Field";
import { Confirmation, EmptyState, Refusal } from "../ui/States";

/** The session's polls, prepared ahead: create, edit a draft, delete. */
export function PollsPanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [editing, setEditing] = useState<Poll | null>(null);
  return (
    <div class="panel two">
      <PollForm key={editing?.id ?? "new"} poll={editing} session={session} onDone={() => setEditing(null)} />
      <section aria-labelledby="polls-heading">
        <h2 id="polls-heading">{t("common.polls")}</h2>
        {s.polls.length === 0
          ? <EmptyState title={t("facilitator.noPolls")} />
          : <ol class="stack" id="polls">{s.polls.map((p, i) => <li key={p.id}><PollCard poll={p} n={i + 1} session={session} onEdit={() => setEditing(p)} /></li>)}</ol>}
      </section>
    </div>
  );
}

function PollCard({ poll, n, session, onEdit }: { poll: Poll; n: number; session: LiveSession; onEdit: () => void }) {
  const [run, state] = useAction();
  return (
    <Card class="poll" data-poll={poll.id}>
      <h3>{n}. {poll.question}</h3>
      <p class="meta">{pollKindLabel(poll.kind)} · {pollStateLabel(poll.state)}{poll.options.length > 0 ? ` · ${poll.options.join(" / ")}` : ""}</p>
      <div class="row">
        {poll.state === "draft" && <Button small onClick={onEdit}>{t("facilitator.edit")}</Button>}
        <Button small kind="danger" pending={state.pending} onClick={() => {
          if (confirm(t("facilitator.confirmDeletePoll", { question: poll.question }))) void run(() => session.call("DeletePoll", { pollId: poll.id }));
        }}>{t("facilitator.delete")}</Button>
      </div>
      <Refusal message={state.error} />
    </Card>
  );
}

const kinds: PollKind[] = ["single", "multiple", "wordCloud", "rating", "openText", "ranking", "points", "quiz"];
/** Kinds whose options are typed one per line. */
const withOptions = (k: PollKind) => k === "single" || k === "multiple" || k === "ranking" || k === "points" || k === "quiz";

function PollForm({ poll, session, onDone }: { poll: Poll | null; session: LiveSession; onDone: () => void }) {
  const [question, setQuestion] = useState(poll?.question ?? "");
  const [kind, setKind] = useState<PollKind>(poll?.kind ?? "single");
  const [options, setOptions] = useState(poll?.options.join("\n") ?? "");
  const [maxChoices, setMaxChoices] = useState(poll?.maxChoices ? String(poll.maxChoices) : "");
  const [scaleMax, setScaleMax] = useState(String(poll?.scaleMax ?? 5));
  const [minLabel, setMinLabel] = useState(poll?.minLabel ?? "");
  const [maxLabel, setMaxLabel] = useState(poll?.maxLabel ?? "");
  const [hide, setHide] = useState(poll?.hideResults ?? false);
  const [budget, setBudget] = useState(String(poll?.budget ?? 100));
  const [correct, setCorrect] = useState<number[]>(poll?.correct ?? []);
  const [seconds, setSeconds] = useState(String(poll?.seconds ?? 30));
  const [maxPoints, setMaxPoints] = useState(String(poll?.maxPoints ?? 1000));
  const [run, state] = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const choices = withOptions(kind);
  const optionLines = options.split("\n").map((o) => o.trim()).filter(Boolean);
  const submit = async (e: Event) => {
    e.preventDefault();
    const request = {
      question, kind, hideResults: hide,
      options: choices ? optionLines : undefined,
      budget: kind === "points" ? Number(budget) : undefined,
      correct: kind === "quiz" ? correct.filter((c) => c < optionLines.length) : undefined,
      seconds: kind === "quiz" ? Number(seconds) : undefined,
      points: kind === "quiz" ? Number(maxPoints) : undefined,
      maxChoices: kind === "multiple" && maxChoices ? Number(maxChoices) : undefined,
      scaleMax: kind === "rating" ? Number(scaleMax) : undefined,
      minLabel: kind === "rating" ? minLabel || undefined : undefined,
      maxLabel: kind === "rating" ? maxLabel || undefined : undefined,
    };
    const ok = await run(() => poll ? session.call("EditPoll", { pollId: poll.id, ...request }) : session.call("CreatePoll", request));
    if (ok) {
      setSaved(t(poll ? "facilitator.pollEdited" : "facilitator.pollCreated"));
      if (!poll) { setQuestion(""); setOptions(""); setMaxChoices(""); setMinLabel(""); setMaxLabel(""); setHide(false); setCorrect([]); }
      else onDone();
    }
  };
  return (
    <form id="poll-form" class="card" onSubmit={submit} aria-labelledby="poll-form-title">
      <h2 id="poll-form-title">{t(poll ? "facilitator.editPoll" : "facilitator.newPoll")}</h2>
      <Field id="poll-question" label={t("facilitator.pollQuestion")}>
        <input id="poll-question" required maxLength={200} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </Field>
      <Field id="poll-kind" label={t("facilitator.pollKind")}>
        <select id="poll-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PollKind)}>
          {kinds.map((k) => <option key={k} value={k}>{k === "wordCloud" ? t("facilitator.kindWordCloud") : t(`pollKind.${k}`)}</option>)}
        </select>
      </Field>
      {choices && <Field id="poll-options" label={t("facilitator.pollOptions")}>
        <textarea id="poll-options" rows={4} required value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
      </Field>}
      {kind === "quiz" && optionLines.length > 0 && (
        <fieldset class="field" id="poll-correct">
          <legend>{t("facilitator.quizCorrect")}</legend>
          {optionLines.map((o, i) => (
            <label class="choice" key={`${i}:${o}`}><input type="checkbox" name="correct" value={i} checked={correct.includes(i)}
              onChange={(e) => setCorrect(e.currentTarget.checked ? [...correct, i] : correct.filter((c) => c !== i))} /> {o}</label>
          ))}
        </fieldset>
      )}
      {kind === "quiz" && <>
        <Field id="poll-seconds" label={t("facilitator.quizSeconds")}>
          <input id="poll-seconds" type="number" min={5} max={300} inputMode="numeric" value={seconds} onInput={(e) => setSeconds(e.currentTarget.value)} />
        </Field>
        <Field id="poll-points" label={t("facilitator.quizPoints")}>
          <input id="poll-points" type="number" min={1} max={100000} inputMode="numeric" value={maxPoints} onInput={(e) => setMaxPoints(e.currentTarget.value)} />
        </Field>
      </>}
      {kind === "points" && <Field id="poll-budget" label={t("facilitator.pointsBudget")}>
        <input id="poll-budget" type="number" min={1} max={10000} inputMode="numeric" value={budget} onInput={(e) => setBudget(e.currentTarget.value)} />
      </Field>}
      {kind === "multiple" && <Field id="poll-max" label={t("facilitator.pollMax")}>
        <input id="poll-max" type="number" min={1} max={10} inputMode="numeric" value={maxChoices} onInput={(e) => setMaxChoices(e.currentTarget.value)} />
      </Field>}
      {kind === "rating" && <>
        <Field id="poll-scale" label={t("facilitator.pollScale")}>
          <input id="poll-scale" type="number" min={2} max={10} inputMode="numeric" value={scaleMax} onInput={(e) => setScaleMax(e.currentTarget.value)} />
        </Field>
        <Field id="poll-min-label" label={t("facilitator.pollMinLabel")}>
          <input id="poll-min-label" maxLength={40} value={minLabel} onInput={(e) => setMinLabel(e.currentTarget.value)} />
        </Field>
        <Field id="poll-max-label" label={t("facilitator.pollMaxLabel")}>
          <input id="poll-max-label" maxLength={40} value={maxLabel} onInput={(e) => setMaxLabel(e.currentTarget.value)} />
        </Field>
      </>}
      <label class="choice"><input type="checkbox" checked={hide} onChange={(e) => setHide(e.currentTarget.checked)} /> {t("facilitator.pollHide")}</label>
      <div class="row">
        <button type="submit" class="btn primary" disabled={state.pending}>{t(poll ? "facilitator.saveChanges" : "facilitator.createPoll")}</button>
        {poll && <Button kind="quiet" onClick={onDone}>{t("facilitator.cancelEdit")}</Button>}
      </div>
      <Refusal message={state.error} />
      <Confirmation message={saved} />
    </form>
  );
}
