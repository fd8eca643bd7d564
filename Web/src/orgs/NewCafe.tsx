import { useState } from "preact/hooks";
import { currentLang, t } from "../lib/i18n";
import { facilitatorUrl, rememberCafe } from "../lib/mycafes";
import { Field } from "../ui/Field";
import { SessionLanguageField } from "../ui/SessionLanguageField";
import { createCafe } from "./api";
import { refusalText } from "./refusals";

/** A café that belongs to the organisation from the start (its keys recoverable by the team), then Préparer. */
export function NewCafe({ organisationId }: { organisationId: string }) {
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState(currentLang());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const answer = await createCafe(organisationId, title.trim(), language);
    setPending(false);
    if (!answer.ok) { setError(refusalText(answer.refusal)); return; }
    rememberCafe({ joinCode: answer.value.joinCode, title: title.trim(), facilitatorKey: answer.value.facilitatorKey });
    location.assign(facilitatorUrl(location.origin, answer.value));
  };
  return (
    <section class="card" aria-labelledby="new-cafe-heading">
      <h2 id="new-cafe-heading">{t("orgs.newCafeHeading")}</h2>
      <form id="create-org-cafe" onSubmit={submit}>
        <Field id="cafe-title" label={t("home.titleLabel")} hint={t("orgs.newCafeHelp")} error={error}>
          <input id="cafe-title" required maxLength={120} value={title} aria-describedby={error ? "cafe-title-hint cafe-title-error" : "cafe-title-hint"}
            aria-invalid={error ? "true" : undefined} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <SessionLanguageField id="cafe-language" value={language} onChange={setLanguage} />
        <button type="submit" class="btn primary" disabled={pending}>{t("orgs.createCafe")}</button>
      </form>
    </section>
  );
}
