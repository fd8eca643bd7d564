// Built by the Vite plugin in ../../basemap.ts from world-atlas: France and the countries around it.
declare module "virtual:basemap" {
  const countries: import("geojson").FeatureCollection<import("geojson").Geometry, { name: string }>;
  export default countries;
}
