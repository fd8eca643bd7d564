import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/**
 * Writes a Brotli (quality 11) and a gzip (level 9) copy beside every built script, style and
 * SVG under assets/. The gateway sends them as they are (Api/StaticAssets.cs): the smallest
 * files, and no compression work per request while thousands of phones load the page at once.
 */
export function precompress(outDir: string): Plugin {
  return {
    name: "cafeia-precompress",
    apply: "build",
    closeBundle() {
      const assets = join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = join(assets, name);
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
