// Runs on Node (bundled into the benchmarks): the model and data of the classifier-step benchmark (issue 17), shared
// so the GradLens tape and the TensorFlow.js comparison train exactly the same thing. MLP 2-64-64-3, tanh hidden
// layers, softmax + cross-entropy on integer labels, 1024 points of the seeded 3-arm spirals; SGD with a fixed
// learning rate.
import { spirals } from "../src/engine/data";
import { Rng } from "../src/engine/rng";
import type { Tape } from "../src/engine/tape";
import { randn, type TensorData } from "../src/engine/tensor/shape";

export const N = 1024, H = 64, C = 3, LR = 0.1;
/** Parameter names in recording order: weights [in, out] and biases [1, out] of the three layers. */
export const PARAM_NAMES = ["w1", "b1", "w2", "b2", "w3", "b3"] as const;

const rows = spirals(N, { classes: C, seed: 1 });
/** Inputs [N, 2]. */
export const X: TensorData = { shape: [N, 2], data: Float64Array.from(rows.flatMap((r) => [r[0], r[1]])) };
/** Class indices [N], 0..C-1. */
export const LABELS: TensorData = { shape: [N], data: Float64Array.from(rows, (r) => r[2]) };

const rng = new Rng(2);
function scaled(d: TensorData, s: number): TensorData {
  for (let k = 0; k < d.data.length; k++) d.data[k] *= s;
  return d;
}
const zeroRow = (m: number): TensorData => ({ shape: [1, m], data: new Float64Array(m) });
/** Initial parameters (LeCun-normal weights, zero biases), in PARAM_NAMES order. Copy before training. */
export const init: readonly TensorData[] = [
  scaled(randn(2, H, rng), Math.sqrt(1 / 2)), zeroRow(H),
  scaled(randn(H, H, rng), Math.sqrt(1 / H)), zeroRow(H),
  scaled(randn(H, C, rng), Math.sqrt(1 / H)), zeroRow(C),
];

export function copyInit(): TensorData[] {
  return init.map((p) => ({ shape: p.shape, data: p.data.slice() }));
}

/** Records forward and loss on t; returns the parameter leaves (PARAM_NAMES order) and the loss node. */
export function record(t: Tape, params: readonly TensorData[]): { ps: number[]; loss: number } {
  const ps = params.map((p) => t.tensorParam(p));
  const [w1, b1, w2, b2, w3, b3] = ps;
  const h1 = t.tanh(t.add(t.matmul(t.tensorConst(X), w1), b1));
  const h2 = t.tanh(t.add(t.matmul(h1, w2), b2));
  const logits = t.add(t.matmul(h2, w3), b3);
  return { ps, loss: t.crossEntropy(logits, t.tensorConst(LABELS)) };
}
