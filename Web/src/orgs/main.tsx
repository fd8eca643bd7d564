import "../ui/tokens.css";
import "../ui/kit.css";
import "./orgs.css";
import { render } from "preact";
import { applyTranslations, loadLanguage } from "../lib/i18n";
import { OrgsPage, type Route } from "./OrgsPage";

// Organisations of signed-in facilitators: /orgs (mine, create one), /orgs/{id} (its cafés, its
// team, invite), /orgs/{id}/join#invitation=… (accept an invitation). Sign-in is optional on the
// server; without it the page says so and points back home.
await loadLanguage();
applyTranslations();

function route(): Route {
  const [, id, join] = /^\/orgs(?:\/([^/]+)(?:\/(join))?)?\/?$/.exec(location.pathname) ?? [];
  if (!id) return { view: "mine" };
  const organisationId = decodeURIComponent(id);
  if (!join) return { view: "organisation", organisationId, welcomed: new URLSearchParams(location.search).has("welcome") };
  const key = new URLSearchParams(location.hash.slice(1)).get("invitation") ?? "";
  return { view: "join", organisationId, invitationKey: key };
}

render(<OrgsPage route={route()} />, document.getElementById("app")!);
