// Runs on Node (bundled into the benchmarks): the one model and data set of the tensor-step benchmarks, shared so the
// GradLens tape and the TensorFlow.js comparison train exactly the same thing. MLP 2-64-64-1, tanh hidden layers,
// sigmoid output, mse, on 1024 points of the unit square from the seeded RNG; SGD with a fixed learning rate.
import { Rng } from "../src/engine/rng";
import type { Tape } from "../src/engine/tape";
import { mse } from "../src/engine/tensor/losses";
import { rand, randn, type TensorData } from "../src/engine/tensor/shape";

export const N = 1024, H = 64, LR = 0.1;
/** Parameter names in recording order: weights [in, out] and biases [1, out] of the three layers. */
export const PARAM_NAMES = ["w1", "b1", "w2", "b2", "w3", "b3"] as const;

const rng = new Rng(1);
/** Inputs [N, 2], uniform in [-1, 1). */
export const X = rand(N, 2, rng);
for (let k = 0; k < X.data.length; k++) X.data[k] = 2 * X.data[k] - 1;
/** Labels [N, 1]: 1 inside the circle of radius 0.6. */
export const Y: TensorData = { shape: [N, 1], data: new Float64Array(N) };
for (let i = 0; i < N; i++) Y.data[i] = X.data[2 * i] ** 2 + X.data[2 * i + 1] ** 2 < 0.36 ? 1 : 0;

function scaled(d: TensorData, s: number): TensorData {
  for (let k = 0; k < d.data.length; k++) d.data[k] *= s;
  return d;
}
const zeroRow = (m: number): TensorData => ({ shape: [1, m], data: new Float64Array(m) });
/** Initial parameters (LeCun-normal weights, zero biases), in PARAM_NAMES order. Copy before training. */
export const init: readonly TensorData[] = [
  scaled(randn(2, H, rng), Math.sqrt(1 / 2)), zeroRow(H),
  scaled(randn(H, H, rng), Math.sqrt(1 / H)), zeroRow(H),
  scaled(randn(H, 1, rng), Math.sqrt(1 / H)), zeroRow(1),
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
  const out = t.sigmoid(t.add(t.matmul(h2, w3), b3));
  return { ps, loss: mse(t, out, t.tensorConst(Y)) };
}
