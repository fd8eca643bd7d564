import "./map.css";
import L from "leaflet";

/** The ISO 3166 numeric code Natural Earth gives France. */
export const FRANCE = "250";

/**
 * Draws the built-in basemap (country outlines, France set apart) under whatever the map holds.
 * It needs no tile server: the outlines ship with the page, in their own chunk.
 */
export async function drawBasemap(map: L.Map): Promise<L.GeoJSON> {
  const { default: countries } = await import("virtual:basemap");
  map.getContainer().classList.add("basemap");
  const layer = L.geoJSON(countries, {
    interactive: false,
    style: (f) => ({ className: f?.id === FRANCE ? "basemap-country basemap-france" : "basemap-country", weight: 1 }),
  });
  layer.addTo(map).bringToBack();
  // Leaflet draws each feature as a path; name them so tests and readers of the DOM can tell which is France.
  layer.eachLayer((l) => {
    const path = (l as L.Path).getElement?.();
    const id = ((l as L.GeoJSON).feature as GeoJSON.Feature | undefined)?.id;
    if (path && id !== undefined) path.setAttribute("data-country", String(id));
  });
  return layer;
}

/**
 * The tiles when a tile server is set, the basemap when none is, or when the tiles fail to load
 * (offline, blocked): the map is never a blank grey box.
 */
export function backdrop(map: L.Map, tileUrl: string | null | undefined, attribution: string): void {
  if (!tileUrl) {
    void drawBasemap(map);
    return;
  }
  const tiles = L.tileLayer(tileUrl, { attribution, maxZoom: 18 }).addTo(map);
  let drawn = false;
  tiles.on("tileerror", () => {
    if (drawn) return;
    drawn = true;
    void drawBasemap(map);
  });
}
