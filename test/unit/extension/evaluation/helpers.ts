// Runs in vitest (Node): helpers for the evaluator tests: the worker bundled the way scripts/build.mjs bundles it
// (TypeScript's parser left to node_modules), and the documents the tests evaluate.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../../editor-model/helpers";

/** Bundles the worker's entry to out/test/<name>.js (one file per test file: vitest runs files in parallel). */
export async function workerScript(name: string): Promise<string> {
  const dir = join(root, "out", "test");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.js`);
  await build({
    entryPoints: [join(root, "src", "extension", "evaluation", "worker", "main.ts")], outfile, bundle: true, platform: "node",
    format: "cjs", target: "node20", external: ["typescript"], logLevel: "silent",
  });
  return outfile;
}

export const XOR = `seed(1);
const w1 = [param(rand()), param(rand())], b1 = param(rand());
const w2 = [param(rand()), param(rand())], b2 = param(rand());
const w3 = [param(rand()), param(rand())], b3 = param(rand());
function forward(p: number, q: number): number {
  const h1 = sigmoid(p * w1[0] + q * w1[1] + b1);
  const h2 = sigmoid(p * w2[0] + q * w2[1] + b2);
  return sigmoid(h1 * w3[0] + h2 * w3[1] + b3);
}
let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;
train({ lr: 1, steps: 2000 });
`;

/** Runs until a bound or a limit stops it. */
export const LOOP = "let a = 0;\nwhile (true) { a = a + 1; }\n";

/** Keeps allocating: past a small heap the worker runs out of memory before any bound stops it. */
export const HOG = "const keep = [];\nwhile (true) { keep.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]); }\n";

export const limit = (ms: number) => ({ ms, setting: "gradlens.timeLimit.editor" });
