import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Confirmation, Refusal } from "../ui/States";

/**
 * A question typed for someone in the room without a phone (or who would rather not write): it
 * counts as on site, with no device and no author, and is published at once.
 */
export function OnBehalf({ session }: { session: LiveSession }) {
  const [text, setText] = useState("");
  const [run, state] = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => session.call("AskQuestion", { text: text.trim(), onBehalf: true }))) setText("");
  };
  return (
    <details class="on-behalf">
      <summary>{t("onBehalf.title")}</summary>
      <form id="on-behalf-form" class="inline-form" onSubmit={submit}>
        <label for="on-behalf-text">{t("onBehalf.label")}</label>
        <textarea id="on-behalf-text" rows={2} maxLength={500} required value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="btn small" disabled={state.pending}>{t("onBehalf.send")}</button>
        <Refusal message={state.error} />
        <Confirmation message={state.done ? t("onBehalf.sent") : null} />
      </form>
    </details>
  );
}
