import type { Snapshot } from "../lib/protocol";
import type { LiveSession } from "../session/live";
import { t } from "../lib/i18n";
import { facilitatorUrl } from "../lib/mycafes";

export interface ShareLink { id: string; label: string; url: string; secret: boolean }

/** The links a facilitator hands out: participants (on site, remote), the projector, their own. */
export function shareLinks(s: Snapshot, session: LiveSession, origin: string): ShareLink[] {
  const projectorKey = session.joined.value?.staffKeys?.projectorKey;
  const key = session.request.key ?? "";
  return [
    { id: "onsite", label: t("facilitator.linkOnsite"), url: `${origin}/join/${s.joinCode}?mode=onsite`, secret: false },
    { id: "remote", label: t("facilitator.linkRemote"), url: `${origin}/join/${s.joinCode}?mode=remote`, secret: false },
    ...(projectorKey ? [{ id: "projector", label: t("facilitator.linkProjector"), url: `${origin}/screen/${s.joinCode}#key=${encodeURIComponent(projectorKey)}`, secret: true }] : []),
    { id: "moderation", label: t("facilitator.linkModeration"), url: `${origin}/moderate/${s.joinCode}#key=${encodeURIComponent(key)}`, secret: true },
    { id: "facilitator", label: t("keep.facilitatorLink"), url: facilitatorUrl(origin, { joinCode: s.joinCode, facilitatorKey: key }), secret: true },
  ];
}
