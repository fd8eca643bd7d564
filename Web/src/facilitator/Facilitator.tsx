import { useEffect, useRef, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Screen } from "../lib/protocol";
import { shortcutOf, type Shortcut } from "../lib/keys";
import { t } from "../lib/i18n";
import { rememberCafe } from "../lib/mycafes";
import { listenShortcuts } from "../projector/keys";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { KeyHelp } from "../ui/KeyHelp";
import { SessionGate } from "../session/SessionGate";
import { callsFor } from "./commands";
import { Animer } from "./Animer";
import { Prepare } from "./Prepare";
import { TopBar } from "./TopBar";
import { KeepLink } from "./KeepLink";

export type Tab = "prepare" | "run";

/** Runs the calls a shortcut means, in order; the first refusal stops them and is returned. */
export async function runShortcut(session: LiveSession, shortcut: Shortcut, previous: Screen | null): Promise<string | null> {
  const s = session.snapshot.value;
  if (!s) return null;
  for (const call of callsFor(shortcut, s, previous)) {
    const result = await session.call(call.method, call.payload);
    if (!result.ok) return result.sentence;
  }
  return null;
}

export function Facilitator({ session, hasKey }: { session: LiveSession; hasKey: boolean }) {
  const s = session.snapshot.value;
  const [chosen, setTab] = useState<Tab | null>(null);
  // Until the facilitator picks one: Animer once the session is live, Préparer before.
  const tab: Tab = chosen ?? (s && s.state !== "draft" ? "run" : "prepare");
  const [help, setHelp] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);
  /** The last activity screen the room saw (Q pressed twice gives it back). */
  const previous = useRef<Screen | null>(null);
  if (s?.screen && (s.screen.view === "activity" || s.screen.view === "questions")) previous.current = s.screen;

  useEffect(() => {
    if (s) {
      rememberCafe({ joinCode: s.joinCode, title: s.title, facilitatorKey: session.request.key! });
      document.title = `${t("facilitator.pageTitleFor", { title: s.title })}`;
    }
  }, [s?.title]);

  useEffect(() => {
    const act = (shortcut: Shortcut) => {
      if (shortcut === "help") { setHelp((h) => !h); return; }
      if (shortcut === "fullscreen") {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => {});
        return;
      }
      void runShortcut(session, shortcut, previous.current).then(setKeyError);
    };
    const onKey = (e: KeyboardEvent) => {
      if (tab !== "run" || help || e.repeat) return;
      const shortcut = shortcutOf(e);
      if (!shortcut) return;
      e.preventDefault();
      act(shortcut);
    };
    addEventListener("keydown", onKey);
    // The projector window opened from here hands its keys over.
    const stop = listenShortcuts(session.request.joinCode, (shortcut) => { if (shortcut !== "fullscreen") act(shortcut); });
    return () => { removeEventListener("keydown", onKey); stop(); };
  }, [session, tab, help]);

  return <SessionGate session={session} missingKey={hasKey ? undefined : t("facilitator.incompleteLink")}>{(snapshot) => (
    <div class={`facilitator tab-${tab}`}>
      <TopBar s={snapshot} session={session} tab={tab} onTab={setTab}>
        <ConnectionBadge status={session.status.value} />
        <LanguageSwitch />
      </TopBar>
      {tab !== "run" && <KeepLink s={snapshot} session={session} />}
      {tab === "run"
        ? <Animer s={snapshot} session={session} keyError={keyError} onHelp={() => setHelp(true)} previous={previous.current} />
        : <Prepare s={snapshot} session={session} />}
      {help && <KeyHelp onClose={() => setHelp(false)} />}
    </div>
  )}</SessionGate>;
}
