import { useEffect, useState } from "preact/hooks";
import { currentLang, formatNumber, t, tn } from "../lib/i18n";
import { refusalSentence } from "../lib/protocol";
import { facilitatorUrl, rememberCafe } from "../lib/mycafes";
import { Header } from "../ui/Header";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Field } from "../ui/Field";
import { EmptyState } from "../ui/States";
import { load, type FormatDetail } from "./api";

const date = (iso: string) => new Intl.DateTimeFormat(currentLang(), { dateStyle: "long" }).format(new Date(iso));

/**
 * One format: what it is, its agenda, its history, and the cafés that ran it with their reports'
 * figures — the documentation a replicator wants — then "run it" and the file to take elsewhere.
 */
export function FormatPage({ formatId }: { formatId: string }) {
  const asked = Number(new URLSearchParams(location.search).get("version")) || undefined;
  const [detail, setDetail] = useState<FormatDetail | null | undefined>(undefined);
  useEffect(() => {
    load(formatId, asked).then(setDetail, () => setDetail(null)).finally(() => { document.body.dataset.ready = "true"; });
  }, [formatId, asked]);
  if (detail === undefined) return <><Header title={t("formats.heading")}><LanguageSwitch /></Header><main class="formats"><p>{t("formats.loading")}</p></main></>;
  if (detail === null) return (
    <><Header title={t("formats.heading")}><LanguageSwitch /></Header>
      <main class="formats"><EmptyState title={t("formats.notFound")} /><p><a href="/formats">{t("formats.back")}</a></p></main></>
  );
  const f = detail.format;
  const file = URL.createObjectURL(new Blob([JSON.stringify(f, null, 2)], { type: "application/json" }));
  return (
    <>
      <Header title={t("formats.heading")}><LanguageSwitch /></Header>
      <main class="formats format-page">
        <p><a href="/formats">{t("formats.back")}</a></p>
        <h1>{f.title}</h1>
        {f.description && <p class="lead">{f.description}</p>}
        <dl class="format-facts">
          {f.audience && <><dt>{t("formats.audience")}</dt><dd>{f.audience}</dd></>}
          <dt>{t("formats.duration")}</dt><dd>{t("agenda.minutes", { n: f.durationMinutes })}</dd>
          <dt>{t("formats.language")}</dt><dd>{f.language === "en" ? "English" : "Français"}</dd>
          <dt>{t("formats.licence")}</dt><dd>{f.licence}</dd>
          <dt>{t("formats.versionLabel")}</dt><dd>{t("formats.versionOf", { n: formatNumber(detail.version), date: date(detail.publishedAt) })}</dd>
        </dl>

        <section aria-labelledby="agenda-heading" class="card">
          <h2 id="agenda-heading">{t("formats.agenda")}</h2>
          <ol class="format-agenda">
            {f.agenda.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong>
                <span class="meta"> · {t(`agenda.kind.${a.kind}`)}{a.durationMinutes ? ` · ${t("agenda.minutes", { n: a.durationMinutes })}` : ""}</span>
                {a.poll && <p class="meta">{a.poll.question}{a.poll.options?.length ? ` (${a.poll.options.join(" / ")})` : ""}</p>}
                {a.opinion && <p class="meta">{a.opinion.topic}</p>}
                {a.notes && <p class="format-notes">{a.notes}</p>}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="cafes-heading" class="card">
          <h2 id="cafes-heading">{t("formats.ranBy")}</h2>
          {detail.cafes.length ? (
            <div class="table-wrap">
              <table class="format-cafes">
                <caption class="sr-only">{t("formats.ranBy")}</caption>
                <thead><tr>
                  <th scope="col">{t("formats.cafe")}</th><th scope="col">{t("formats.date")}</th>
                  <th scope="col">{t("formats.participants")}</th><th scope="col">{t("formats.questions")}</th>
                  <th scope="col">{t("formats.ballots")}</th><th scope="col">{t("formats.report")}</th>
                </tr></thead>
                <tbody>
                  {detail.cafes.map((c) => (
                    <tr key={c.joinCode}>
                      <th scope="row">{c.title}</th>
                      <td>{c.startedAt ? date(c.startedAt) : "—"}</td>
                      <td>{formatNumber(c.participants)}</td><td>{formatNumber(c.questions)}</td><td>{formatNumber(c.ballots)}</td>
                      <td><a href={c.report}>{t("formats.readReport", { title: c.title })}</a></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p>{t("formats.noCafes")}</p>}
        </section>

        <RunIt detail={detail} />

        <section aria-labelledby="history-heading" class="card">
          <h2 id="history-heading">{t("formats.history")}</h2>
          <ol class="format-history" reversed>
            {[...detail.versions].sort((a, b) => b.version - a.version).map((v) => (
              <li key={v.version}>
                {v.version === detail.version
                  ? <strong aria-current="page">{t("formats.versionOf", { n: formatNumber(v.version), date: date(v.publishedAt) })}</strong>
                  : <a href={`?version=${v.version}`}>{t("formats.versionOf", { n: formatNumber(v.version), date: date(v.publishedAt) })}</a>}
                {" "}<span class="meta">{v.title}</span>
              </li>
            ))}
          </ol>
          <p><a href={file} download={`${detail.formatId}-v${detail.version}.json`}>{t("formats.download")}</a></p>
        </section>
      </main>
    </>
  );
}

/** Create a café from this format (a draft with its agenda, polls and settings), then prepare it. */
function RunIt({ detail }: { detail: FormatDetail }) {
  const [title, setTitle] = useState(detail.format.title);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const response = await fetch("/api/sessions", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: title.trim(), formatId: detail.formatId, version: detail.version }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setPending(false);
    if (!response?.ok) { setError(body.error ? refusalSentence(body.error, body.message) : t("home.createFailed")); return; }
    rememberCafe({ joinCode: body.joinCode, title: title.trim(), facilitatorKey: body.facilitatorKey });
    location.assign(facilitatorUrl(location.origin, { joinCode: body.joinCode, facilitatorKey: body.facilitatorKey }));
  };
  return (
    <section aria-labelledby="run-heading" class="card">
      <h2 id="run-heading">{t("formats.runHeading")}</h2>
      <p>{tn("formats.runHelp", detail.format.agenda.length)}</p>
      <form id="run-format" onSubmit={submit}>
        <Field id="run-title" label={t("home.titleLabel")} error={error}>
          <input id="run-title" required maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="btn primary" disabled={pending}>{t("formats.run")}</button>
      </form>
    </section>
  );
}
