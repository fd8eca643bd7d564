import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";

/** The stream or visio for remote attendees: embedded when the provider allows it, else a link. */
export function Video({ s }: { s: Snapshot }) {
  const video = s.video;
  if (!video) return null;
  if (!video.embedUrl) return <p class="video-link"><a class="btn" href={video.url} target="_blank" rel="noopener">{t("video.joinCall")}</a></p>;
  return (
    <div class="video">
      {/* Keyed by address: re-creating the iframe restarts the video, so only when it changed. */}
      <iframe key={video.embedUrl} src={video.embedUrl} title={t("video.title")} allow="autoplay; fullscreen; picture-in-picture"
        allowFullScreen referrerpolicy="strict-origin-when-cross-origin" loading="lazy" />
      <p><a href={video.url} target="_blank" rel="noopener">{t("video.openInNewTab")}</a></p>
    </div>
  );
}
