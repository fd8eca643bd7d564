import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// One entry per page; the gateway serves the output (Gateway/wwwroot) and maps
// /join/{code}, /facilitate/{code}, /moderate/{code}, /screen/{code}, /cafes and /report/{code} to these files.
export default defineConfig({
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
      },
    },
  },
});
