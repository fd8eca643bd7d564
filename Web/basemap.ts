import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Plugin } from "vite";

/**
 * The map's own basemap, for when there is no tile server (`Map:TileUrl` empty) or it cannot be
 * reached: country outlines from Natural Earth (the `world-atlas` package, 1:50m), turned into
 * GeoJSON at build time and kept to what a map of French cafés shows — France, overseas included,
 * and the countries around it — with coordinates rounded to 0.01° (about a kilometre). Pages load
 * it as `import("virtual:basemap")`, a chunk of its own fetched only when it is drawn.
 */
const id = "virtual:basemap";
const FRANCE = "250";
/** Western Europe and the Maghreb, in degrees: what the map shows around metropolitan France. */
const AROUND = { west: -12, east: 25, south: 34, north: 60 };

type Position = number[];
type Coordinates = Position | Coordinates[];

const round = (c: Coordinates): Coordinates =>
  typeof c[0] === "number" ? (c as Position).map((v) => Math.round(v * 100) / 100) : (c as Coordinates[]).map(round);

function touchesAround(c: Coordinates): boolean {
  if (typeof c[0] === "number") {
    const [lon, lat] = c as Position;
    return lon > AROUND.west && lon < AROUND.east && lat > AROUND.south && lat < AROUND.north;
  }
  return (c as Coordinates[]).some(touchesAround);
}

export function basemap(): Plugin {
  return {
    name: "cafeia-basemap",
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const require = createRequire(import.meta.url);
      const topology = require("world-atlas/countries-50m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      const countries = feature(topology, topology.objects.countries);
      const features = countries.features
        .filter((f) => f.geometry && (f.id === FRANCE || touchesAround((f.geometry as { coordinates: Coordinates }).coordinates)))
        .map((f) => ({
          type: "Feature",
          id: String(f.id),
          properties: { name: f.properties?.name ?? "" },
          geometry: { type: f.geometry.type, coordinates: round((f.geometry as { coordinates: Coordinates }).coordinates) },
        }));
      return `export default ${JSON.stringify({ type: "FeatureCollection", features })};`;
    },
  };
}
