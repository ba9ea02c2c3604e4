// Runs in vitest (Node): the snapshot's params table grouped per tensor: seed 000 lists model.W1 [2,3] and model.W2
// [3,1] as two rows whose norms match a recomputation (and central differences of the loss); scalar params stay
// one row each; the row cap counts a tensor once and a big tensor sends only its first elements.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/notation";
import { MAX_TENSOR_ELEMENTS } from "../../../src/extension/training/params";
import { TrainingSession, presetConfig } from "../../../src/train";
import type { TensorParamRow, TrainingSnapshot } from "../../../src/view/training";
import { XOR_FILE, documentConfig, scalarValues, trainingSnapshot } from "./helpers";

const SEED000 = readFileSync(join(__dirname, "../../../examples/seed000-xor.nn.ts"), "utf8");

function tensorRows(snap: TrainingSnapshot): TensorParamRow[] {
  return snap.params.map((p) => {
    if (p.kind !== "tensor") throw new Error(`${p.name} is not a tensor row`);
    return p;
  });
}

const norm = (xs: ArrayLike<number>): number => Math.sqrt(Array.from(xs).reduce((s, x) => s + x * x, 0));

describe("params table per tensor", () => {
  it("seed 000: two rows, model.W1 [2,3] and model.W2 [3,1], with values, norms and min/max of the store's slots", () => {
    const s = new TrainingSession(documentConfig(SEED000, { lr: 1, steps: 10 }));
    // The gradient at the initial values by central differences of the session's own loss, element by element.
    const store = s.problem.store, h = 1e-6, fd: number[] = [];
    for (let k = 0; k < store.size; k++) {
      const v = store.values[k];
      store.values[k] = v + h;
      const up = s.problem.trainer.loss();
      store.values[k] = v - h;
      const down = s.problem.trainer.loss();
      store.values[k] = v;
      fd.push((up - down) / (2 * h));
    }
    const initial = store.snapshot();
    s.stepOnce();
    const snap = trainingSnapshot(s);
    expect(snap.paramCount).toBe(9);
    expect(snap.paramRows).toBe(2);
    const [w1, w2] = tensorRows(snap);
    expect(snap.params).toHaveLength(2);
    expect([w1.name, w1.shape, w1.size, w2.name, w2.shape, w2.size]).toEqual(["model.W1", [2, 3], 6, "model.W2", [3, 1], 3]);
    const values = Array.from(store.values.subarray(0, 9)), grads = Array.from(store.grads.subarray(0, 9));
    expect([...w1.values, ...w2.values]).toEqual(values);
    expect([...w1.grads, ...w2.grads]).toEqual(grads);
    expect(w1.valueNorm).toBeCloseTo(norm(values.slice(0, 6)), 12);
    expect(w2.valueNorm).toBeCloseTo(norm(values.slice(6)), 12);
    expect([w1.min, w1.max]).toEqual([Math.min(...values.slice(0, 6)), Math.max(...values.slice(0, 6))]);
    // The step's gradients are those at the initial values: the same as a fresh evaluation's and central differences'.
    const fresh = evaluateDocument(SEED000).params.map((p) => p.grad);
    expect(w1.gradNorm).toBeCloseTo(norm(fresh.slice(0, 6)), 12);
    expect(w2.gradNorm).toBeCloseTo(norm(fresh.slice(6)), 12);
    expect(Math.abs(w1.gradNorm - norm(fd.slice(0, 6)))).toBeLessThan(1e-6);
    expect(Math.abs(w2.gradNorm - norm(fd.slice(6)))).toBeLessThan(1e-6);
    expect(w1.gradNorm).toBeGreaterThan(0);
    expect(Array.from(initial)).not.toEqual(values);
  });

  it("scalar params stay one row each, as before (file and preset)", () => {
    for (const config of [documentConfig(XOR_FILE), presetConfig("XOR")]) {
      const snap = trainingSnapshot(new TrainingSession(config));
      expect(snap.params.map((p) => p.kind)).toEqual(Array(9).fill("scalar"));
      expect(snap.paramRows).toBe(9);
      expect(scalarValues(snap)).toEqual(Array.from(new TrainingSession(config).problem.store.snapshot()));
    }
  });

  it("the cap counts a tensor as one row; a big tensor sends its first elements, its norms cover all of them", () => {
    const text = "const a = param(1.5);\nconst W = param(randn([10, 10]));\nconst b = param(-2);\nconst loss = sum(W * W) + a * a + b * b;\n";
    const all = trainingSnapshot(new TrainingSession(documentConfig(text, { steps: 1 })));
    expect(all.params.map((p) => [p.kind, p.name])).toEqual([["scalar", "a"], ["tensor", "W"], ["scalar", "b"]]);
    expect([all.paramCount, all.paramRows]).toEqual([102, 3]);
    const W = all.params[1] as TensorParamRow;
    expect([W.shape, W.size, W.values.length, W.grads.length]).toEqual([[10, 10], 100, MAX_TENSOR_ELEMENTS, MAX_TENSOR_ELEMENTS]);
    const s = new TrainingSession(documentConfig(text, { steps: 1 }));
    const cut = trainingSnapshot(s, 2);
    expect(cut.params.map((p) => p.name)).toEqual(["a", "W"]);
    expect(cut.paramRows).toBe(3);
    const every = s.problem.store.values.subarray(1, 101);
    expect(W.valueNorm).toBeCloseTo(norm(every), 12);
    expect(norm(every)).toBeGreaterThan(norm(W.values));
    // The snapshot stays small: 64 elements of W, not 100 (nor a row per element).
    expect(JSON.stringify(all).length).toBeLessThan(JSON.stringify(Array.from(every)).length * 2);
  });
});
