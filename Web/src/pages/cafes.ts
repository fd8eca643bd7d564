import "leaflet/dist/leaflet.css";
import "../styles.css";
import L from "leaflet";
import { byId, h, say } from "../lib/dom";
import { applyTranslations, loadLanguage, currentLang, languageSwitcher, t, tn } from "../lib/i18n";
import { refusalSentence } from "../lib/protocol";
import { backdrop } from "../map/basemap";

// The public map of cafés: every listed café on an interactive map (those with coordinates) and
// in an accessible list (all of them), filtered by format and status. Upcoming cafés take
// registrations up to their capacity; live ones can be joined at once.

type Format = "onsite" | "remote" | "hybrid";
type Status = "upcoming" | "live" | "past";

interface Cafe {
  sessionId: string;
  title: string;
  joinCode: string;
  place: string;
  startsAt: string;
  format: Format;
  organiser?: string;
  latitude?: number;
  longitude?: number;
  capacity?: number;
  registered: number;
  status: Status;
  full: boolean;
}

interface CafeMap {
  map: { tileUrl?: string; attribution: string };
  cafes: Cafe[];
  /** This server sends registration mail: the form offers an e-mail field. */
  mail?: boolean;
}

await loadLanguage();
applyTranslations();
document.querySelector("main")?.prepend(languageSwitcher());

const filters = byId<HTMLFormElement>("filters");
const list = byId<HTMLUListElement>("cafes");
const map = L.map("map", { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
const markers = L.layerGroup().addTo(map);
const registrations = new Map<string, { joinPath: string; invitePath?: string }>(); // café → the links its registration gave
let cafes: Cafe[] = [];
let mail = false;

function chosen(name: string): string {
  return (filters.elements.namedItem(name) as RadioNodeList).value;
}

function visible(): Cafe[] {
  const format = chosen("format");
  const status = chosen("status");
  return cafes.filter((c) => (!format || c.format === format) && (!status || c.status === status));
}

const when = (c: Cafe) =>
  new Intl.DateTimeFormat(currentLang(), { dateStyle: "full", timeStyle: "short" }).format(new Date(c.startsAt));

function actions(c: Cafe): HTMLElement {
  if (c.status === "live") return h("p", {}, h("a", { href: `/join/${c.joinCode}`, class: "button" }, t("cafes.joinNow")));
  if (c.status === "past") return h("p", {});
  const link = registrations.get(c.sessionId);
  if (link) {
    return h("div", { class: "registered" },
      h("p", {}, t("cafes.registered")),
      h("p", {}, h("a", { href: link.joinPath }, t("cafes.yourLink"))),
      link.invitePath ? h("p", {}, h("a", { href: link.invitePath, download: "cafe-ia.ics" }, t("cafes.invite"))) : null);
  }
  if (c.full) return h("p", { class: "badge full" }, t("cafes.full"));
  const nameId = `name-${c.sessionId}`;
  return h("form", { class: "register", onsubmit: (e: Event) => register(e, c) },
    h("label", { for: nameId }, t("cafes.nameLabel")),
    h("input", { id: nameId, name: "name", maxlength: 40, autocomplete: "nickname" }),
    ...(mail ? [h("label", { for: `email-${c.sessionId}` }, t("cafes.emailLabel")),
      h("input", { id: `email-${c.sessionId}`, name: "email", type: "email", maxlength: 254, autocomplete: "email" })] : []),
    h("button", { type: "submit" }, t("cafes.register")));
}

function item(c: Cafe): HTMLLIElement {
  const heading = `cafe-${c.sessionId}`;
  return h("li", {},
    h("article", { "aria-labelledby": heading, "data-format": c.format, "data-status": c.status },
      h("h3", { id: heading }, c.title),
      h("p", { class: "meta" },
        h("span", { class: `badge status-${c.status}` }, t(`cafes.status.${c.status}`)), " ",
        h("span", { class: "badge" }, t(`cafes.format.${c.format}`)), " ",
        when(c), " · ", c.place),
      c.organiser ? h("p", {}, t("cafes.by", { organiser: c.organiser })) : null,
      h("p", { class: "places" }, c.capacity
        ? t("cafes.places", { registered: c.registered, capacity: c.capacity })
        : tn("cafes.registered", c.registered)),
      actions(c)));
}

function render(): void {
  const shown = visible();
  list.replaceChildren(...(shown.length ? shown.map(item) : [h("li", {}, t("cafes.none"))]));
  byId("cafe-count").textContent = tn("cafes.count", shown.length);
  markers.clearLayers();
  for (const c of shown) {
    if (c.latitude === undefined || c.longitude === undefined) continue;
    // A vector marker: no marker images to fetch, and it follows the page's colours.
    L.circleMarker([c.latitude, c.longitude], { radius: 9, className: `marker status-${c.status}` })
      .bindTooltip(c.title)
      .bindPopup(() => h("div", {}, h("strong", {}, c.title), h("br"), when(c), h("br"), c.place))
      .addTo(markers);
  }
}

async function register(e: Event, c: Cafe): Promise<void> {
  e.preventDefault();
  const form = (e.target as HTMLFormElement).elements;
  const name = (form.namedItem("name") as HTMLInputElement).value.trim();
  const email = (form.namedItem("email") as HTMLInputElement | null)?.value.trim();
  const response = await fetch(`/api/cafes/${c.sessionId}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: name || null, email: email || null }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    say(refusalSentence(body.error, body.message), "error");
    if (body.error === "full") c.full = true;
    render();
    return;
  }
  registrations.set(c.sessionId, { joinPath: body.joinPath, invitePath: body.invitePath });
  c.registered = body.registered;
  render();
  say(t("cafes.registered"));
}

async function load(): Promise<void> {
  const response = await fetch("/api/cafes");
  if (!response.ok) {
    say(t("cafes.loadFailed"), "error");
    return;
  }
  const data = (await response.json()) as CafeMap;
  backdrop(map, data.map.tileUrl, data.map.attribution);
  cafes = data.cafes;
  mail = data.mail === true;
  render();
  const placed = cafes.filter((c) => c.latitude !== undefined && c.longitude !== undefined);
  if (placed.length) map.fitBounds(L.latLngBounds(placed.map((c) => [c.latitude!, c.longitude!])), { maxZoom: 10, padding: [24, 24] });
  document.body.dataset.ready = "true";
}

filters.addEventListener("change", render);
void load();
