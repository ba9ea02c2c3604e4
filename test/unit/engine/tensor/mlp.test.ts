// Runs in vitest (Node): the same 2-2-1 network in scalar form (MLP, one node per neuron) and in tensor form
// (matmul + bias + activation) gives the same loss and gradients for the same parameters.
import { describe, expect, it } from "vitest";
import { datasets } from "../../../../src/engine/data";
import { losses, type LossName } from "../../../../src/engine/losses";
import { MLP, type Activation } from "../../../../src/engine/nn";
import { Tape } from "../../../../src/engine/tape";
import { bce, mse, sse } from "../../../../src/engine/tensor/losses";
import type { TensorData } from "../../../../src/engine/tensor/shape";

const tensorLosses = { sse, mse, bce };
const rows = datasets.XOR;

function scalarRun(model: MLP, loss: LossName): { loss: number; grads: Float64Array } {
  const t = new Tape(), bound = model.bind(t);
  const preds = rows.map(([p, q]) => model.forward(t, [t.input(p), t.input(q)], bound)[0]);
  const l = losses[loss](t, preds, rows.map((r) => r[2]));
  t.backward(l);
  model.store.gather(t);
  return { loss: t.value(l), grads: model.store.grads.slice(0, model.store.size) };
}

/** The model's store read into one weight matrix [nin, nout] and one bias row [1, nout] per layer. */
function layerTensors(model: MLP): { w: TensorData; b: TensorData }[] {
  const v = model.store.values;
  return model.layers.map((layer) => {
    const nin = layer.nin, nout = layer.neurons.length;
    const w = new Float64Array(nin * nout), b = new Float64Array(nout);
    layer.neurons.forEach((n, j) => {
      for (let k = 0; k < nin; k++) w[k * nout + j] = v[n.w[k]];
      b[j] = v[n.b];
    });
    return { w: { shape: [nin, nout], data: w }, b: { shape: [1, nout], data: b } };
  });
}

/** The tensor form, on a tape of its own. */
function tensorRun(model: MLP, act: Activation, out: Activation, loss: LossName) {
  const t = new Tape();
  const layers = layerTensors(model).map(({ w, b }) => ({ w: t.tensorParam(w), b: t.tensorParam(b) }));
  let h = t.tensorConst(rows.map(([p, q]) => [p, q]));
  layers.forEach(({ w, b }, i) => {
    const z = t.add(t.matmul(h, w), b), a = i === layers.length - 1 ? out : act;
    h = a === "sigmoid" ? t.sigmoid(z) : a === "tanh" ? t.tanh(z) : a === "relu" ? t.relu(z) : z;
  });
  const l = tensorLosses[loss](t, h, t.tensorConst(rows.map((r) => [r[2]])));
  t.backward(l);
  return { loss: t.value(l), grads: layers.map(({ w, b }) => ({ w: t.tensorGradient(w), b: t.tensorGradient(b) })) };
}

const configs: [Activation, Activation, LossName, number][] = [
  ["sigmoid", "sigmoid", "sse", 1], ["sigmoid", "sigmoid", "mse", 2], ["tanh", "sigmoid", "bce", 3],
  ["relu", "linear", "mse", 4], ["tanh", "tanh", "sse", 5],
];

describe("scalar MLP and tensor MLP agree", () => {
  for (const [act, out, loss, seed] of configs) {
    it(`2-2-1 ${act}/${out}, ${loss}, seed ${seed}`, () => {
      const model = new MLP(2, [2, 1], { activation: act, output: out, init: "uniform", seed });
      const s = scalarRun(model, loss), r = tensorRun(model, act, out, loss);
      expect(Math.abs(r.loss - s.loss)).toBeLessThanOrEqual(1e-12);
      expect(s.loss).toBeGreaterThan(0);
      let nonzero = 0, compared = 0;
      model.layers.forEach((layer, li) => {
        const nout = layer.neurons.length;
        layer.neurons.forEach((n, j) => {
          for (let k = 0; k < layer.nin; k++) {
            expect(Math.abs(r.grads[li].w[k * nout + j] - s.grads[n.w[k]])).toBeLessThanOrEqual(1e-12);
            compared++;
            if (s.grads[n.w[k]] !== 0) nonzero++;
          }
          expect(Math.abs(r.grads[li].b[j] - s.grads[n.b])).toBeLessThanOrEqual(1e-12);
          compared++;
        });
      });
      expect(compared).toBe(model.store.size);
      expect(nonzero).toBeGreaterThan(0);
    });
  }
});
