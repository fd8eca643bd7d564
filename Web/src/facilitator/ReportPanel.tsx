import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { SettingCheckbox } from "../ui/SettingCheckbox";
import { useEffect, useState } from "preact/hooks";
import { useAction } from "../session/action";
import { Confirmation, Refusal } from "../ui/States";

/** The session report: open it, make it public. */
export function ReportPanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  return (
    <section aria-labelledby="report-heading" class="card panel-narrow">
      <h2 id="report-heading">{t("facilitator.reportHeading")}</h2>
      <p>{t("facilitator.reportHelp")}</p>
      <p><a id="report-link" class="btn" target="_blank" rel="noopener" href={`/report/${s.joinCode}#key=${encodeURIComponent(session.request.key ?? "")}`}>{t("facilitator.reportLink")}</a></p>
      <SettingCheckbox id="report-public" label={t("facilitator.reportPublic")} value={s.reportPublic ?? false}
        onChange={(on) => session.call("PublishReport", { public: on })}
        done={(on) => t(on ? "facilitator.reportPublished" : "facilitator.reportPrivate")} />
      <Conclusion s={s} session={session} />
    </section>
  );
}

/** "Ce que nous retenons": the facilitator's few lines, carried by the report and the open data. */
function Conclusion({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [text, setText] = useState(s.conclusion ?? "");
  const [run, state] = useAction();
  useEffect(() => setText(s.conclusion ?? ""), [s.conclusion]);
  return (
    <form id="conclusion-form" onSubmit={(e) => { e.preventDefault(); void run(() => session.call("SetConclusion", { text: text.trim() })); }}>
      <label for="conclusion">{t("facilitator.conclusionLabel")}</label>
      <textarea id="conclusion" rows={4} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="btn" disabled={state.pending}>{t("facilitator.conclusionSave")}</button>
      <Refusal message={state.error} />
      <Confirmation message={state.done ? t("facilitator.conclusionSaved") : null} />
    </form>
  );
}
