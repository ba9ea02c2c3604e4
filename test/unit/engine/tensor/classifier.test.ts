// Runs in vitest (Node): the new ops end to end: a 2-32-32-3 tanh MLP with softmax cross-entropy learns the 3-arm
// spirals to at least 95 % training accuracy (argmax of the logits), trained with Adam by replaying one recording.
// Re-recording gives the same losses step for step, so replay is valid for these ops.
import { describe, expect, it } from "vitest";
import { spirals } from "../../../../src/engine/data";
import { adam } from "../../../../src/engine/optim";
import { ParamStore } from "../../../../src/engine/params";
import { Rng } from "../../../../src/engine/rng";
import type { Tape } from "../../../../src/engine/tape";
import { Trainer } from "../../../../src/engine/train";

const rows = spirals(300, { seed: 1 });
const X = { shape: [rows.length, 2], data: Float64Array.from(rows.flatMap((r) => [r[0], r[1]])) };
const Y = rows.map((r) => r[2]);
const SIZES = [[2, 32], [1, 32], [32, 32], [1, 32], [32, 3], [1, 3]] as const;

function model(store: ParamStore): number[] {
  const rng = new Rng(2);
  return SIZES.map(([i, o], k) => {
    const scale = k % 2 === 0 ? Math.sqrt(1 / i) : 0;
    return store.addTensor(Array.from({ length: i * o }, () => scale * rng.normal()), `p${k}`, [i, o]);
  });
}

function objective(slots: number[], logits: { node: number }) {
  return (t: Tape, store: ParamStore): number => {
    const ps = slots.map((slot, k) => {
      const [i, o] = SIZES[k];
      return t.tensorParam({ shape: [i, o], data: store.values.slice(slot, slot + i * o) }, `p${k}`, slot);
    });
    const h1 = t.tanh(t.add(t.matmul(t.tensorConst(X), ps[0]), ps[1]));
    const h2 = t.tanh(t.add(t.matmul(h1, ps[2]), ps[3]));
    logits.node = t.add(t.matmul(h2, ps[4]), ps[5]);
    return t.crossEntropy(logits.node, t.tensorConst(Y));
  };
}

describe("a softmax classifier on spirals", () => {
  it("learns 3 classes to >= 95 % accuracy; replay equals re-recording", () => {
    const a = new ParamStore(), b = new ParamStore(), la = { node: -1 }, lb = { node: -1 };
    const replay = new Trainer(objective(model(a), la), a, { optimizer: adam(0.02), replay: true });
    const fresh = new Trainer(objective(model(b), lb), b, { optimizer: adam(0.02) });
    const first = replay.step();
    expect(fresh.step()).toBe(first);
    for (let s = 0; s < 20; s++) expect(fresh.step()).toBeCloseTo(replay.step(), 12);
    let loss = first;
    for (let s = 0; s < 400; s++) loss = replay.step();
    replay.loss();
    const t = replay.tape, pred = t.tensorValue(t.argmax(la.node, 1));
    const right = Y.filter((y, i) => pred[i] === y).length;
    expect(loss).toBeLessThan(first / 5);
    expect(right / Y.length).toBeGreaterThanOrEqual(0.95);
  });
});
