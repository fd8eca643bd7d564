import type { ComponentChildren } from "preact";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { EmptyState } from "../ui/States";
import type { LiveSession } from "./live";

/**
 * What a page shows before its session can be drawn: a link without its key, a refused join,
 * the wait for the first snapshot, a deleted session; then the page itself, with the snapshot.
 */
export function SessionGate({ session, missingKey, children }: {
  session: LiveSession; missingKey?: string; children: (s: Snapshot) => ComponentChildren;
}) {
  const s = session.snapshot.value;
  const failure = session.failure.value;
  const message = missingKey ?? failure ?? (!s ? t("screen.connecting") : s.deleted ? t("common.sessionDeleted") : null);
  if (message || !s) return <main class="narrow"><EmptyState title={message ?? ""} /></main>;
  return <>{children(s)}</>;
}
