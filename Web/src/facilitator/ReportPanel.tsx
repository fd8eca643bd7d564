import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { SettingCheckbox } from "../ui/SettingCheckbox";

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
    </section>
  );
}
