import { useState } from "preact/hooks";
import type { Announcement } from "../lib/protocol";
import { t } from "../lib/i18n";

const KEY = "cafe.announcement.closed";

function closedHere(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}

/**
 * The staff's announcement, as a band in the page's flow (never over content). A phone may
 * close it for itself (remembered for this announcement); the staff's dismissal removes it everywhere.
 */
export function AnnouncementBanner({ announcement, closable = true }: { announcement?: Announcement; closable?: boolean }) {
  const [closed, setClosed] = useState<string | null>(closedHere);
  if (!announcement || (closable && closed === announcement.id)) return null;
  const close = () => {
    try { sessionStorage.setItem(KEY, announcement.id); } catch { /* private browsing */ }
    setClosed(announcement.id);
  };
  return (
    <section class="announcement" role="status" aria-label={t("announcement.label")} data-announcement={announcement.id}>
      <p><span class="sr-only">{t("announcement.label")} : </span>{announcement.text}</p>
      {closable && <button type="button" class="btn quiet small" onClick={close}>{t("announcement.close")}</button>}
    </section>
  );
}
