import { useEffect, useState } from "preact/hooks";
import { currentLang, t } from "../lib/i18n";
import { refusalSentence } from "../lib/protocol";
import { facilitatorUrl, forgetCafe, myCafes, rememberCafe, type MyCafe } from "../lib/mycafes";
import { Header } from "../ui/Header";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Field } from "../ui/Field";
import { SessionLanguageField } from "../ui/SessionLanguageField";
import { Button } from "../ui/Button";
import { EmptyState } from "../ui/States";
import { signInState, signInUrl, type SignIn } from "../lib/signin";

export function Home() {
  return (
    <>
      <Header title="Café IA Live"><LanguageSwitch /></Header>
      <main class="home">
        <p class="lead">{t("home.intro")}</p>
        <div class="home-grid">
          <JoinCard />
          <CreateCard />
        </div>
        <MyCafes />
        <TeamCard />
        <p><a href="/cafes">{t("home.mapLink")}</a> · <a href="/formats">{t("formats.heading")}</a></p>
      </main>
    </>
  );
}

function JoinCard() {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const clean = code.replace(/[\s-]/g, "").toUpperCase();
    const response = await fetch(`/api/sessions/${encodeURIComponent(clean)}`).catch(() => null);
    if (!response?.ok) { setError(t("home.unknownCode")); return; }
    location.assign(`/join/${clean}`);
  };
  return (
    <section class="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("home.joinHeading")}</h2>
      <form id="join-form" onSubmit={submit}>
        <Field id="code" label={t("home.codeLabel")} error={error}>
          <input id="code" name="code" autoComplete="off" autoCapitalize="characters" required maxLength={8} value={code}
            aria-invalid={error ? "true" : undefined} aria-describedby={error ? "code-error" : undefined} onInput={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="btn primary">{t("common.join")}</button>
      </form>
    </section>
  );
}

function CreateCard() {
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState(currentLang());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setPending(true);
    const response = await fetch("/api/sessions", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title: title.trim(), language }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    setPending(false);
    if (!response?.ok) {
      // A refusal is {"error": code, "message": English sentence}.
      setError(body.error ? refusalSentence(body.error, body.message) : t("home.createFailed"));
      return;
    }
    // Kept before leaving the page: the key exists nowhere else.
    rememberCafe({ joinCode: body.joinCode, title: title.trim(), facilitatorKey: body.facilitatorKey });
    location.assign(facilitatorUrl(location.origin, { joinCode: body.joinCode, facilitatorKey: body.facilitatorKey }));
  };
  return (
    <section class="card" aria-labelledby="create-heading">
      <h2 id="create-heading">{t("home.createHeading")}</h2>
      <form id="create-form" onSubmit={submit}>
        <Field id="title" label={t("home.titleLabel")} error={error}>
          <input id="title" name="title" required maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <SessionLanguageField id="language" value={language} onChange={setLanguage} />
        <button type="submit" class="btn primary" disabled={pending}>{t("home.create")}</button>
      </form>
    </section>
  );
}

/** The cafés this browser created or facilitated, with their keys: a facilitator never loses their café. */
function MyCafes() {
  const [cafes, setCafes] = useState<MyCafe[]>(myCafes);
  return (
    <section aria-labelledby="mine-heading" class="mine">
      <h2 id="mine-heading">{t("home.mine")}</h2>
      {cafes.length === 0 ? <EmptyState title={t("home.mineEmpty")}>{t("home.mineHint")}</EmptyState> : (
        <ul id="my-cafes" class="stack">
          {cafes.map((c) => (
            <li key={c.joinCode} class="card my-cafe">
              <div>
                <h3><a href={facilitatorUrl(location.origin, c)}>{c.title}</a></h3>
                <p class="meta">{t("common.code")} {c.joinCode} · {t("home.openedOn", { date: new Date(c.openedAt).toLocaleDateString(currentLang() === "fr" ? "fr-FR" : "en-GB") })}</p>
              </div>
              <Button small kind="quiet" onClick={() => { if (confirm(t("home.forgetConfirm", { title: c.title }))) { forgetCafe(c.joinCode); setCafes(myCafes()); } }}>
                {t("home.forget")}<span class="sr-only"> : {c.title}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Signing in, only where the server offers it (GET /api/me: 401 on, 404 off). Off by default: then
 * nothing at all is drawn, and the page is the keys-only one.
 */
function TeamCard() {
  const [sign, setSign] = useState<SignIn>({ state: "off" });
  // data-signin tells tests (and only them) the probe has answered, so "no sign-in" is asserted, not assumed.
  useEffect(() => { signInState().then((s) => { document.body.dataset.signin = s.state; setSign(s); }); }, []);
  if (sign.state === "off") return null;
  return (
    <section aria-labelledby="team-heading" class="card" id="team">
      <h2 id="team-heading">{t("home.teamHeading")}</h2>
      {sign.state === "out" ? (
        <>
          <p>{t("home.teamSignIn")}</p>
          <a class="btn" id="sign-in" href={signInUrl("/orgs")}>{t("home.signIn")}</a>
        </>
      ) : (
        <>
          <p>{t("home.teamSignedIn", { name: sign.me.name })}</p>
          <a class="btn" id="my-organisations" href="/orgs">{t("home.myOrganisations")}</a>
        </>
      )}
    </section>
  );
}
