import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";

/** Three steps, each with a drawing: phone in hand, camera on the square, or the address and the code. */
const pictures = [
  <svg viewBox="0 0 64 64" aria-hidden="true"><rect x="20" y="6" width="24" height="48" rx="4" fill="none" stroke="currentColor" stroke-width="4" /><circle cx="32" cy="47" r="3" fill="currentColor" /></svg>,
  <svg viewBox="0 0 64 64" aria-hidden="true"><rect x="8" y="18" width="48" height="34" rx="5" fill="none" stroke="currentColor" stroke-width="4" /><circle cx="32" cy="35" r="10" fill="none" stroke="currentColor" stroke-width="4" /><rect x="22" y="10" width="20" height="8" rx="2" fill="currentColor" /></svg>,
  <svg viewBox="0 0 64 64" aria-hidden="true"><rect x="6" y="14" width="52" height="36" rx="4" fill="none" stroke="currentColor" stroke-width="4" /><path d="M14 32h8M26 32h8M38 32h8" stroke="currentColor" stroke-width="5" stroke-linecap="round" /></svg>,
];

/**
 * The poster to join, printed on A4 (print stylesheet, no PDF library): the café's title, its code
 * in letters 3 cm high, a large QR code, the address, and three steps in easy French.
 */
export function Poster({ code }: { code: string }) {
  const [title, setTitle] = useState<string | null | "unknown">(null);
  useEffect(() => {
    fetch(`/api/sessions/${encodeURIComponent(code)}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((info: { title: string } | null) => setTitle(info ? info.title : "unknown"), () => setTitle("unknown"));
  }, [code]);
  useEffect(() => { if (title) document.body.dataset.ready = "true"; }, [title]);
  if (title === "unknown") return <main class="poster"><p class="empty"><strong>{t("poster.unknown")}</strong></p></main>;
  const address = location.host;
  return (
    <main class="poster">
      <p class="no-print"><button type="button" class="btn primary" onClick={() => print()}>{t("poster.print")}</button></p>
      <p class="poster-kicker">{t("poster.title")}</p>
      <h1 class="poster-title">{title ?? ""}</h1>
      <div class="poster-join">
        <img class="poster-qr" src={`/api/sessions/${encodeURIComponent(code)}/qr.svg?mode=onsite`} alt={t("screen.qrAlt", { code })} />
        <div class="poster-code-box">
          <p class="poster-code-label">{t("poster.code")}</p>
          <p class="poster-code" data-code={code}>{code}</p>
          <p class="poster-address">{address}</p>
        </div>
      </div>
      <ol class="poster-steps">
        {[t("poster.step1"), t("poster.step2"), t("poster.step3", { address })].map((text, i) => (
          <li key={i}><span class="step-picture">{pictures[i]}</span><span class="step-number" aria-hidden="true">{i + 1}</span><span class="step-text">{text}</span></li>
        ))}
      </ol>
      <p class="poster-no-device">{t("poster.noDevice")}</p>
    </main>
  );
}
