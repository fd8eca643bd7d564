import { AgendaView, StripTimer } from "./AgendaView";
import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { shortcutKeys, shortcutOf, type Shortcut } from "../lib/keys";
import { speakerText } from "../lib/views";
import { followSessionLanguage, languageVersion, t } from "../lib/i18n";
import { ConnectionBadge } from "../ui/ConnectionBadge";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Button } from "../ui/Button";
import { ActivityView, Attendance, BlankView, JoinView, OpinionView, PinnedView, QuestionsView } from "./views";
import { sendShortcut } from "./keys";
import { LeaderboardView, PodiumView } from "./quiz";
import { AnnouncementBanner } from "../ui/AnnouncementBanner";
import { Bursts } from "../ui/Bursts";
import { KeyHelp } from "../ui/KeyHelp";

type Theme = "light" | "dark";
const THEME_KEY = "cafe.projector.theme";

function initialTheme(): Theme {
  const asked = new URLSearchParams(location.search).get("theme");
  if (asked === "dark" || asked === "light") return asked;
  try { return localStorage.getItem(THEME_KEY) === "dark" ? "dark" : "light"; } catch { return "light"; }
}

/** True after 3 s without the mouse moving: the controls and the cursor hide. */
function useIdle(ms: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), ms);
    const wake = () => { setIdle(false); clearTimeout(timer); timer = setTimeout(() => setIdle(true), ms); };
    addEventListener("mousemove", wake);
    addEventListener("keydown", wake);
    return () => { clearTimeout(timer); removeEventListener("mousemove", wake); removeEventListener("keydown", wake); };
  }, [ms]);
  return idle;
}

/** The big screen in the room: what the staff chose (`screen`), and always the way in. */
export function Projector({ session }: { session: LiveSession }) {
  const s = session.snapshot.value;
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [help, setHelp] = useState(false);
  const idle = useIdle(3000);
  useEffect(() => {
    document.documentElement.className = theme === "dark" ? "theme-dark projector-page" : "projector-page";
    try { localStorage.setItem(THEME_KEY, theme); } catch { /* private browsing */ }
  }, [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = e.repeat ? null : shortcutOf(e);
      if (!shortcut) return;
      e.preventDefault();
      if (shortcut === "fullscreen") toggleFullscreen();
      else if (shortcut === "help") setHelp((h) => !h);
      else sendShortcut(session.request.joinCode, shortcut);
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [session]);

  // Reading the version subscribes; keyed by it, every view is drawn anew once the session's language is loaded.
  const language = languageVersion.value;
  useEffect(() => { if (s?.language) void followSessionLanguage(s.language); }, [s?.language]);
  const failure = session.failure.value;
  const view = s?.deleted ? "deleted" : s?.screen?.view ?? "join";
  return (
    <div key={language} class={`screen view-${view}${idle ? " idle" : ""}`} data-view={view}>
      <AnnouncementBanner announcement={s?.announcement} closable={false} />
      <main class="stage" id="stage">
        {failure ? <p class="empty"><strong>{failure}</strong></p>
          : !s ? <p class="empty"><strong>{t("screen.connecting")}</strong></p>
          : <Stage s={s} view={view} session={session} />}
        {s?.reactions?.enabled !== false && <Bursts session={session} />}
      </main>
      <footer class="strip">
        <div class="strip-info">
          {s && <StripTimer s={s} />}
          {s && view !== "join" && <Attendance s={s} />}
          {s?.speaker && <p class="speaker">{speakerText(s.speaker)}</p>}
        </div>
        <div class="controls" aria-label={t("screen.controls")} role="group">
          <ConnectionBadge status={session.status.value} />
          <Button kind="quiet" small shortcut={shortcutKeys.fullscreen} onClick={toggleFullscreen}>{t("screen.fullscreen")}</Button>
          <Button kind="quiet" small onClick={() => setTheme(theme === "dark" ? "light" : "dark")} aria-pressed={theme === "dark"}>{t("screen.darkShort")}</Button>
          <Button kind="quiet" small shortcut="?" onClick={() => setHelp(true)} title={t("keys.help")}><span class="sr-only">{t("keys.help")}</span></Button>
          <LanguageSwitch short />
        </div>
        {s && view !== "join" && (
          <div class="corner" data-testid="corner">
            <div>
              <p class="corner-how">{location.host}</p>
              <p class="corner-code">{s.joinCode}</p>
            </div>
            <img class="corner-qr" src={`/api/sessions/${encodeURIComponent(s.joinCode)}/qr.svg?mode=onsite`} alt={t("screen.qrAlt", { code: s.joinCode })} />
          </div>
        )}
      </footer>
      {help && <KeyHelp onClose={() => setHelp(false)} note={t("keys.projectorNote")} />}
    </div>
  );
}

function Stage({ s, view, session }: { s: Snapshot; view: string; session: LiveSession }) {
  switch (view) {
    case "deleted": return <p class="empty"><strong>{t("common.sessionDeleted")}</strong></p>;
    case "activity": return <ActivityView s={s} programme={session.programme.value} />;
    case "questions": return <QuestionsView s={s} />;
    case "pinned": return <PinnedView s={s} />;
    case "blank": return <BlankView />;
    case "leaderboard": return <LeaderboardView s={s} />;
    case "podium": return <PodiumView s={s} />;
    case "opinion": return <OpinionView s={s} />;
    case "agenda": return <AgendaView s={s} />;
    default: return <JoinView s={s} />;
  }
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => { /* refused: not from a user gesture */ });
}

export type { Shortcut };
