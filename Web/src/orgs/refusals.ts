import { t, type Key } from "../lib/i18n";
import { refusalSentence } from "../lib/protocol";
import type { ApiRefusal } from "./api";

/**
 * A refused organisation call in a plain sentence, from the answer's structured fields: signed out
 * (401), a stale page (the antiforgery field), not a member (forbidden), else the shared sentences.
 * `forbidden` names a better sentence where the page knows what was asked (an invitation).
 */
export function refusalText(refusal: ApiRefusal, forbidden: Key = "orgs.notMember"): string {
  if (refusal.status === 401) return t("orgs.expired");
  if (refusal.field === "antiforgery") return t("orgs.staleToken");
  if (refusal.error === "forbidden") return t(forbidden);
  return refusalSentence(refusal.error, refusal.message);
}
