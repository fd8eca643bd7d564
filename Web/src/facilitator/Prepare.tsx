import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { Tabs } from "../ui/Tabs";
import { PollsPanel } from "./PollsPanel";
import { AgendaEditor } from "./AgendaEditor";
import { OpinionsPanel } from "./OpinionsPanel";
import { SharePanel } from "./SharePanel";
import { SettingsPanel } from "./SettingsPanel";
import { MapPanel } from "./MapPanel";
import { ReportPanel } from "./ReportPanel";

type Section = "activities" | "share" | "settings" | "map" | "report";

/** Préparer: everything set up before the session, one subject per tab (never one long form). */
export function Prepare({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [section, setSection] = useState<Section>("activities");
  const tabs = [
    { id: "activities", label: t("prepare.activities"), count: s.polls.length },
    { id: "share", label: t("prepare.share") },
    { id: "settings", label: t("prepare.settings") },
    { id: "map", label: t("prepare.map") },
    { id: "report", label: t("prepare.report") },
  ];
  return (
    <main class="prepare" aria-label={t("facilitator.prepare")}>
      <Tabs tabs={tabs} selected={section} onSelect={(id) => setSection(id as Section)} label={t("facilitator.prepare")}>
        {section === "activities" && <><PollsPanel s={s} session={session} /><OpinionsPanel s={s} session={session} /><AgendaEditor s={s} session={session} /></>}
        {section === "share" && <SharePanel s={s} session={session} />}
        {section === "settings" && <SettingsPanel s={s} session={session} />}
        {section === "map" && <MapPanel s={s} session={session} />}
        {section === "report" && <ReportPanel s={s} session={session} />}
      </Tabs>
    </main>
  );
}
