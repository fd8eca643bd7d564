import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { basemap } from "./basemap";
import { precompress } from "./precompress";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// One entry per page; the gateway serves the output (Gateway/wwwroot) and maps
// /join/{code}, /facilitate/{code}, /moderate/{code}, /screen/{code}, /cafes, /report/{code}, /poster/{code} and /orgs/… to these files.
// Pages are Preact components (JSX compiled by Vite's oxc transform, automatic runtime).
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [basemap(), precompress(here("../Gateway/wwwroot"))],
  build: {
    outDir: here("../Gateway/wwwroot"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: here("index.html"),
        participant: here("participant.html"),
        facilitator: here("facilitator.html"),
        projector: here("projector.html"),
        moderator: here("moderator.html"),
        cafes: here("cafes.html"),
        report: here("report.html"),
        poster: here("poster.html"),
        kiosk: here("kiosk.html"),
        formats: here("formats.html"),
        orgs: here("orgs.html"),
      },
      // Fewer, larger shared files: a phone on a slow link pays a round trip per file. The
      // libraries in one, our shared kit (ui, session, lib) in another; dictionaries and pages apart.
      output: {
        advancedChunks: {
          groups: [
            { name: "vendor", test: /node_modules\/(preact|@preact|@microsoft)\// },
            { name: "kit", test: /src\/(ui|session|lib)\// },
          ],
        },
      },
    },
  },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    setupFiles: ["test/setup.ts"],
    environmentOptions: { happyDOM: { url: "http://localhost/join/ABC234" } },
    reporters: ["default", "junit"],
    outputFile: { junit: "../TestResults/vitest.junit.xml" },
  },
});
