// Runs in vitest (Node): the gradient-check report model: per-leaf rows against central differences, notes at
// non-differentiable points, the error-vs-eps sweep, gradcheck(...) calls, selections, and the wire format.
import { describe, expect, it } from "vitest";
import { documentReport, sampleIndices, selectionReport } from "../../../src/editor-model/report";
import { prepareSelection } from "../../../src/notation";
import { centralDifference, evaluate, example } from "./helpers";

describe("gradient-check report of a .nn.ts file", () => {
  const { result } = evaluate(example("xor.nn.ts"));
  const m = documentReport(result, "xor");

  it("has one passing row per param, numeric matching an independent central difference", () => {
    expect(m).toBeDefined();
    if (!m) return;
    expect(m.rows.map((r) => r.name)).toEqual(result.params.map((p) => p.name));
    expect(m.pass).toBe(true);
    expect(m.failed).toBe(0);
    for (const [i, row] of m.rows.entries()) {
      expect(row.analytic).toBe(result.params[i].grad);
      expect(row.numeric).toBeCloseTo(centralDifference(result, i), 8);
      expect(row.absError).toBeLessThan(1e-8);
    }
  });

  it("sweeps eps from 1e-1 to 1e-12 and marks a best eps where truncation and round-off balance", () => {
    if (!m) return;
    expect(m.sweep.map((p) => p.eps)).toEqual(Array.from({ length: 12 }, (_, i) => 10 ** -(i + 1)));
    expect(m.best).toBeDefined();
    const best = m.best?.eps ?? 0;
    expect(best).toBeGreaterThanOrEqual(1e-8);
    expect(best).toBeLessThanOrEqual(1e-3);
    // Truncation error at 1e-1 and round-off at 1e-12 both exceed the best.
    expect(m.sweep[0].error).toBeGreaterThan(m.best?.error ?? Infinity);
    expect(m.sweep[11].error).toBeGreaterThan(m.best?.error ?? Infinity);
  });

  it("fails a wrong hand-written derivative and passes a right one, per call", () => {
    const text = "const f = (x: number) => x * x * x;\ngradcheck(f, (x: number) => 3 * x, 2);\ngradcheck(f, (x: number) => 3 * x * x, 2);\nconst loss = f(param(1.5));\n";
    const r = documentReport(evaluate(text).result, "t");
    expect(r?.calls.map((c) => c.pass)).toEqual([false, true]);
    expect(r?.calls[0].rows[0].analytic).toBe(6);
    expect(r?.calls[0].rows[0].numeric).toBeCloseTo(12, 6);
    expect(r?.rows[0].pass).toBe(true);
    expect(r?.pass).toBe(false);
    expect(r?.failed).toBe(1);
  });

  it("notes relu at 0", () => {
    const r = documentReport(evaluate("const w = param(0);\nconst loss = relu(w) + w;\n").result, "t");
    expect(r?.rows[0].note).toMatch(/relu at 0/);
    expect(r?.rows[0].analytic).toBe(1);
  });

  it("honours eps, atol and rtol", () => {
    const r = documentReport(evaluate("const w = param(2);\nconst loss = w ** 3;\n").result, "t", { eps: 0.1, atol: 0, rtol: 1e-6 });
    expect(r?.eps).toBe(0.1);
    // Central difference of w^3 with h = 0.1 is 3w^2 + h^2 = 12.01: outside rtol 1e-6.
    expect(r?.rows[0].numeric).toBeCloseTo(12.01, 9);
    expect(r?.rows[0].pass).toBe(false);
  });

  it("is undefined for a file that does not evaluate", () => {
    expect(documentReport(evaluate(example("broken.nn.ts")).result, "t")).toBeUndefined();
  });
});

