import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";

/** An announcement to the room (phones and the screen), and its removal. */
export function AnnounceForm({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [text, setText] = useState("");
  const [run, state] = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => session.call("Announce", { text: text.trim() }))) setText("");
  };
  return (
    <section aria-labelledby="announce-heading" class="room-announce">
      <h2 id="announce-heading">{t("facilitator.announce")}</h2>
      {s.announcement && (
        <div class="announcement" data-announcement={s.announcement.id}>
          <p>{s.announcement.text}</p>
          <Button small kind="quiet" pending={state.pending} onClick={() => run(() => session.call("DismissAnnouncement"))}>{t("facilitator.announceDismiss")}</Button>
        </div>
      )}
      <form id="announce-form" class="inline-form" onSubmit={submit}>
        <label for="announce-text" class="sr-only">{t("facilitator.announce")}</label>
        <p class="meta" id="announce-hint">{t("facilitator.announceHint")}</p>
        <textarea id="announce-text" rows={2} maxLength={280} required aria-describedby="announce-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="btn small" disabled={state.pending}>{t("facilitator.announceSend")}</button>
      </form>
      <Refusal message={state.error} />
    </section>
  );
}
