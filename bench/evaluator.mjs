// Runs on Node (developer machine): `node bench/evaluator.mjs`. Bundles the evaluator worker (as scripts/build.mjs
// does) and bench/evaluator.ts into out/bench/ and runs it: hover latency through the worker, cold and warm, and a
// hover in one file while a 5 s runaway evaluates another.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const outdir = join(root, "out", "bench");
mkdirSync(outdir, { recursive: true });
const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning", external: ["typescript"] };
await build({ ...common, entryPoints: [join(root, "src", "extension", "evaluation", "worker", "main.ts")], outfile: join(outdir, "evaluator.js") });
const outfile = join(outdir, "evaluator-bench.cjs");
await build({ ...common, entryPoints: [join(root, "bench", "evaluator.ts")], outfile });
await import(pathToFileURL(outfile).href);
