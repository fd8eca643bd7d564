import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { PollKind } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Field } from "../ui/Field";
import { Button } from "../ui/Button";

/** Creating a poll during the session: one short form with sensible defaults (a single choice, results live). */
export function QuickPoll({ session, onDone }: { session: LiveSession; onDone: (pollId: string | null) => void }) {
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<PollKind>("single");
  const [options, setOptions] = useState("");
  const [run, state] = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    let pollId: string | null = null;
    const ok = await run(async () => {
      const r = await session.call<{ pollId: string }>("CreatePoll", {
        question, kind, options: kind === "single" || kind === "multiple" ? options.split("\n").map((o) => o.trim()).filter(Boolean) : undefined,
      });
      if (r.ok) pollId = r.value.pollId;
      return r;
    });
    if (ok) onDone(pollId);
  };
  return (
    <form class="quick-poll card" onSubmit={submit}>
      <Field id="quick-question" label={t("facilitator.pollQuestion")}>
        <input id="quick-question" required maxLength={200} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </Field>
      <Field id="quick-kind" label={t("facilitator.pollKind")}>
        <select id="quick-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PollKind)}>
          {(["single", "multiple", "wordCloud", "rating", "openText"] as const).map((k) => <option key={k} value={k}>{t(`pollKind.${k}`)}</option>)}
        </select>
      </Field>
      {(kind === "single" || kind === "multiple") && (
        <Field id="quick-options" label={t("facilitator.pollOptions")}>
          <textarea id="quick-options" rows={3} required value={options} onInput={(e) => setOptions(e.currentTarget.value)} />
        </Field>
      )}
      <div class="row">
        <button type="submit" class="btn primary small" disabled={state.pending}>{t("facilitator.createPoll")}</button>
        <Button kind="quiet" small onClick={() => onDone(null)}>{t("facilitator.cancel")}</Button>
      </div>
      {state.error && <p class="refusal" role="alert">{state.error}</p>}
    </form>
  );
}