describe("gradient-check report of a selection", () => {
  it("checks (x**2 + 3)**2 + y at x = 53, y = -17", () => {
    const doc = "const x = 53;\nconst y = -17;\n(x**2 + 3)**2 + y\n";
    const sel = "(x**2 + 3)**2 + y";
    const m = selectionReport(prepareSelection(sel, { documentText: doc, selectionOffset: doc.indexOf(sel) }), {}, "sel");
    expect(m.value).toBe(7907327);
    expect(m.rows.map((r) => [r.name, r.analytic])).toEqual([["x", 596144], ["y", 1]]);
    expect(m.rows.every((r) => r.pass)).toBe(true);
    expect(m.rows[0].numeric).toBeCloseTo(596144, 2);
  });

  it("checks at the values typed for names the document does not give, the numeric side varying them too", () => {
    const doc = "const x = 53;\n(x**2 + 3)**2 + y\n";
    const sel = "(x**2 + 3)**2 + y";
    const m = selectionReport(prepareSelection(sel, { documentText: doc, selectionOffset: doc.indexOf(sel) }), { y: -17 }, "sel");
    expect(m.value).toBe(7907327);
    expect(m.rows.map((r) => [r.name, r.analytic, r.pass])).toEqual([["x", 596144, true], ["y", 1, true]]);
    expect(m.rows[1].numeric).toBeCloseTo(1, 2);
  });
});

describe("bounded work: a seeded sample of the leaves beyond maxLeaves (issue 15)", () => {
  it("sampleIndices: all when within the bound, else that many distinct sorted indices, the same for the same seed", () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(1000, 50);
    expect(s).toHaveLength(50);
    expect(new Set(s).size).toBe(50);
    expect(s).toEqual([...s].sort((a, b) => a - b));
    expect(s.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
    expect(sampleIndices(1000, 50)).toEqual(s);
    expect(sampleIndices(1000, 50, 2)).not.toEqual(s);
    // Not simply the first ones.
    expect(s.at(-1)).toBeGreaterThan(100);
  });

  it("a report over more leaves than maxLeaves checks the sample, each row against its own central difference, and says so", () => {
    const { result } = evaluate(example("xor.nn.ts"));
    const m = documentReport(result, "xor", { maxLeaves: 4, sweep: false });
    if (!m) throw new Error("no report");
    expect(m.sample).toEqual({ checked: 4, total: 9, seed: 1 });
    expect(m.sweep).toEqual([]);
    const picked = sampleIndices(9, 4);
    expect(m.rows.map((r) => r.name)).toEqual(picked.map((i) => result.params[i].name));
    for (const [k, row] of m.rows.entries()) {
      expect(row.analytic).toBe(result.params[picked[k]].grad);
      expect(row.numeric).toBeCloseTo(centralDifference(result, picked[k]), 8);
    }
    expect(documentReport(result, "xor")?.sample).toBeUndefined();
  });

  it("a file of gradcheck calls only gets a report of its calls (no target needed)", () => {
    const { result } = evaluate("gradcheck((x) => x * x, (x) => 2 * x, 3);\ngradcheck((x) => x * x, (x) => 3 * x, 3);\n");
    const m = documentReport(result, "checks");
    expect(m?.rows).toEqual([]);
    expect(m?.calls.map((c) => [c.line, c.pass])).toEqual([[1, true], [2, false]]);
    expect([m?.pass, m?.passed, m?.failed]).toEqual([false, 1, 1]);
  });
});

describe("kink notes go only where the kink reaches (issue 15)", () => {
  it("relu at 0 notes the param it reaches, not the other", () => {
    const { result } = evaluate("const a = param(0);\nconst b = param(2);\nconst loss = relu(a) + b * b;\n");
    const m = documentReport(result, "kink");
    expect(m?.rows.map((r) => [r.name, r.note])).toEqual([["a", "relu at 0: not differentiable, the convention gives 0"], ["b", ""]]);
  });

  it("in a selection too, and in gradcheck(f, at) of a file", () => {
    const s = selectionReport(prepareSelection("abs(x) + y * y"), { x: 0, y: 3 }, "t");
    expect(s.rows.map((r) => [r.name, r.note])).toEqual([["x", "abs at 0: not differentiable, the convention gives 0"], ["y", ""]]);
    const { result } = evaluate("gradcheck((a, b) => relu(a) + b * b, [0, 2]);\n");
    expect(result.gradchecks[0].rows.map((r) => [r.name, r.note])).toEqual([["a", "relu at 0: not differentiable, the convention gives 0"], ["b", ""]]);
  });
});
