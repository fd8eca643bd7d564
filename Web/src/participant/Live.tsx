import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import { isOpen, type Snapshot } from "../lib/protocol";
import { languageVersion, t } from "../lib/i18n";
import { easyRead, followSessionDefault } from "../lib/easyRead";
import { EasyReadSwitch } from "../ui/EasyReadSwitch";
import { EasyLive } from "./EasyLive";
import { Header } from "../ui/Header";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Tabs } from "../ui/Tabs";
import { SessionGate } from "../session/SessionGate";
import { Video } from "./Video";
import { FocusCard } from "./FocusCard";
import { QuestionsTab } from "./QuestionsTab";
import { PollsTab, visibleOpinions, visiblePolls } from "./PollsTab";
import { Speaking } from "./Speaking";
import { Announcer } from "./Announcer";
import { ReactionBar } from "./ReactionBar";
import { AnnouncementBanner } from "../ui/AnnouncementBanner";

/** The live phone: a header that never covers content, the focus first, then Questions and Polls. */
export function Live({ session }: { session: LiveSession }) {
  // Joined: the focus first, from the top of the page (the join form may have been scrolled).
  useEffect(() => scrollTo(0, 0), []);
  return <SessionGate session={session}>{(s) => <LiveScreen s={s} session={session} />}</SessionGate>;
}

function LiveScreen({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [tab, setTab] = useState("questions");
  useEffect(() => followSessionDefault(s.easyRead), [s.easyRead]);
  // Drawn again when the texts change (easy-read on or off).
  void languageVersion.value;
  return (
    <>
      <Header title={s.title}>
        <ConnectionBadge status={session.status.value} />
        <EasyReadSwitch />
        <LanguageSwitch />
      </Header>
      <main id="live" class="live">
        <AnnouncementBanner announcement={s.announcement} />
        <Video s={s} />
        <Speaking s={s} session={session} />
        {easyRead.value ? <EasyLive s={s} session={session} /> : <>
          <FocusCard s={s} session={session} />
          <ReactionBar s={s} session={session} />
          <Tabs label={t("participant.sections")} selected={tab} onSelect={setTab} tabs={[
            { id: "questions", label: t("common.questions"), count: publicCount(s) },
            { id: "polls", label: t("common.polls"), count: visiblePolls(s).length + visibleOpinions(s).length },
          ]}>
            {tab === "questions" ? <QuestionsTab s={s} session={session} /> : <PollsTab s={s} session={session} />}
          </Tabs>
        </>}
        <Announcer session={session} />
      </main>
    </>
  );
}

const publicCount = (s: Snapshot) => s.questions.filter(isOpen).length;
