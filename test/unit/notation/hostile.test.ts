// Runs in vitest (Node): the hostile corpus (test/hostile/corpus.ts). Each input runs in its own child process (a real
// crash, a fatal V8 error or an out-of-memory kill, fails that input and leaves the runner alive), as a selection and
// as a document; it must end within a few seconds, well under 2 GB, with the right value or a positioned error. The
// last line printed sums the corpus up: inputs, worst time, worst memory.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "../../hostile/child";
import { corpus, type HostileInput } from "../../hostile/corpus";
import { root } from "../editor-model/helpers";

const out = join(root, "out", "hostile");
const child = join(out, "child.cjs");
/** Generous: the machine may be busy; the inputs end in about a second each on an idle one. */
const MAX_SECONDS = 10;
const MAX_MB = 2048;

interface Run {
  selection: Outcome;
  document: Outcome;
  maxRssMb: number;
  wallMs: number;
}

const runs: { input: HostileInput; run: Run }[] = [];

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, "test", "hostile", "child.ts")], bundle: true, platform: "node", format: "cjs", target: "node20",
    outfile: child, external: ["typescript"], logLevel: "warning",
  });
}, 60_000);

/** Runs input k in a fresh Node process whose heap is capped at 2 GB; rejects with what happened when it crashes. */
function runChild(k: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [`--max-old-space-size=${MAX_MB}`, child, String(k)], {
      cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_PATH: join(root, "node_modules") },
    });
    let stdout = "", stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => p.kill("SIGKILL"), 3 * MAX_SECONDS * 1000);
    p.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = Date.now() - t0;
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`crashed (exit ${code ?? signal}) after ${wallMs} ms: ${stderr.trim().split("\n").slice(-6).join(" | ")}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as Omit<Run, "wallMs">), wallMs });
    });
  });
}

function expectOutcome(o: Outcome, input: HostileInput, how: string): void {
  const what = `${input.name} as a ${how}`;
  if ("value" in input.expect) {
    expect(o, what).toMatchObject({ kind: "value", value: input.expect.value });
    return;
  }
  expect(o.kind, `${what}: ${o.kind === "value" ? `value ${o.value}` : ""}`).toBe("error");
  expect(o.reason, what).toMatch(input.expect.error);
  expect([o.line, (o.column ?? 0) >= 1], what).toEqual([input.expect.line, true]);
}

describe("the hostile corpus: every input ends quickly, in bounded memory, with the right value or a positioned error", () => {
  corpus.forEach((input, k) => {
    it(`${input.kind}: ${input.name}`, async () => {
      const run = await runChild(k);
      runs.push({ input, run });
      expectOutcome(run.selection, input, "selection");
      expectOutcome(run.document, input, "document");
      expect(run.selection.ms / 1000, input.name).toBeLessThan(MAX_SECONDS);
      expect(run.document.ms / 1000, input.name).toBeLessThan(MAX_SECONDS);
      expect(run.maxRssMb, input.name).toBeLessThan(MAX_MB);
    }, 4 * MAX_SECONDS * 1000);
  });
});

afterAll(() => {
  if (runs.length === 0) return;
  const worst = (f: (r: Run) => number) => runs.reduce((a, b) => (f(b.run) > f(a.run) ? b : a));
  const slow = worst((r) => Math.max(r.selection.ms, r.document.ms)), big = worst((r) => r.maxRssMb);
  const summary = {
    inputs: runs.length, evaluations: 2 * runs.length,
    worstSeconds: Number((Math.max(slow.run.selection.ms, slow.run.document.ms) / 1000).toFixed(2)), slowest: slow.input.name,
    worstMb: Math.round(big.run.maxRssMb), largest: big.input.name,
    perInput: runs.map(({ input, run }) => ({ name: input.name, selectionMs: Math.round(run.selection.ms), documentMs: Math.round(run.document.ms), maxRssMb: Math.round(run.maxRssMb) })),
  };
  writeFileSync(join(out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`hostile corpus: ${summary.inputs} inputs (${summary.evaluations} evaluations, selection and document), all ended with the right value or a positioned error; ` +
    `worst time ${summary.worstSeconds} s (${summary.slowest}), worst memory ${summary.worstMb} MB peak RSS (${summary.largest})`);
});
