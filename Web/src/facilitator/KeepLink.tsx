import { useState } from "preact/hooks";
import type { Snapshot } from "../lib/protocol";
import type { LiveSession } from "../session/live";
import { t } from "../lib/i18n";
import { facilitatorUrl } from "../lib/mycafes";
import { Button } from "../ui/Button";
import { Confirmation } from "../ui/States";
import { shareLinks } from "./links";

const SEEN_KEY = (code: string) => `cafe.keptLink.${code}`;

/**
 * Right after creation: "keep your link". Losing the facilitator link would lose the café for
 * good (the server keeps only a hash of the key), so the page offers to copy it or download a
 * small card with every link, until the facilitator says it is kept.
 */
export function KeepLink({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [kept, setKept] = useState(() => { try { return localStorage.getItem(SEEN_KEY(s.joinCode)) === "1"; } catch { return false; } });
  const [copied, setCopied] = useState(false);
  if (kept) return null;
  const url = facilitatorUrl(location.origin, { joinCode: s.joinCode, facilitatorKey: session.request.key! });
  const done = () => { try { localStorage.setItem(SEEN_KEY(s.joinCode), "1"); } catch { /* shown again next time */ } setKept(true); };
  const copy = async () => { try { await navigator.clipboard.writeText(url); setCopied(true); } catch { setCopied(false); } };
  const download = () => {
    const lines = [s.title, "", ...shareLinks(s, session, location.origin).map((l) => `${l.label} : ${l.url}`), "", t("keep.cardNote")];
    const blob = new Blob([lines.join("\n")], { type: "text/plain;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `cafe-ia-${s.joinCode}.txt`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section class="keep-link" aria-labelledby="keep-heading">
      <div>
        <h2 id="keep-heading">{t("keep.title")}</h2>
        <p>{t("keep.why")}</p>
        <p class="keep-url"><code>{url.replace(/#key=.*/, "#key=…")}</code></p>
      </div>
      <div class="row">
        <Button kind="primary" onClick={copy}>{t("keep.copy")}</Button>
        <Button onClick={download}>{t("keep.download")}</Button>
        <Button kind="quiet" onClick={done}>{t("keep.done")}</Button>
      </div>
      <Confirmation message={copied ? t("keep.copied") : null} />
    </section>
  );
}
