import { useEffect, useState } from "preact/hooks";
import { t, tn } from "../lib/i18n";
import { Field } from "../ui/Field";
import { EmptyState, Refusal } from "../ui/States";
import { createOrganisation, myOrganisations, type MyOrganisations } from "./api";
import { refusalText } from "./refusals";

/** "Mes organisations": the ones the server counts me in, and a form to found one. */
export function MyOrganisationsView() {
  const [mine, setMine] = useState<MyOrganisations | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    myOrganisations().then((answer) => {
      if (answer.ok) setMine(answer.value);
      else setError(refusalText(answer.refusal));
      document.body.dataset.ready = "true";
    });
  }, []);
  return (
    <>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t("orgs.mine")}</h2>
        <Refusal message={error} />
        {mine === null ? (!error && <p>{t("orgs.loading")}</p>)
          : mine.organisations.length === 0 ? <EmptyState title={t("orgs.mineEmpty")}>{t("orgs.mineHint")}</EmptyState>
          : (
            <ul id="my-organisations" class="stack">
              {mine.organisations.map((o) => (
                <li key={o.organisationId} class="card orgs-item">
                  <h3><a href={`/orgs/${o.organisationId}`}>{o.name}</a></h3>
                  <p class="meta">{t(`orgs.role.${o.role}`)} · {t("orgs.summary", { members: tn("orgs.members", o.members), cafes: tn("orgs.cafes", o.cafes) })}</p>
                </li>
              ))}
            </ul>
          )}
      </section>
      <CreateOrganisation />
    </>
  );
}

function CreateOrganisation() {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const answer = await createOrganisation(name.trim());
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    location.assign(`/orgs/${answer.value.organisationId}`);
  };
  return (
    <section class="card" aria-labelledby="create-org-heading">
      <h2 id="create-org-heading">{t("orgs.createHeading")}</h2>
      <form id="create-organisation" onSubmit={submit}>
        <Field id="org-name" label={t("orgs.nameLabel")} hint={t("orgs.createHelp")} error={error}>
          <input id="org-name" required maxLength={120} value={name} aria-describedby={error ? "org-name-hint org-name-error" : "org-name-hint"}
            aria-invalid={error ? "true" : undefined} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="btn primary" disabled={pending}>{t("orgs.create")}</button>
      </form>
    </section>
  );
}
