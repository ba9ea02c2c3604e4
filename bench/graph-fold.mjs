// Runs on Node (developer machine): `node bench/graph-fold.mjs`. Bundles bench/graph-fold.ts with esbuild (plain JavaScript
// is what the extension runs) into out/bench/ and runs it: the graph view's folding, view model and Mermaid text on tapes of 100,000 nodes.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, "graph-fold.cjs");
await build({ entryPoints: [join(root, "bench", "graph-fold.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
await import(pathToFileURL(outfile).href);
