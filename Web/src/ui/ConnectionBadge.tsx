import { useEffect, useState } from "preact/hooks";
import type { ConnectionStatus } from "../session/live";
import { t } from "../lib/i18n";

/**
 * The connection as a discreet badge in the header. After a few seconds of reconnecting it says
 * so in words (an aria-live status); it is never an overlay on the content.
 */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const [long, setLong] = useState(false);
  useEffect(() => {
    setLong(false);
    if (status !== "reconnecting" && status !== "connecting") return;
    const timer = setTimeout(() => setLong(true), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  const text = status === "connected" ? t("badge.connected")
    : status === "reconnecting" ? t(long ? "badge.reconnectingLong" : "badge.reconnecting")
    : status === "connecting" ? t("badge.connecting")
    : status === "revoked" ? t("connection.revoked") : t("badge.disconnected");
  return (
    <span class="badge connection" data-status={status} role="status" aria-live="polite">
      <span class="dot" aria-hidden="true" /><span class="label">{text}</span>
    </span>
  );
}
