import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Snapshot } from "../lib/protocol";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/action";
import { elapsed } from "../lib/format";
import { t } from "../lib/i18n";
import { stateLabel } from "../lib/views";
import { ModeLabel } from "../ui/Mode";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";
import { focusPoll } from "./commands";
import type { Tab } from "./Facilitator";

/** Ticks once a second, for the clocks. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const timer = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(timer); }, []);
  return now;
}

/** Opens the projector in its own window (keys pressed there come back to this page). */
export function openProjector(s: Snapshot, session: LiveSession): void {
  const key = session.joined.value?.staffKeys?.projectorKey;
  if (!key) return;
  window.open(`/screen/${s.joinCode}#key=${encodeURIComponent(key)}`, `projector-${s.joinCode}`);
}

/** Code, counts, clocks, the session's state and the way to the projector; Préparer / Animer. */
export function TopBar({ s, session, tab, onTab, children }: { s: Snapshot; session: LiveSession; tab: Tab; onTab: (t: Tab) => void; children: ComponentChildren }) {
  const now = useNow();
  const [run, state] = useAction();
  const poll = focusPoll(s);
  return (
    <header class="topbar">
      <div class="topbar-main">
        <h1 class="title">{s.title}</h1>
        <p class="facts">
          <span>{t("common.code")} <strong id="join-code">{s.joinCode}</strong></span>
          <span id="session-state" class={`state ${s.state}`}>{stateLabel(s.state)}</span>
          <span id="counts">
            <ModeLabel mode="onsite">{t("common.nOnsite", { n: s.counts.onsite })}</ModeLabel>{" · "}
            <ModeLabel mode="remote">{t("common.nRemote", { n: s.counts.remote })}</ModeLabel>
          </span>
          {s.startedAt && <span>{t("facilitator.elapsedShort", { time: elapsed(s.startedAt, now) })}</span>}
          {poll?.state === "open" && poll.openedAt && <span>{t("facilitator.pollTimer", { time: elapsed(poll.openedAt, now) })}</span>}
        </p>
      </div>
      <div class="modes" role="group" aria-label={t("facilitator.pages")}>
        {/* Buttons, not links: the address's fragment holds the key and must stay. */}
        <button type="button" class="btn quiet small" aria-pressed={tab === "prepare"} onClick={() => onTab("prepare")}>{t("facilitator.prepare")}</button>
        <button type="button" class="btn quiet small" aria-pressed={tab === "run"} onClick={() => onTab("run")}>{t("facilitator.run")}</button>
      </div>
      <div class="topbar-actions">
        {s.state === "draft" && <Button kind="primary" small pending={state.pending} onClick={() => run(() => session.call("StartSession"))}>{t("facilitator.startSession")}</Button>}
        <Button small onClick={() => openProjector(s, session)}>{t("facilitator.openProjector")}</Button>
        {children}
      </div>
      <Refusal message={state.error} />
    </header>
  );
}
