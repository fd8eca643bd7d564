import { useEffect, useRef } from "preact/hooks";
import { keyLabel, type Shortcut } from "../lib/keys";
import { t } from "../lib/i18n";

const order: Shortcut[] = ["previous", "next", "toggleVoting", "toggleResults", "joinScreen", "pinTop", "fullscreen", "help"];

/** "?": the keys and what they do, in a dialog that Escape or its button closes. */
export function KeyHelp({ onClose, note }: { onClose: () => void; note?: string }) {
  const close = useRef<HTMLButtonElement>(null);
  // The latest onClose, without redoing the effect (and moving the focus) at each parent render.
  const closing = useRef(onClose);
  closing.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") closing.current();
      // Modal: the focus stays on the dialog's one control.
      if (e.key === "Tab") { e.preventDefault(); close.current?.focus(); }
    };
    addEventListener("keydown", onKey);
    return () => { removeEventListener("keydown", onKey); previous?.focus?.(); };
  }, []);
  return (
    <div class="dialog-backdrop">
      <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="keys-title">
        <h2 id="keys-title">{t("keys.title")}</h2>
        <dl class="key-list">
          {order.map((k) => <div key={k}><dt><kbd>{keyLabel(k)}</kbd></dt><dd>{t(`keys.${k}`)}</dd></div>)}
        </dl>
        {note && <p class="meta">{note}</p>}
        <button type="button" class="btn primary" ref={close} onClick={onClose}>{t("keys.close")}</button>
      </div>
    </div>
  );
}
