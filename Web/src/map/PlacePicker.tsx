import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../lib/i18n";
import { backdrop } from "./basemap";

/** Five decimals: about a metre, more than a café's place needs. */
const rounded = (v: number) => Math.round(v * 100_000) / 100_000;

/**
 * Places the café by clicking the map: the click gives the latitude and longitude, and a marker
 * shows where the café is. It draws the tiles of the map of cafés, or the built-in basemap
 * when there are none. Typing the coordinates stays possible beside it (keyboard, precision).
 */
export function PlacePicker({ latitude, longitude, onPick }: {
  latitude: number | null;
  longitude: number | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const m = L.map(host.current!, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
    map.current = m;
    m.on("click", (e: L.LeafletMouseEvent) => pick.current(rounded(e.latlng.lat), rounded(e.latlng.lng)));
    void fetch("/api/cafes")
      .then((r) => (r.ok ? r.json() : { map: {} }))
      .then((d: { map: { tileUrl?: string; attribution?: string } }) => backdrop(m, d.map.tileUrl, d.map.attribution ?? ""))
      .catch(() => backdrop(m, null, ""));
    return () => m.remove();
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = null;
    if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return;
    marker.current = L.circleMarker([latitude, longitude], { radius: 9, className: "marker", interactive: false }).addTo(m);
  }, [latitude, longitude]);

  return (
    <div class="place-picker-wrap">
      <p id="place-picker-help" class="meta">{t("facilitator.mapPickHelp")}</p>
      <div ref={host} id="place-picker" class="place-picker" aria-describedby="place-picker-help" />
    </div>
  );
}
