// Runs on Node (the webview suite and the render benchmark): bundles fixtures.ts (TypeScript, real engine and graph
// code) into a throwaway ES module and imports it.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function loadFixtures(root) {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-fixtures-"));
  try {
    const outfile = join(dir, "fixtures.mjs");
    await build({
      entryPoints: [join(root, "test/webview/fixtures.ts")], bundle: true, platform: "node", format: "esm",
      target: "node20", outfile, logLevel: "warning",
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
