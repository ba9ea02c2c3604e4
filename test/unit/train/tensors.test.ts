// Runs in vitest (Node): training the tensor examples through a session: seed 000 (matrix MLP on XOR held in
// tensors X and Y) reaches "learned" with every row right and its params listed per tensor; seed 002
// (regression, no 0/1 targets) trains with a loss curve and no predictions table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/notation";
import { applyEdits, applyToText, buildProblem } from "../../../src/train";
import { tensorLiteral } from "../../../src/train/apply";
import { rowsFromTensors } from "../../../src/train/rows";
import { documentConfig, runToEnd } from "./helpers";

const read = (f: string): string => readFileSync(join(__dirname, "../../../examples", f), "utf8");
const SEED000 = read("seed000-xor.nn.ts");
const SEED002 = read("seed002-modules.nn.ts");

describe("training tensor models", () => {
  it("seed 000 takes its rows from the tensors X and Y", () => {
    const r = rowsFromTensors(evaluateDocument(SEED000).tape);
    expect(r).toEqual({ nin: 2, rows: [[1, 0, 1], [1, 1, 0], [0, 1, 1], [0, 0, 0]] });
    const p = buildProblem(documentConfig(SEED000));
    expect(p.notes.join(" ")).toMatch(/constant tensors \(4 rows, 2 inputs/);
    // The untrained model answers through model.forward(tensor([xs])): a sigmoid output strictly inside (0, 1).
    const out = p.predict([1, 0]);
    expect(out).toBeGreaterThan(0);
    expect(out).toBeLessThan(1);
  });

  it("seed 000 learns XOR (SGD, lr 1, 2000 steps): verdict learned, every row right, 9 params in 2 tensor rows", async () => {
    const { snap } = await runToEnd(documentConfig(SEED000, { lr: 1, steps: 2000 }));
    expect(snap.verdict?.kind, snap.verdict?.message).toBe("learned");
    expect(snap.verdict?.message).toMatch(/^learned in \d+ steps/);
    expect(snap.predictions).toHaveLength(4);
    for (const row of snap.predictions ?? []) {
      expect(row.right).toBe(true);
      expect(Math.abs(row.output - row.target)).toBeLessThan(0.5);
    }
    expect(snap.paramCount).toBe(9);
    expect(snap.params.map((p) => p.name)).toEqual(["model.W1", "model.W2"]);
    expect(snap.history.losses[0]).toBeGreaterThan(snap.loss * 10);
    expect(snap.grid?.values.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it("seed 002 (regression) trains with a loss curve and no predictions table", async () => {
    expect(rowsFromTensors(evaluateDocument(SEED002).tape)).toBeUndefined();
    const { snap } = await runToEnd(documentConfig(SEED002, { lr: 0.05, steps: 500 }));
    expect(snap.state).toBe("done");
    expect(snap.predictions).toBeUndefined();
    expect(snap.grid).toBeUndefined();
    expect(snap.verdict).toMatchObject({ reason: "no-dataset" });
    expect(snap.history.losses.length).toBeGreaterThan(10);
    expect(snap.loss).toBeLessThan(snap.history.losses[0] / 10);
  });
});

describe("apply trained tensor params", () => {
  it("seed 000: each randn([...]) initialiser becomes a tensor literal; the edited file evaluates to the trained values", async () => {
    const { session, snap } = await runToEnd(documentConfig(SEED000, { lr: 1, steps: 300 }));
    const values = session.problem.store.snapshot();
    const { edits, skipped } = applyEdits(SEED000, values, session.problem.store.names);
    expect(skipped).toEqual([]);
    expect(edits.map((e) => SEED000.slice(e.start, e.end))).toEqual(["randn([inputSize, hiddenSize])", "randn([hiddenSize, numClasses])"]);
    expect(edits[1].newText).toBe(`tensor([[${values[6]}], [${values[7]}], [${values[8]}]])`);
    const edited = applyToText(SEED000, edits);
    const doc = evaluateDocument(edited);
    expect(doc.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(Array.from(doc.store.snapshot())).toEqual(Array.from(values));
    expect(doc.store.names).toEqual(session.problem.store.names);
    expect(doc.value).toBe(snap.loss);
  });

  it("a tensor param made by one call several times is skipped per element, not corrupted", () => {
    const text = `const mk = () => param(randn([1, 2]));\nconst a = mk();\nconst b = mk();\nconst loss = sum(a * b);\n`;
    const r = applyEdits(text, [1, 2, 3, 4]);
    expect(r.edits).toEqual([]);
    expect(r.skipped).toHaveLength(4);
    expect(r.skipped.every((s) => s.reason === "one param(...) call made 2 tensor params")).toBe(true);
  });

  it("writes rank-1 tensor params and skips a tensor with a non-finite element", () => {
    const text = `const v = param(zeros([3]));\nconst loss = sum(v * v);\n`;
    expect(applyToText(text, applyEdits(text, [1, -2, 0.5]).edits)).toBe(`const v = param(tensor([1, -2, 0.5]));\nconst loss = sum(v * v);\n`);
    const bad = applyEdits(text, [1, NaN, 0.5]);
    expect(bad.edits).toEqual([]);
    expect(bad.skipped.map((s) => s.name)).toEqual(["v[0]", "v[1]", "v[2]"]);
    expect(tensorLiteral([2, 2], [1, 2, 3, 4])).toBe("tensor([[1, 2], [3, 4]])");
  });
});

describe("predicting with tensor models", () => {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));

  it("seed 000: model.forward(tensor([xs])) is sigmoid(sigmoid(xs·W1)·W2) at the store's values", () => {
    const d = evaluateDocument(SEED000), store = d.trainingStore(), v = store.values;
    const W1 = (i: number, j: number) => v[i * 3 + j], W2 = (j: number) => v[6 + j];
    for (const xs of [[1, 0], [0.25, 0.75]]) {
      const hidden = [0, 1, 2].map((j) => sig(xs[0] * W1(0, j) + xs[1] * W1(1, j)));
      const want = sig(hidden.reduce((s, h, j) => s + h * W2(j), 0));
      expect(d.predict(store, xs)).toBeCloseTo(want, 12);
    }
  });

  it("a function of one tensor gets a row when plain numbers fail", () => {
    const text = "const W = param(tensor([[0.5], [-2]]));\nfunction forward(x) { return sigmoid(matmul(x, W)); }\nconst loss = sum(forward(tensor([[1, 1]])));\n";
    const d = evaluateDocument(text);
    expect(d.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(d.predict(d.trainingStore(), [1, 0])).toBeCloseTo(sig(0.5), 12);
    expect(d.predict(d.trainingStore(), [0, 1])).toBeCloseTo(sig(-2), 12);
  });
});
