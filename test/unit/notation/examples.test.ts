// Runs in vitest (Node): the six examples of notation.md through the interpreter.
import { describe, expect, it } from "vitest";
import { Tape, datasets } from "../../../src/engine";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";
import { MLP_FILE, XOR_FILE } from "../spec-examples";
import { expectGradientsMatch, grads } from "./helpers";

describe("notation.md examples", () => {
  it("1: (x**2 + 3)**2 + y at x = 53, y = -17", () => {
    const { value, g } = grads("(x**2 + 3)**2 + y", { x: 53, y: -17 });
    expect(value).toBe(7907327);
    expect(g).toEqual({ x: 596144, y: 1 });
    // Reference by hand: d/dx = 2 (x² + 3) · 2x.
    expect(g.x).toBe(2 * (53 ** 2 + 3) * 2 * 53);
  });

  it("2: two paths to x are summed", () => {
    const { g } = grads("(x**2 + 3)**2 + x", { x: 1.5 });
    expect(g.x).toBeCloseTo(32.5, 12);
    expectGradientsMatch("(x**2 + 3)**2 + x", { x: 1.5 });
  });

  it("3: x * x draws both edges from x into *", () => {
    const r = evaluateSelection("x * x", { values: { x: -4 } });
    expect(r.leaves[0].grad).toBe(-8);
    const x = r.leaves[0].node;
    expect(r.tape.inputsOf(r.target)).toEqual([x, x]);
  });

  it("4: y = y + y thirty times gives 2^30, linear in nodes", () => {
    const r = evaluateSelection("let y = x; for (let i = 0; i < 30; i++) y = y + y;", { values: { x: 1 } });
    expect(r.leaves[0].grad).toBe(2 ** 30);
    expect(r.value).toBe(2 ** 30);
    // One input and 30 additions: the loop counter folds as constants and draws nothing.
    expect(r.tape.n).toBe(31);
  });

  it("5: the XOR network file: params, target, groups, training settings", () => {
    const d = evaluateDocument(XOR_FILE);
    expect(d.ok).toBe(true);
    expect(d.targetName).toBe("loss");
    expect(d.params.map((p) => p.name)).toEqual(["w1[0]", "w1[1]", "b1", "w2[0]", "w2[1]", "b2", "w3[0]", "w3[1]", "b3"]);
    expect(d.train).toMatchObject({ lr: 1, steps: 2000, method: "backprop", optimizer: "sgd" });
    const calls = d.tape.groups.filter((g) => g.kind === "call").map((g) => g.label);
    expect(calls).toEqual(["forward(0, 0)", "forward(0, 1)", "forward(1, 0)", "forward(1, 1)"]);
    expect(d.dataset).toBe("XOR");
    expect(d.replaySafe).toBe(true);
    // ∂loss/∂b3 against central differences of the re-run objective.
    const b3 = d.params.find((p) => p.name === "b3");
    expect(b3).toBeDefined();
    const store = d.trainingStore();
    const at = (v: number): number => {
      store.values[b3!.slot] = v;
      const t = new Tape();
      return t.val[d.objective!(t, store)];
    };
    const numeric = (at(b3!.value + 1e-6) - at(b3!.value - 1e-6)) / 2e-6;
    expect(b3!.grad).toBeCloseTo(numeric, 7);
    // The hover range of b3: the param call on line 5.
    const src = d.tape.source(b3!.node);
    expect(XOR_FILE.slice(src!.start, src!.end)).toBe("param(rand())");
  });

  it("6: the same with mlp: the same initial loss and grouped layers", () => {
    const a = evaluateDocument(XOR_FILE), b = evaluateDocument(MLP_FILE);
    expect(b.ok).toBe(true);
    expect(b.params.map((p) => p.name).slice(0, 3)).toEqual(["L1.N1.w[0]", "L1.N1.w[1]", "L1.N1.b"]);
    // Weights then bias per neuron, from the same seed: the two spellings are the same network.
    expect(b.value).toBeCloseTo(a.value!, 12);
    expect(b.params.map((p) => p.grad)).toEqual(a.params.map((p) => expect.closeTo(p.grad, 12)));
    const kinds = new Set(b.tape.groups.map((g) => g.kind));
    expect(kinds).toEqual(new Set(["sample", "model", "layer", "neuron"]));
    // Predictions from the file's model.
    const out = b.predict(b.store, [1, 0]);
    expect(out).toBeGreaterThan(0);
    expect(out).toBeLessThan(1);
    expect(datasets.XOR.length).toBe(4);
  });
});
