// Runs in vitest (Node): the generated data sets in the notation: rows or [X, y] tensors, the same rows as the
// engine's for a seed, options checked, and the budget charged before the rows exist.
import { describe, expect, it } from "vitest";
import { moons, spirals } from "../../../src/engine";
import { evaluateDocument } from "../../../src/notation";

const errors = (text: string, bounds = {}) =>
  evaluateDocument(text, { bounds }).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.message} @${d.line}:${d.column}`);

describe("moons, circles, spirals and blobs in the notation", () => {
  it("rows [x1, x2, label] as the engine draws them for the seed, read by a scalar loop", () => {
    const d = evaluateDocument(`const rows = moons(10, { noise: 0.1, seed: 3 });
const w = param(0.5);
let loss = 0;
for (const [p, q, y] of rows) loss += (w * p + q - y) ** 2;`);
    expect(errors("const rows = moons(10, { noise: 0.1, seed: 3 });\nconst loss = rows.length;")).toEqual([]);
    const want = moons(10, { noise: 0.1, seed: 3 });
    let loss = 0;
    for (const [p, q, y] of want) loss += (0.5 * p + q - y) ** 2;
    expect(d.value).toBeCloseTo(loss, 12);
  });

  it("tensors: true gives [X, y]: X [n, 2], y the n class indices crossEntropy takes", () => {
    const d = evaluateDocument(`const [X, y] = spirals(30, { classes: 3, seed: 1, tensors: true });
const W = param(zeros(2, 3));
const loss = crossEntropy(matmul(X, W), y) + X.shape[0] * 0 + sum(y) * 0;`);
    expect(errors("const [X, y] = spirals(30, { classes: 3, seed: 1, tensors: true });\nconst loss = 1;")).toEqual([]);
    // Uniform logits: ln 3, whatever the rows.
    expect(d.value).toBeCloseTo(Math.log(3), 12);
    const rows = spirals(30, { classes: 3, seed: 1 });
    const g = d.params.map((p) => p.grad);
    // d/dW[i][c] = mean over rows of x_i (1/3 - [label = c]).
    const want = [0, 1].flatMap((i) => [0, 1, 2].map((c) => rows.reduce((s, r) => s + r[i] * (1 / 3 - (r[2] === c ? 1 : 0)), 0) / 30));
    g.forEach((v, k) => expect(v).toBeCloseTo(want[k], 12));
  });

  it("each maker takes its own options; circles, blobs and seeds", () => {
    expect(errors("const a = circles(8, { factor: 0.5, noise: 0.05, seed: 2 });\nconst b = blobs(9, { centers: [[0, 0], [5, 5]], std: 0.5 });\nconst c = blobs(9, { centers: 4 });\nconst loss = a.length + b.length + c.length;")).toEqual([]);
    expect(evaluateDocument("const loss = moons(6, { seed: 1 })[0][0] - moons(6, { seed: 1 })[0][0];").value).toBe(0);
    expect(errors("const r = moons(10, { classes: 3 });\nconst loss = 1;")).toEqual(["`moons` has no option `classes` (options: noise, seed, tensors) @1:11"]);
    expect(errors("const r = spirals(0);\nconst loss = 1;")).toEqual(["`spirals`: n must be a positive integer, got 0 @1:11"]);
    expect(errors("const r = circles(10, { factor: 2 });\nconst loss = 1;")).toEqual(["circles: factor must be in [0, 1), got 2 @1:11"]);
  });

  it("the budget is charged before the rows exist: a billion rows is a bound error at the call", () => {
    const e = errors("const r = moons(1000000000);\nconst loss = 1;", { maxElements: 1_000_000 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/maxElements|elements/);
    expect(e[0]).toMatch(/@1:11$/);
  });
});
