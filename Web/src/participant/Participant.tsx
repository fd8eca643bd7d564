import { useEffect, useState } from "preact/hooks";
import type { Mode } from "../lib/protocol";
import { LiveSession } from "../session/live";
import { JoinForm } from "./JoinForm";
import { languageVersion } from "../lib/i18n";
import { Live } from "./Live";

/** The session as GET /api/sessions/{code} tells it before joining (its title on the join page). */
export interface SessionInfo { title: string; state: string }

export function Participant({ code }: { code: string }) {
  const [session, setSession] = useState<LiveSession | null>(null);
  const [info, setInfo] = useState<SessionInfo | null | "unknown">(null);
  useEffect(() => {
    fetch(`/api/sessions/${encodeURIComponent(code)}`)
      .then((r) => (r.ok ? r.json() : "unknown"))
      .then(setInfo, () => setInfo(null));
  }, [code]);
  const join = (displayName: string | undefined, mode: Mode) => {
    const live = new LiveSession({ joinCode: code, displayName, mode });
    return live.start().then((r) => {
      if (r.ok) setSession(live);
      else void live.connection.hub.stop();
      return r;
    });
  };
  // Drawn again when the texts change (easy-read on or off).
  void languageVersion.value;
  return session ? <Live session={session} /> : <JoinForm code={code} info={info} onJoin={join} />;
}
