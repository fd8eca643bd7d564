import { useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";

/**
 * Live reactions: one tap sends one; the server coalesces them for the projector and limits each
 * phone. A refusal (too fast, switched off) is said once, quietly: a reaction is a gesture, not a vote.
 */
export function ReactionBar({ s, session }: { s: Snapshot; session: LiveSession }) {
  const [note, setNote] = useState<string | null>(null);
  const reactions = s.reactions;
  if (!reactions?.enabled || s.state !== "live" || s.me?.role === "projector") return null;
  const react = async (kind: string) => {
    const r = await session.call("React", { kind });
    setNote(r.ok ? null : r.code === "rate-limited" ? t("reactions.slowDown") : r.sentence);
  };
  return (
    <section class="reactions" aria-label={t("reactions.label")}>
      <div class="reaction-bar" role="group" aria-label={t("reactions.label")}>
        {reactions.kinds.map((kind) => (
          <button key={kind} type="button" class="btn quiet" data-reaction={kind} onClick={() => react(kind)} aria-label={t("reactions.send", { kind })}>{kind}</button>
        ))}
      </div>
      {note && <p class="meta" role="status">{note}</p>}
    </section>
  );
}
