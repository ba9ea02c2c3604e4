// Runs on Node (tests, the webview suite's fixtures): tensor tapes built with the engine API, the way the notation
// records them: seed 000's matrix MLP on XOR, and a deep layered tensor network for folding.
import { Rng } from "../../../src/engine/rng";
import { Tape } from "../../../src/engine/tape";
import { sse } from "../../../src/engine/tensor/losses";
import { randn } from "../../../src/engine/tensor/shape";

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
  const t = new Tape(), rng = new Rng(0);
  const X = t.tensorInput(XOR_X, "X");
  const r1 = randn(2, 3, rng), r2 = randn(3, 1, rng);
  const W1 = t.tensorParam(w1 ? { shape: [2, 3], data: w1 } : r1, "W1");
  const W2 = t.tensorParam(r2, "W2");
  const z1 = t.matmul(X, W1);
  const h = t.sigmoid(z1);
  const z2 = t.matmul(h, W2);
  const out = t.sigmoid(z2);
  const Y = t.tensorInput(XOR_Y, "Y");
  const loss = sse(t, out, Y);
  t.backward(loss);
  return { tape: t, target: loss, ids: { X, W1, W2, z1, h, z2, out, Y, loss } };
}

/** A deep tensor network, one "layer" group per layer (h = tanh(h @ W + b)), width by width: hundreds of nodes. */
export function deepTensorNet(layers: number, width = 4): TensorBuilt {
  const t = new Tape(), rng = new Rng(7);
  const ids: Record<string, number> = {};
  let h = t.tensorInput(randn(8, width, rng), "X");
  ids.X = h;
  for (let k = 0; k < layers; k++) {
    t.beginGroup("layer", `L${k}`);
    const W = t.tensorParam(randn(width, width, rng), `W${k}`), b = t.tensorParam(randn(1, width, rng), `b${k}`);
    ids[`W${k}`] = W;
    h = t.tanh(t.add(t.matmul(h, W), b));
    t.endGroup();
  }
  const loss = t.mean(t.powConst(h, 2));
  t.backward(loss);
  ids.loss = loss;
  return { tape: t, target: loss, ids };
}
