import { useState } from "preact/hooks";
import { currentLang, t } from "../lib/i18n";
import { facilitatorUrl, rememberCafe } from "../lib/mycafes";
import { Button } from "../ui/Button";
import { Confirmation, EmptyState, Refusal } from "../ui/States";
import { duplicate, recoverKeys, type OrganisationView } from "./api";
import type { OrganisationCafe } from "../lib/wire.generated";
import { refusalText } from "./refusals";
import { HandOver } from "./HandOver";

type Cafe = OrganisationCafe;

const date = (iso: string) => new Intl.DateTimeFormat(currentLang(), { dateStyle: "long" }).format(new Date(iso));

/**
 * The organisation's cafés in the server's order (newest first), each with what a member can do with
 * it. No filled button here: the page's one primary action is creating a café, below.
 */
export function CafeList({ organisation, me, onChanged, reload }: {
  organisation: OrganisationView; me: string; onChanged: (view: OrganisationView) => void; reload: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="cafes-heading">
      <h2 id="cafes-heading">{t("orgs.cafesHeading")}</h2>
      {organisation.cafes.length === 0 ? <EmptyState title={t("orgs.cafesEmpty")}>{t("orgs.cafesHint")}</EmptyState> : (
        <ul id="organisation-cafes" class="stack">
          {organisation.cafes.map((c) => <CafeCard key={c.sessionId} cafe={c} organisation={organisation} me={me} onChanged={onChanged} reload={reload} />)}
        </ul>
      )}
    </section>
  );
}

function CafeCard({ cafe, organisation, me, onChanged, reload }: {
  cafe: Cafe; organisation: OrganisationView; me: string; onChanged: (view: OrganisationView) => void; reload: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const holder = organisation.members.find((m) => m.subject === cafe.heldBy);
  const headingId = `cafe-${cafe.sessionId}`;

  // Opening and the report need the café's facilitator key: the organisation gives it to its members.
  const withKeys = async (go: (joinCode: string, key: string) => void) => {
    setPending(true);
    const answer = await recoverKeys(organisation.organisationId, cafe.sessionId);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    rememberCafe({ joinCode: answer.value.joinCode, title: cafe.title, facilitatorKey: answer.value.facilitatorKey });
    go(answer.value.joinCode, answer.value.facilitatorKey);
  };
  const open = () => withKeys((joinCode, facilitatorKey) => location.assign(facilitatorUrl(location.origin, { joinCode, facilitatorKey })));
  const report = () => withKeys((joinCode, key) => location.assign(`/report/${joinCode}#key=${encodeURIComponent(key)}`));
  const copy = async () => {
    setPending(true);
    const suffix = t("orgs.copyTitle", { title: "" });
    const title = t("orgs.copyTitle", { title: cafe.title.slice(0, 120 - suffix.length) });
    const answer = await duplicate(organisation.organisationId, cafe.sessionId, title);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    await reload();
    setDone(t("orgs.duplicated", { title }));
  };

  return (
    <li class="card orgs-cafe" aria-labelledby={headingId}>
      <h3 id={headingId}>{cafe.title}</h3>
      <p class="meta">{t("orgs.cafeMeta", { code: cafe.joinCode, date: date(cafe.createdAt) })}</p>
      <p class="meta">{holder ? t("orgs.heldBy", { name: holder.name }) : t("orgs.heldByNobody")}</p>
      <div class="orgs-actions">
        <Button small pending={pending} onClick={open}>{t("orgs.open")}<span class="sr-only"> : {cafe.title}</span></Button>
        <Button small kind="quiet" pending={pending} onClick={report}>{t("orgs.report")}<span class="sr-only"> : {cafe.title}</span></Button>
        <Button small kind="quiet" pending={pending} onClick={copy}>{t("orgs.duplicate")}<span class="sr-only"> : {cafe.title}</span></Button>
      </div>
      <Refusal message={error} />
      <Confirmation message={done} />
      {/* Offered to whom the server's answer names: an owner, or the café's holder (the grain still decides). */}
      {(organisation.role === "owner" || cafe.heldBy === me) && <HandOver cafe={cafe} organisation={organisation} onHandedOver={(view, message) => { setDone(message); onChanged(view); }} />}
    </li>
  );
}
