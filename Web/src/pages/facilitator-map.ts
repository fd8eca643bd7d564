import { byId } from "../lib/dom";
import { t } from "../lib/i18n";
import type { CafeListing, Snapshot } from "../lib/protocol";

// The facilitator's "map of cafés" panel: publish the café (place, date, format, organiser,
// optional coordinates and capacity), update it, or take it off the map.

type Run = (method: string, payload?: object, done?: string) => Promise<boolean>;

const field = (id: string) => byId<HTMLInputElement>(id);

/** A datetime-local value (local time, no zone) from an ISO instant, and back. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const optionalNumber = (id: string) => (field(id).value.trim() === "" ? null : Number(field(id).value));

export function wireMapPanel(run: Run): void {
  byId<HTMLFormElement>("map-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const starts = field("map-starts").value;
    void run("PublishCafe", {
      place: field("map-place").value,
      startsAt: starts ? new Date(starts).toISOString() : null,
      format: byId<HTMLSelectElement>("map-format").value,
      organiser: field("map-organiser").value || null,
      latitude: optionalNumber("map-lat"),
      longitude: optionalNumber("map-lon"),
      capacity: optionalNumber("map-capacity"),
    }, t("facilitator.mapPublished"));
  });
  byId("map-unpublish").addEventListener("click", () => void run("UnpublishCafe", {}, t("facilitator.mapNotPublished")));
}

let filled = false;

/** Shows whether the café is listed; fills the form once from the published listing. */
export function renderMapPanel(s: Snapshot): void {
  const listing: CafeListing | undefined = s.listing;
  byId("map-state").textContent = t(listing ? "facilitator.mapPublished" : "facilitator.mapNotPublished");
  byId("map-unpublish").hidden = !listing;
  if (!listing || filled) return;
  filled = true;
  field("map-place").value = listing.place;
  field("map-starts").value = toLocalInput(listing.startsAt);
  byId<HTMLSelectElement>("map-format").value = listing.format;
  field("map-organiser").value = listing.organiser ?? "";
  field("map-lat").value = listing.latitude?.toString() ?? "";
  field("map-lon").value = listing.longitude?.toString() ?? "";
  field("map-capacity").value = listing.capacity?.toString() ?? "";
}

