import { useEffect, useState } from "preact/hooks";
import { formatNumber, t, tn } from "../lib/i18n";
import { Header } from "../ui/Header";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Field } from "../ui/Field";
import { EmptyState } from "../ui/States";
import { search, type FormatEntry } from "./api";

/** /formats: search the catalogue by words, language and audience; each format links to its page. */
export function Catalogue() {
  const initial = new URLSearchParams(location.search);
  const [query, setQuery] = useState(initial.get("query") ?? "");
  const [language, setLanguage] = useState(initial.get("language") ?? "");
  const [audience, setAudience] = useState(initial.get("audience") ?? "");
  const [found, setFound] = useState<FormatEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setFailed(false);
    try { setFound(await search(query, language, audience)); } catch { setFailed(true); setFound([]); }
    document.body.dataset.ready = "true";
  };
  useEffect(() => { void run(); }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    const params = new URLSearchParams(Object.entries({ query, language, audience }).filter(([, v]) => v.trim()));
    history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
    void run();
  };
  return (
    <>
      <Header title={t("formats.heading")}><LanguageSwitch /></Header>
      <main class="formats">
        <p class="lead">{t("formats.intro")}</p>
        <form id="format-search" class="card format-search" role="search" onSubmit={submit}>
          <Field id="format-query" label={t("formats.query")}>
            <input id="format-query" type="search" value={query} maxLength={120} onInput={(e) => setQuery(e.currentTarget.value)} />
          </Field>
          <Field id="format-language" label={t("formats.language")}>
            <select id="format-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              <option value="">{t("formats.anyLanguage")}</option>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </Field>
          <Field id="format-audience" label={t("formats.audience")}>
            <input id="format-audience" value={audience} maxLength={120} onInput={(e) => setAudience(e.currentTarget.value)} />
          </Field>
          <button type="submit" class="btn primary">{t("formats.search")}</button>
        </form>
        <section aria-labelledby="results-heading" aria-busy={found === null}>
          <h2 id="results-heading">{found ? tn("formats.count", found.length) : t("formats.loading")}</h2>
          {failed && <p class="refusal" role="alert">{t("formats.loadFailed")}</p>}
          {found && !found.length && !failed && <EmptyState title={t("formats.none")} />}
          <ul class="format-list" id="formats">
            {found?.map((f) => (
              <li key={f.formatId}>
                <article class="card format-card" aria-labelledby={`f-${f.formatId}`}>
                  <h3 id={`f-${f.formatId}`}><a href={`/formats/${encodeURIComponent(f.formatId)}`}>{f.title}</a></h3>
                  {f.description && <p>{f.description}</p>}
                  <p class="meta">
                    {[f.audience, t("agenda.minutes", { n: f.durationMinutes }), tn("formats.activities", f.activities),
                      tn("formats.cafes", f.cafes), f.language.toUpperCase(), f.licence, t("formats.version", { n: formatNumber(f.version) })]
                      .filter(Boolean).join(" · ")}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        </section>
        <p><a href="/">{t("formats.home")}</a> · <a href="/cafes">{t("home.mapLink")}</a></p>
      </main>
    </>
  );
}
