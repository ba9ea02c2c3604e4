// Runs on Node (developer machine): `node bench/training.mjs`. Bundles bench/training.ts with esbuild (plain
// JavaScript is what the extension runs) into out/bench/ and runs it: training steps per second.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, "training.cjs");
await build({ entryPoints: [join(root, "bench", "training.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning", external: ["typescript"] });
await import(pathToFileURL(outfile).href);
