// Runs in vitest (Node): seed 000's network (x·W1, sigmoid, ·W2, sigmoid; no biases; W1 [2,3], W2 [3,1] from
// randn) with its hand-written backward, written here in plain loops as the tutorial writes it. Its update
// ΔW = xᵀ·delta (error = y - out) is the negative gradient of ½·SSE, so it must equal -½ of the tape's ∂SSE/∂W;
// training on XOR with that update learns XOR, and the two agree at every step.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { sse } from "../../../../src/engine/tensor/losses";
import { randn, tensor, type TensorData } from "../../../../src/engine/tensor/shape";

// The seed's XOR table, in its row order.
const X = [[1, 0], [1, 1], [0, 1], [0, 0]];
const Y = [[1], [0], [1], [0]];

type M = number[][];
const matmul = (a: M, b: M): M => a.map((r) => b[0].map((_, j) => r.reduce((s, v, k) => s + v * b[k][j], 0)));
const t = (a: M): M => a[0].map((_, j) => a.map((r) => r[j]));
const map2 = (a: M, b: M, f: (x: number, y: number) => number): M => a.map((r, i) => r.map((v, j) => f(v, b[i][j])));
const sig = (a: M): M => a.map((r) => r.map((v) => 1 / (1 + Math.exp(-v))));
const dsig = (s: M): M => s.map((r) => r.map((v) => v * (1 - v)));
const nested = (d: TensorData): M => Array.from({ length: d.shape[0] ?? 1 }, (_, i) =>
  Array.from(d.data.subarray(i * (d.shape[1] ?? 1), (i + 1) * (d.shape[1] ?? 1))));

/** The tutorial's forward and backward: returns the output and the updates it adds to W1 and W2. */
function handWritten(w1: M, w2: M): { out: M; dW1: M; dW2: M } {
  const z2 = sig(matmul(X, w1));
  const out = sig(matmul(z2, w2));
  const error = map2(Y, out, (y, o) => y - o);
  const logitsDelta = map2(error, dsig(out), (e, d) => e * d);
  const z2Error = matmul(logitsDelta, t(w2));
  const z2Delta = map2(z2Error, dsig(z2), (e, d) => e * d);
  return { out, dW1: matmul(t(X), z2Delta), dW2: matmul(t(z2), logitsDelta) };
}

function expectHalfNegGrad(delta: M, grad: Float64Array): void {
  const flat = delta.flat();
  expect(flat.length).toBe(grad.length);
  flat.forEach((d, k) => expect(Math.abs(d + 0.5 * grad[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(d))));
}

describe("seed 000: matrix MLP with a hand-written backward", () => {
  it("hand-written update equals -½ ∂SSE/∂W from the tape, and trains on XOR", () => {
    // Without biases some draws stall with [1,1] at 0.5 (seeds 3, 4 and 10 of 1..12 do); seed 2 is one that learns.
    const rng = new Rng(2);
    let w1 = nested(randn(2, 3, rng)), w2 = nested(randn(3, 1, rng));
    const tape = new Tape();
    const W1 = tape.tensorParam(w1, "W1"), W2 = tape.tensorParam(w2, "W2");
    const out = tape.sigmoid(tape.matmul(tape.sigmoid(tape.matmul(tape.tensorConst(X), W1)), W2));
    const loss = sse(tape, out, tape.tensorConst(Y));
    const first = tape.value(loss);
    let checks = 0;
    for (let step = 0; step < 3000; step++) {
      tape.setTensorValue(W1, w1);
      tape.setTensorValue(W2, w2);
      tape.recompute();
      tape.backward(loss);
      const h = handWritten(w1, w2);
      if (step % 50 === 0) {
        h.out.flat().forEach((o, k) => expect(Math.abs(o - tape.tensorValue(out)[k])).toBeLessThanOrEqual(1e-15));
        expectHalfNegGrad(h.dW1, tape.tensorGradient(W1));
        expectHalfNegGrad(h.dW2, tape.tensorGradient(W2));
        checks++;
      }
      // The seed's update: W += ΔW (a learning rate of 1 on ½·SSE).
      w1 = map2(w1, h.dW1, (w, d) => w + d);
      w2 = map2(w2, h.dW2, (w, d) => w + d);
    }
    expect(checks).toBe(60);
    tape.setTensorValue(W1, w1);
    tape.setTensorValue(W2, w2);
    tape.recompute();
    expect(tape.value(loss)).toBeLessThan(first / 10);
    const predicted = Array.from(tape.tensorValue(out), (p) => (p > 0.5 ? 1 : 0));
    expect(predicted).toEqual(Y.flat());
    expect(tensor(w1).shape).toEqual([2, 3]);
  });
});
