import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n";
import { signInState, signInUrl, type SignIn } from "../lib/signin";
import { Header } from "../ui/Header";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { EmptyState, Refusal } from "../ui/States";
import { Button } from "../ui/Button";
import { signOut, useToken } from "./api";
import { refusalText } from "./refusals";
import { MyOrganisationsView } from "./MyOrganisations";
import { OrganisationPage } from "./OrganisationPage";
import { AcceptInvitation } from "./AcceptInvitation";

export type Route =
  | { view: "mine" }
  | { view: "organisation"; organisationId: string; welcomed: boolean }
  | { view: "join"; organisationId: string; invitationKey: string };

/** The page's frame: who is signed in (and signing out), or why nothing can be shown; then the view the address names. */
export function OrgsPage({ route }: { route: Route }) {
  const [sign, setSign] = useState<SignIn | null>(null);
  useEffect(() => {
    signInState().then((s) => {
      if (s.state === "in") useToken(s.me.antiforgeryToken);
      setSign(s);
    });
  }, []);
  return (
    <>
      <Header title={t("home.pageTitle")}>
        {sign?.state === "in" && <SignOut />}
        <LanguageSwitch />
      </Header>
      <main class="orgs">
        {sign?.state === "in" && <p class="meta" id="signed-in-as">{t("home.teamSignedIn", { name: sign.me.name })}</p>}
        {sign === null ? <p>{t("orgs.loading")}</p>
          : sign.state === "off" ? <SignInOff />
          : sign.state === "out" ? <SignInFirst route={route} />
          : route.view === "mine" ? <MyOrganisationsView />
          : route.view === "organisation" ? <OrganisationPage organisationId={route.organisationId} me={sign.me.subject} welcomed={route.welcomed} />
          : <AcceptInvitation organisationId={route.organisationId} invitationKey={route.invitationKey} />}
      </main>
    </>
  );
}

function SignOut() {
  const [error, setError] = useState<string | null>(null);
  const out = async () => {
    const answer = await signOut();
    if (answer.ok) location.assign("/");
    else setError(refusalText(answer.refusal));
  };
  return (
    <>
      <Button small kind="quiet" id="sign-out" onClick={out}>{t("orgs.signOut")}</Button>
      <Refusal message={error} />
    </>
  );
}

function SignInOff() {
  useEffect(() => { document.body.dataset.ready = "true"; }, []);
  return (
    <section class="card">
      <EmptyState title={t("orgs.offTitle")}>{t("orgs.offHint")}</EmptyState>
      <p><a href="/">{t("orgs.home")}</a></p>
    </section>
  );
}

function SignInFirst({ route }: { route: Route }) {
  useEffect(() => { document.body.dataset.ready = "true"; }, []);
  const invited = route.view === "join";
  return (
    <section class="card orgs-signin" aria-labelledby="signin-heading">
      <h2 id="signin-heading">{invited ? t("orgs.joinTitle") : t("orgs.signInTitle")}</h2>
      <p>{invited ? t("orgs.joinSignIn") : t("orgs.signInHint")}</p>
      <a class="btn primary" id="sign-in" href={signInUrl(location.pathname + location.hash)}>{t("orgs.signIn")}</a>
    </section>
  );
}
