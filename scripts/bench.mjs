// Runs on Node (developer machine): `npm run bench`. Bundles bench/bench.ts with esbuild (so the timed code is plain
// JavaScript, not a transpile-on-load hook) into out/bench/, then runs it in this process.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, "bench.mjs");
await build({
  entryPoints: [join(root, "bench", "bench.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  // TensorFlow.js (the comparison in bench/versus-tfjs.ts) loads from node_modules as published, not rebundled.
  external: ["@tensorflow/*"],
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
