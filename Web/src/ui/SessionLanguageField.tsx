import { t } from "../lib/i18n";
import { Field } from "./Field";

export type SessionLanguage = "fr" | "en";

/** The language a new café runs in: a labelled select, French or English. */
export function SessionLanguageField({ id, value, onChange }: { id: string; value: SessionLanguage; onChange: (language: SessionLanguage) => void }) {
  return (
    <Field id={id} label={t("home.languageLabel")}>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as SessionLanguage)}>
        <option value="fr" lang="fr">{t("lang.fr")}</option>
        <option value="en" lang="en">{t("lang.en")}</option>
      </select>
    </Field>
  );
}
