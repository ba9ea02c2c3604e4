// Runs on Node (bundled by scripts/bench.mjs into `npm run bench`): issue 8's target, the tensor tape's full training
// step at least twice as fast as TensorFlow.js's pure-JavaScript cpu backend on the same step, side by side, for two
// models: bench/mlp-setup.ts (2-64-64-1, tanh, sigmoid out, mse, 1024 points, SGD) and, for issue 17,
// bench/classifier-setup.ts (2-64-64-3, tanh, softmax + cross-entropy on 3 classes, 1024 points, SGD). First a check
// that both compute the same loss and gradients; then the three steps run interleaved round by round (so load on a
// shared machine hits them alike), each timed on its own after a warm-up; medians.
import { Tape } from "../src/engine/tape";
import type { TensorData } from "../src/engine/tensor/shape";
import * as classifier from "./classifier-setup";
import * as mlp from "./mlp-setup";
import { tfClassifier, tfCpu, tfMlp, type TfMlp } from "./tfjs-mlp";

/** bench.ts's reporter: prints PASS/MISS and counts the target in the summary. */
export type Report = (name: string, value: string, target: string, pass: boolean) => void;

/** What a setup file exports: sizes, the initial weights and the recording of forward and loss. */
interface Setup {
  readonly N: number;
  readonly H: number;
  readonly LR: number;
  readonly PARAM_NAMES: readonly string[];
  copyInit(): TensorData[];
  record(t: Tape, params: readonly TensorData[]): { ps: number[]; loss: number };
}

/** One side-by-side comparison: the report names, the model in words, the GradLens setup and the same in TF.js. */
interface Problem {
  readonly key: string;
  /** Short, for the timing's report name. */
  readonly title: string;
  readonly model: string;
  readonly setup: Setup;
  tf(): TfMlp;
}

const STEPS = Math.max(21, Number(process.env.BENCH_RUNS ?? 21));
const WARMUP = 5;
const RATIO_TARGET = 2;
// tfjs computes in float32, GradLens in float64: a loss agrees to about 1e-7, a gradient tensor to about 1e-6.
const LOSS_RTOL = 1e-4, GRAD_RTOL = 1e-3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

// Both GradLens steps run on the Tape with tensor nodes: the path files and the views use.

/** A GradLens step recorded afresh each time (clear + record + backward + SGD); returns the loss before the update. */
function recordingStep(p: Setup): { step: () => number; grads: () => Float64Array[] } {
  const tape = new Tape(), params = p.copyInit();
  let ps: number[] = [];
  return {
    step() {
      tape.clear();
      const r = p.record(tape, params);
      ps = r.ps;
      tape.backward(r.loss);
      const loss = tape.value(r.loss);
      ps.forEach((q, k) => {
        const v = params[k].data, g = tape.tensorGradient(q);
        for (let j = 0; j < v.length; j++) v[j] -= p.LR * g[j];
      });
      return loss;
    },
    grads: () => ps.map((q) => tape.tensorGradient(q)),
  };
}

/** A GradLens step replaying one recording (recompute + backward + SGD on the leaves' live buffers). */
function replayStep(p: Setup): () => number {
  const tape = new Tape(), { ps, loss } = p.record(tape, p.copyInit());
  let first = true;
  return () => {
    if (!first) tape.recompute();
    first = false;
    tape.backward(loss);
    const l = tape.value(loss);
    for (const q of ps) {
      const v = tape.tensorValue(q), g = tape.tensorGradient(q);
      for (let k = 0; k < v.length; k++) v[k] -= p.LR * g[k];
    }
    return l;
  };
}

/** Same loss and gradients from the same weights, and the same loss after one SGD step; says what it compared. */
function check(problem: Problem): { ok: boolean; text: string } {
  const p = problem.setup, gl = recordingStep(p), tf = problem.tf();
  const before = tf.gradients(), l1 = gl.step(), g1 = gl.grads();
  tf.step();
  const l2 = gl.step(), t2 = tf.gradients().loss;
  const errs = g1.map((g, k) => {
    const t = before.grads[k];
    let num = 0, den = 0;
    for (let j = 0; j < g.length; j++) { num = Math.max(num, Math.abs(g[j] - t[j])); den = Math.max(den, Math.abs(g[j])); }
    return num / Math.max(den, 1e-300);
  });
  // One entry side by side: the largest-magnitude element of w2's gradient.
  const w2 = g1[2];
  let at = 0;
  for (let j = 1; j < w2.length; j++) if (Math.abs(w2[j]) > Math.abs(w2[at])) at = j;
  const ok = rel(l1, before.loss) <= LOSS_RTOL && rel(l2, t2) <= LOSS_RTOL && errs.every((e) => e <= GRAD_RTOL);
  const e = (x: number): string => x.toExponential(1);
  const text = `loss ${l1.toFixed(8)} / ${before.loss.toFixed(8)} (rel ${e(rel(l1, before.loss))}),` +
    ` after one SGD step ${l2.toFixed(8)} / ${t2.toFixed(8)} (rel ${e(rel(l2, t2))})\n      gradients, max rel error` +
    ` ${p.PARAM_NAMES.map((n, k) => `${n} ${e(errs[k])}`).join(", ")}; ∂loss/∂w2[${Math.floor(at / p.H)},${at % p.H}]` +
    ` ${w2[at].toExponential(6)} / ${before.grads[2][at].toExponential(6)}` +
    ` (tolerance: loss ${LOSS_RTOL}, gradients ${GRAD_RTOL} relative)`;
  return { ok, text };
}

