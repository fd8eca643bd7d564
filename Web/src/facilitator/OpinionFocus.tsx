import type { LiveSession } from "../session/live";
import type { Opinion } from "../lib/opinions";
import { t, tn } from "../lib/i18n";
import { shortcutKeys } from "../lib/keys";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";
import { OpinionConsensus, OpinionGroups, OpinionMapPicture, OpinionTable } from "../ui/OpinionMap";
import { HeldStatements } from "../moderator/HeldStatements";

/** An opinion map in Animer's focus: open or close it (Space), the map as the room sees it, the table, statements to review. */
export function OpinionFocus({ opinion, session }: { opinion: Opinion; session: LiveSession }) {
  const [run, state] = useAction();
  const open = opinion.state === "open";
  const held = opinion.statements.filter((st) => st.status === "pending");
  return (
    <div class="opinion-focus" data-opinion={opinion.id}>
      <p class="kicker">{t("opinion.kicker")} · {t(`opinion.state.${opinion.state}`)} · {tn("opinion.voters", opinion.voters)}</p>
      <h2>{opinion.topic}</h2>
      <div class="switches">
        {opinion.state !== "closed" && (
          <Button kind={open ? undefined : "primary"} shortcut={shortcutKeys.toggleVoting} pending={state.pending}
            onClick={() => run(() => session.call(open ? "CloseOpinion" : "OpenOpinion", { opinionId: opinion.id }))}>{t(open ? "opinion.close" : "opinion.open")}</Button>
        )}
      </div>
      <Refusal message={state.error} />
      {held.length > 0 && <HeldStatements opinion={opinion} held={held} session={session} />}
      {opinion.groups.length === 0
        ? <p class="meta">{t("opinion.noGroupsYet")}</p>
        : <div class="opinion-focus-body">
            <OpinionMapPicture opinion={opinion} />
            <OpinionGroups opinion={opinion} />
            <OpinionConsensus opinion={opinion} />
            <details><summary>{t("opinion.tableCaption")}</summary><OpinionTable opinion={opinion} /></details>
          </div>}
    </div>
  );
}
