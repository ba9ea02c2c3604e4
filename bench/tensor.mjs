// Runs on Node (developer machine): `node bench/tensor.mjs`. Bundles bench/tensor.ts with esbuild (plain
// JavaScript is what the extension runs) into out/bench/ and runs it: milliseconds per tensor training step.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, "tensor.cjs");
await build({ entryPoints: [join(root, "bench", "tensor.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
await import(pathToFileURL(outfile).href);