interface Timed { wall: number[]; cpu: number[]; loss: number }

async function versusTfjs(problem: Problem, report: Report): Promise<void> {
  const backend = await tfCpu(), p = problem.setup;
  const { ok: same, text } = check(problem);
  const gl = recordingStep(p), tf = problem.tf(), runs: [string, () => number][] = [
    ["record", gl.step], ["replay", replayStep(p)], ["tfjs", () => tf.step()]];
  const timed = new Map<string, Timed>(runs.map(([name]) => [name, { wall: [], cpu: [], loss: NaN }]));
  const tensors = tf.tensors();
  for (let r = 0; r < WARMUP + STEPS; r++) {
    for (let k = 0; k < runs.length; k++) {
      // Rotate the order each round, so no step always runs right after the same other one.
      const [name, step] = runs[(r + k) % runs.length], m = timed.get(name) as Timed;
      const c0 = process.cpuUsage(), t0 = performance.now();
      m.loss = step();
      const wall = performance.now() - t0, c = process.cpuUsage(c0);
      if (r >= WARMUP) { m.wall.push(wall); m.cpu.push((c.user + c.system) / 1000); }
    }
  }
  const leaked = tf.tensors() - tensors;
  const [rec, rep, tfs] = ["record", "replay", "tfjs"].map((n) => timed.get(n) as Timed);
  const w = (m: Timed): number => median(m.wall), c = (m: Timed): number => median(m.cpu);
  const ratio = w(tfs) / w(rec), ms = (x: number): string => `${x.toFixed(1)} ms`;
  console.log(`      ${backend}, float32; GradLens float64. ${problem.model}, ${p.N} points, SGD ${p.LR};` +
    ` one step = forward + loss + every gradient + update; medians of ${STEPS} steps each after ${WARMUP} warm-up`);
  report(`${problem.key} step vs TF.js: same loss and gradients from the same weights`, same ? "agree" : "DISAGREE",
    `loss ${LOSS_RTOL}, gradients ${GRAD_RTOL} relative`, same);
  console.log(`      ${text}`);
  if (!same) console.log("      the two disagree: the speed comparison below is void (marked MISS)");
  report(`${problem.key} step ${problem.title} x${p.N}`,
    `GradLens ${ms(w(rec))} (replay ${ms(w(rep))}) | TF.js cpu ${ms(w(tfs))} | ratio ${ratio.toFixed(1)}x`,
    `>= ${RATIO_TARGET}x`, same && ratio >= RATIO_TARGET);
  console.log(`      CPU time: GradLens ${ms(c(rec))} (replay ${ms(c(rep))}) | TF.js cpu ${ms(c(tfs))} |` +
    ` ratio ${(c(tfs) / c(rec)).toFixed(1)}x; loss after ${WARMUP + STEPS} steps ${rec.loss.toFixed(6)}` +
    ` (replay ${rep.loss.toFixed(6)}) / ${tfs.loss.toFixed(6)}; tfjs tensors leaked: ${leaked}`);
  if (!same) process.exitCode = 1;
}

/** Issue 8: the regression MLP, 2-64-64-1, sigmoid out, mse. */
export function tensorVersusTfjs(report: Report): Promise<void> {
  const title = `MLP 2-${mlp.H}-${mlp.H}-1`;
  return versusTfjs({ key: "tensor", title, model: `${title} tanh/sigmoid, mse`, setup: mlp, tf: tfMlp }, report);
}

/** Issue 17: the classifier, 2-64-64-3, softmax + cross-entropy on integer labels. */
export function classifierVersusTfjs(report: Report): Promise<void> {
  const title = `MLP 2-${classifier.H}-${classifier.H}-${classifier.C} softmax+CE`;
  const model = `MLP 2-${classifier.H}-${classifier.H}-${classifier.C} tanh, softmax + cross-entropy (3 spirals)`;
  return versusTfjs({ key: "classifier", title, model, setup: classifier, tf: tfClassifier }, report);
}
