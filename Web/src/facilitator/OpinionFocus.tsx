import type { LiveSession } from "../session/live";
import { nationalAsOpinion, type Opinion } from "../lib/opinions";
import { t, tn } from "../lib/i18n";
import { shortcutKeys } from "../lib/keys";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Refusal } from "../ui/States";
import { OpinionConsensus, OpinionGroups, OpinionMapPicture, OpinionTable } from "../ui/OpinionMap";
import { HeldStatements } from "../moderator/HeldStatements";
import { NationalMapPicture } from "../ui/NationalMap";

/** An opinion map in Animer's focus: open or close it (Space), the map as the room sees it, the table, statements to review. */
export function OpinionFocus({ opinion, session, national }: { opinion: Opinion; session: LiveSession; national: boolean }) {
  const [run, state] = useAction();
  const open = opinion.state === "open";
  const held = opinion.statements.filter((st) => st.status === "pending");
  const pushed = opinion.nationalOpinionId != null;
  const country = pushed && national;
  const shown = country ? nationalAsOpinion(opinion) : opinion;
  const show = (wanted: boolean) => run(() => session.call("SetScreen", { view: "opinion", opinionId: opinion.id, national: wanted }));
  return (
    <div class="opinion-focus" data-opinion={opinion.id}>
      <p class="kicker">{t("opinion.kicker")} · {t(`opinion.state.${opinion.state}`)} · {tn("opinion.voters", opinion.voters)}</p>
      <h2>{opinion.topic}</h2>
      <div class="switches">
        {opinion.state !== "closed" && (
          <Button kind={open ? undefined : "primary"} shortcut={shortcutKeys.toggleVoting} pending={state.pending}
            onClick={() => run(() => session.call(open ? "CloseOpinion" : "OpenOpinion", { opinionId: opinion.id }))}>{t(open ? "opinion.close" : "opinion.open")}</Button>
        )}
        {pushed && (
          <span role="group" aria-label={t("national.roomSees")}>
            <Button small kind="quiet" aria-pressed={!country} data-switch="cafe-map" onClick={() => show(false)}>{t("national.thisCafe")}</Button>
            <Button small kind="quiet" aria-pressed={country} data-switch="national-map" onClick={() => show(true)}>{t("national.country")}</Button>
          </span>
        )}
      </div>
      <Refusal message={state.error} />
      {held.length > 0 && <HeldStatements opinion={opinion} held={held} session={session} />}
      {country && opinion.national && <p class="meta">{tn("national.cafes", opinion.national.cafes)} · {tn("national.people", opinion.national.people)}</p>}
      {!shown || shown.groups.length === 0
        ? <p class="meta">{t(country ? "national.notYet" : "opinion.noGroupsYet")}</p>
        : <div class="opinion-focus-body">
            {country && opinion.national ? <NationalMapPicture national={opinion.national} /> : <OpinionMapPicture opinion={shown} />}
            <OpinionGroups opinion={shown} />
            <OpinionConsensus opinion={shown} />
            <details><summary>{t(country ? "national.tableCaption" : "opinion.tableCaption")}</summary>
              <OpinionTable opinion={shown} caption={country ? t("national.tableCaption") : undefined} /></details>
          </div>}
    </div>
  );
}
