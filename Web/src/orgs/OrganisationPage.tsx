import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";
import { Refusal } from "../ui/States";
import { organisation, type OrganisationView } from "./api";
import { refusalText } from "./refusals";
import { CafeList } from "./CafeList";
import { NewCafe } from "./NewCafe";
import { Team } from "./Team";

/** One organisation as the server shows it to me: its cafés first, then a new café, then the team. */
export function OrganisationPage({ organisationId, me, welcomed }: { organisationId: string; me: string; welcomed?: boolean }) {
  const [view, setView] = useState<OrganisationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async () => {
    const answer = await organisation(organisationId);
    if (answer.ok) setView(answer.value);
    else setError(refusalText(answer.refusal));
    document.body.dataset.ready = "true";
  };
  useEffect(() => { reload(); }, [organisationId]);
  if (!view) return (
    <>
      <p><a href="/orgs">{t("orgs.back")}</a></p>
      {error ? <Refusal message={error} /> : <p>{t("orgs.loading")}</p>}
    </>
  );
  return (
    <>
      <p><a href="/orgs">{t("orgs.back")}</a></p>
      <div class="orgs-title">
        <h2 id="organisation-name">{view.name}</h2>
        <p class="meta">{t(`orgs.role.${view.role}`)}</p>
        {welcomed && <p class="confirmation" role="status">{t("orgs.joined", { name: view.name })}</p>}
      </div>
      <CafeList organisation={view} me={me} onChanged={setView} reload={reload} />
      <NewCafe organisationId={view.organisationId} />
      <Team organisation={view} me={me} reload={reload} />
    </>
  );
}
