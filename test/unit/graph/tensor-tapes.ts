// Runs on Node (tests, the webview suite's fixtures): tensor tapes built with the engine API, the way the notation
// records them: seed 000's matrix MLP on XOR, and a deep layered tensor network for folding.
import { Rng } from "../../../src/engine/rng";
import { Tape } from "../../../src/engine/tape";
import { randn, sse } from "../../../src/engine/tensor";

export interface TensorBuilt {
  tape: Tape;
  target: number;
  /** Named tensors and ops by name. */
  ids: Record<string, number>;
}

export const XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]];
export const XOR_Y = [[0], [1], [1], [0]];

/** Seed 000: out = sigmoid(matmul(sigmoid(matmul(X, W1)), W2)), loss = sse(out, Y); W1 [2,3] may be given. */
export function seed000(w1?: Float64Array): TensorBuilt {
  const t = new Tape(), T = t.tensors, rng = new Rng(0);
  const X = T.input(XOR_X, "X");
  const r1 = randn(2, 3, rng), r2 = randn(3, 1, rng);
  const W1 = T.param(w1 ? { shape: [2, 3], data: w1 } : r1, "W1");
  const W2 = T.param(r2, "W2");
  const z1 = T.matmul(X, W1);
  const h = T.sigmoid(z1);
  const z2 = T.matmul(h, W2);
  const out = T.sigmoid(z2);
  const Y = T.input(XOR_Y, "Y");
  const loss = sse(T, out, Y);
  t.backward(loss);
  return { tape: t, target: loss, ids: { X, W1, W2, z1, h, z2, out, Y, loss } };
}

/** A deep tensor network, one "layer" group per layer (h = tanh(h @ W + b)), width by width: hundreds of nodes. */
export function deepTensorNet(layers: number, width = 4): TensorBuilt {
  const t = new Tape(), T = t.tensors, rng = new Rng(7);
  const ids: Record<string, number> = {};
  let h = T.input(randn(8, width, rng), "X");
  ids.X = h;
  for (let k = 0; k < layers; k++) {
    t.beginGroup("layer", `L${k}`);
    const W = T.param(randn(width, width, rng), `W${k}`), b = T.param(randn(1, width, rng), `b${k}`);
    ids[`W${k}`] = W;
    h = T.tanh(T.add(T.matmul(h, W), b));
    t.endGroup();
  }
  const loss = T.mean(T.pow(h, 2));
  t.backward(loss);
  ids.loss = loss;
  return { tape: t, target: loss, ids };
}
