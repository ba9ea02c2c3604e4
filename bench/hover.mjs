// Runs on Node (developer machine): `node bench/hover.mjs`. Bundles bench/hover.ts with esbuild (plain JavaScript
// is what the extension runs) into out/bench/ and runs it: hover latency, cold and warm, on a 300-line file.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, "hover.cjs");
await build({ entryPoints: [join(root, "bench", "hover.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
await import(pathToFileURL(outfile).href);
