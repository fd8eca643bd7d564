import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { LiveSession } from "../session/live";
import type { CafeListing, CafeListingDraft, Snapshot } from "../lib/protocol";
import { t } from "../lib/i18n";
import { useAction } from "../session/action";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { Confirmation, Refusal } from "../ui/States";

/** A datetime-local value (local time, no zone) from an ISO instant. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const optionalNumber = (v: string) => (v.trim() === "" ? null : Number(v));

type Picker = typeof import("../map/PlacePicker").PlacePicker;

/** The map to click comes with Leaflet, loaded only when this panel opens. */
function usePlacePicker(): ComponentType<Parameters<Picker>[0]> | null {
  const [picker, setPicker] = useState<Picker | null>(null);
  useEffect(() => {
    let live = true;
    void import("../map/PlacePicker").then((m) => { if (live) setPicker(() => m.PlacePicker); });
    return () => { live = false; };
  }, []);
  return picker;
}

/** The map of cafés: publish the café (place, date, format, organiser, position, places), update it, or take it off. */
export function MapPanel({ s, session }: { s: Snapshot; session: LiveSession }) {
  const l: CafeListingDraft | undefined = s.listing;
  const [place, setPlace] = useState(l?.place ?? "");
  const [starts, setStarts] = useState(l?.startsAt ? toLocalInput(l.startsAt) : "");
  const [format, setFormat] = useState<CafeListing["format"]>(l?.format ?? "onsite");
  const [organiser, setOrganiser] = useState(l?.organiser ?? "");
  const [lat, setLat] = useState(l?.latitude?.toString() ?? "");
  const [lon, setLon] = useState(l?.longitude?.toString() ?? "");
  const [capacity, setCapacity] = useState(l?.capacity?.toString() ?? "");
  const [run, state] = useAction();
  const PlacePicker = usePlacePicker();
  const submit = (e: Event) => {
    e.preventDefault();
    void run(() => session.call("PublishCafe", {
      place, startsAt: starts ? new Date(starts).toISOString() : null, format, organiser: organiser || null,
      latitude: optionalNumber(lat), longitude: optionalNumber(lon), capacity: optionalNumber(capacity),
    }));
  };
  return (
    <section aria-labelledby="map-heading" class="card panel-narrow">
      <h2 id="map-heading">{t("facilitator.mapHeading")}</h2>
      <p class="meta">{t("facilitator.mapHelp")} <a href="/cafes" target="_blank" rel="noopener">{t("facilitator.mapLink")}</a></p>
      <p id="map-state"><strong>{t(l ? "facilitator.mapPublished" : "facilitator.mapNotPublished")}</strong></p>
      <form id="map-form" onSubmit={submit}>
        <Field id="map-place" label={t("facilitator.mapPlace")}><input id="map-place" required maxLength={120} value={place} onInput={(e) => setPlace(e.currentTarget.value)} /></Field>
        <Field id="map-starts" label={t("facilitator.mapStartsAt")}><input id="map-starts" type="datetime-local" required value={starts} onInput={(e) => setStarts(e.currentTarget.value)} /></Field>
        <Field id="map-format" label={t("facilitator.mapFormat")}>
          <select id="map-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as CafeListing["format"])}>
            {(["onsite", "remote", "hybrid"] as const).map((f) => <option key={f} value={f}>{t(`cafes.format.${f}`)}</option>)}
          </select>
        </Field>
        <Field id="map-organiser" label={t("facilitator.mapOrganiser")}><input id="map-organiser" maxLength={80} value={organiser} onInput={(e) => setOrganiser(e.currentTarget.value)} /></Field>
        {PlacePicker && <PlacePicker latitude={optionalNumber(lat)} longitude={optionalNumber(lon)}
          onPick={(la, lo) => { setLat(String(la)); setLon(String(lo)); }} />}
        {lat && lon && <p id="map-placed" class="meta" aria-live="polite">{t("facilitator.mapPlaced", { latitude: lat, longitude: lon })}</p>}
        <details class="advanced" open={!PlacePicker}>
          <summary>{t("facilitator.mapCoordinates")}</summary>
          <div class="row fields">
            <Field id="map-lat" label={t("facilitator.mapLatitude")}><input id="map-lat" type="number" step="any" min={-90} max={90} inputMode="decimal" value={lat} onInput={(e) => setLat(e.currentTarget.value)} /></Field>
            <Field id="map-lon" label={t("facilitator.mapLongitude")}><input id="map-lon" type="number" step="any" min={-180} max={180} inputMode="decimal" value={lon} onInput={(e) => setLon(e.currentTarget.value)} /></Field>
          </div>
        </details>
        <Field id="map-capacity" label={t("facilitator.mapCapacity")}><input id="map-capacity" type="number" min={1} inputMode="numeric" value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} /></Field>
        <div class="row">
          <button type="submit" class="btn primary" disabled={state.pending}>{t("facilitator.mapPublish")}</button>
          {l && <Button kind="quiet" pending={state.pending} onClick={() => run(() => session.call("UnpublishCafe"))}>{t("facilitator.mapUnpublish")}</Button>}
        </div>
        <Refusal message={state.error} />
        <Confirmation message={state.done ? t(s.listing ? "facilitator.mapPublished" : "facilitator.mapNotPublished") : null} />
      </form>
    </section>
  );
}
