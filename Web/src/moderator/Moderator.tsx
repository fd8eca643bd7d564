import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Question, Snapshot } from "../lib/protocol";
import { order, type QueueOrder } from "../lib/queue";
import { t } from "../lib/i18n";
import { stateLabel } from "../lib/views";
import { Header } from "../ui/Header";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Tabs } from "../ui/Tabs";
import { EmptyState } from "../ui/States";
import { SessionGate } from "../session/SessionGate";
import { ModeLabel } from "../ui/Mode";
import { tabStatuses, type QueueTab } from "./keys";
import { QuestionCard } from "./QuestionCard";
import { SpeakingQueue } from "./SpeakingQueue";
import { PauseSwitch } from "./PauseSwitch";
import { OnBehalf } from "./OnBehalf";
import { HeldItems, pollsWithHeldItems } from "./HeldItems";
import { HeldStatements } from "./HeldStatements";

export function Moderator({ session, hasKey }: { session: LiveSession; hasKey: boolean }) {
  const joined = session.joined.value;
  if (joined && joined.role !== "moderator" && joined.role !== "facilitator") return <main class="narrow"><EmptyState title={t("moderator.notModeratorLink")} /></main>;
  return <SessionGate session={session} missingKey={hasKey ? undefined : t("moderator.incompleteLink")}>{(s) => <Console s={s} session={session} />}</SessionGate>;
}

function Console({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [tab, setTab] = useState<QueueTab>("todo");
  const [sort, setSort] = useState<QueueOrder>("votes");
  const inTab = (name: QueueTab) => s.questions.filter((q) => tabStatuses[name].includes(q.status));
  const questions = order(inTab(tab), sort);
  const tabs = (["todo", "pinned", "done", "hidden"] as const).map((id) => ({ id, label: t(`moderator.tab.${id}`), count: inTab(id).length }));
  return (
    <>
      <Header title={s.title}>
        <ConnectionBadge status={session.status.value} />
        <LanguageSwitch />
      </Header>
      <main class="moderator" id="console">
        <p class="meta facts">
          <span>{t("common.code")} <strong id="join-code">{s.joinCode}</strong></span> · <span id="session-state">{stateLabel(s.state)}</span> ·{" "}
          <ModeLabel mode="onsite">{t("common.nOnsite", { n: s.counts.onsite })}</ModeLabel> · <ModeLabel mode="remote">{t("common.nRemote", { n: s.counts.remote })}</ModeLabel> ·{" "}
          <span id="moderation-mode">{t(s.preModeration ? "moderator.premoderationOn" : "moderator.premoderationOff")}</span>
        </p>
        <div class="moderator-columns">
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">{t("common.questions")}</h2>
            <div class="toolbar field">
              <label for="sort">{t("moderator.sort")}</label>
              <select id="sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as QueueOrder)}>
                <option value="votes">{t("moderator.sortVotes")}</option>
                <option value="time">{t("moderator.sortTime")}</option>
                <option value="fairness">{t("moderator.sortFairness")}</option>
              </select>
            </div>
            <PauseSwitch s={s} session={session} />
            <OnBehalf session={session} />
            <p class="meta">{t("moderator.keysHint")}</p>
            <Tabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as QueueTab)} label={t("moderator.queue")}>
              {questions.length === 0
                ? <EmptyState title={t(`moderator.empty.${tab}`)} />
                : <ol id="questions" class="stack">{questions.map((q) => <QuestionCard key={q.id} q={q} s={s} session={session} others={others(s, q)} />)}</ol>}
            </Tabs>
          </section>
          <div class="side">
            <SpeakingQueue s={s} session={session} />
            {pollsWithHeldItems(s).map((p) => <section key={p.id} class="card"><h2>{p.question}</h2><HeldItems poll={p} session={session} /></section>)}
            {(s.opinions ?? []).map((o) => ({ o, held: o.statements.filter((st) => st.status === "pending") })).filter(({ held }) => held.length > 0)
              .map(({ o, held }) => <section key={o.id} class="card"><h2>{o.topic}</h2><HeldStatements opinion={o} held={held} session={session} /></section>)}
          </div>
        </div>
      </main>
    </>
  );
}

const others = (s: Snapshot, q: Question) => s.questions.filter((o) => o.id !== q.id && (o.status === "visible" || o.status === "pinned" || o.status === "pending" || o.status === "answered"));
