import { useEffect, useRef, useState } from "preact/hooks";
import type { Mode } from "../lib/protocol";
import type { CallResult } from "../session/call";
import { t } from "../lib/i18n";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { EasyReadSwitch } from "../ui/EasyReadSwitch";
import { Refusal } from "../ui/States";
import type { SessionInfo } from "./Participant";

/**
 * The way in: the session's title, an optional name, on site or remote (preselected by the
 * link), one button. A returning phone (resume token kept) joins at once.
 */
export function JoinForm({ code, info, onJoin }: { code: string; info: SessionInfo | null | "unknown"; onJoin: (name: string | undefined, mode: Mode) => Promise<CallResult<unknown>> }) {
  const params = new URLSearchParams(location.search);
  const preset = params.get("mode");
  const [name, setName] = useState(params.get("name")?.slice(0, 40) ?? "");
  const [mode, setMode] = useState<Mode>(preset === "onsite" ? "onsite" : "remote");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (pending) return;
    setPending(true);
    const result = await onJoin(name.trim() || undefined, mode);
    setPending(false);
    if (!result.ok) setError(result.sentence);
  };
  useEffect(() => {
    // Scanned the QR code before? The resume token brings the same identity back at once.
    if (localStorage.getItem(`cafe.resume.${code}.participant`)) void submit();
  }, []);
  const title = info && info !== "unknown" ? info.title : null;
  return (
    <main class="join-page">
      <div class="join-top"><EasyReadSwitch /><LanguageSwitch /></div>
      <form id="join-form" ref={form} onSubmit={submit} class="join-card">
        <p class="kicker">{t("participant.welcome")}</p>
        <h1 id="title">{title ?? t("participant.session")}</h1>
        <p class="meta">{t("participant.session")} <strong id="join-code">{code}</strong></p>
        {info === "unknown" && <p class="refusal" role="alert">{t("home.unknownCode")}</p>}
        <div class="field">
          <label for="name">{t("participant.nameLabel")}</label>
          <input id="name" name="name" maxLength={40} autoComplete="nickname" value={name} onInput={(e) => setName(e.currentTarget.value)} autoFocus />
        </div>
        <fieldset class="field">
          <legend>{t("participant.modeLegend")}</legend>
          <label class="choice"><input type="radio" name="mode" value="onsite" id="mode-onsite" checked={mode === "onsite"} onChange={() => setMode("onsite")} /> {t("common.onsite")}</label>
          <label class="choice"><input type="radio" name="mode" value="remote" id="mode-remote" checked={mode === "remote"} onChange={() => setMode("remote")} /> {t("common.remote")}</label>
        </fieldset>
        <button type="submit" id="join" class="btn primary wide" disabled={pending || info === "unknown"}>{t("common.join")}</button>
        <Refusal message={error} />
      </form>
    </main>
  );
}
