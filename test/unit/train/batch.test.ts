// Runs in vitest (Node): train({ batch }): each step sees one mini-batch of the file's data sets, every row once an
// epoch in an order the file's seed fixes; the loss curve is the batch loss, the full-data loss beside it; the
// accuracy, predictions and final loss take all rows.
import { describe, expect, it } from "vitest";
import { batchRows } from "../../../src/notation/datasets";
import { DEFAULT_SETTINGS, TrainingSession, settingsFromFile } from "../../../src/train";
import { trainingSnapshot } from "../../../src/extension/training/view-model";
import { evaluateDocument } from "../../../src/notation";
import { documentConfig, runToEnd } from "./helpers";

const FILE = (seed: number, batch = 16) => `seed(${seed});
const [X, y] = moons(64, { noise: 0.1, seed: 3, tensors: true });
const W1 = param(randn([2, 16])), b1 = param(zeros(1, 16)), W2 = param(randn([16, 2])), b2 = param(zeros(1, 2));
const loss = crossEntropy(matmul(tanh(matmul(X, W1) + b1), W2) + b2, y);
train({ lr: 0.05, steps: 300, optimizer: "adam", batch: ${batch} });
`;

function config(text: string) {
  const d = evaluateDocument(text);
  return documentConfig(text, settingsFromFile(d.train, DEFAULT_SETTINGS));
}

describe("mini-batches", () => {
  it("batchRows: every row once an epoch, the last batch shorter, a new order each epoch", () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    const epoch = (e: number) => [0, 1, 2].map((k) => batchRows(rows, { size: 4, step: 3 * e + k }, 7));
    const [a, b] = [epoch(0), epoch(1)];
    expect(a.map((x) => x.length)).toEqual([4, 4, 2]);
    expect(a.flat().sort((p, q) => p - q)).toEqual(rows);
    expect(b.flat().sort((p, q) => p - q)).toEqual(rows);
    expect(a.flat()).not.toEqual(b.flat());
    expect(epoch(0)).toEqual(a);
    expect(batchRows(rows, { size: 4, step: 0 }, 8)).not.toEqual(a[0]);
  });

  it("train({ batch }) reaches the run's settings; a bad batch is a positioned error", () => {
    expect(settingsFromFile(evaluateDocument(FILE(1)).train, DEFAULT_SETTINGS).batch).toBe(16);
    // The training view's form has no batch field: the file's own applies there.
    expect(new TrainingSession(documentConfig(FILE(1), { steps: 2 })).problem.batch).toBe(16);
    const e = evaluateDocument("const w = param(1);\nconst loss = w * w;\ntrain({ batch: 0 });\n").diagnostics.find((d) => d.severity === "error");
    expect(e?.line).toBe(3);
  });

  it("trains on batches: batch losses vary, the full-data curve is beside them, the accuracy takes all rows", async () => {
    const { session, snap } = await runToEnd(config(FILE(1)));
    expect(session.problem.batch).toBe(16);
    expect(snap.fullHistory?.steps[0]).toBe(0);
    expect(snap.fullHistory?.steps.at(-1)).toBe(300);
    const full = snap.fullHistory!.losses;
    expect(full.at(-1)!).toBeLessThan(full[0] / 4);
    expect(snap.accuracy?.total).toBe(64);
    expect(snap.accuracy!.correct / 64).toBeGreaterThan(0.9);
    // The final loss is the full data's, the same number the full curve ends with.
    expect(session.loss).toBeCloseTo(full.at(-1)!, 12);
    expect(session.notes.join(" ")).toMatch(/mini-batches of 16 rows/);
    // Four batches an epoch: the batch losses are not the full loss.
    const h = session.history();
    expect(new Set(h.losses.slice(0, 8)).size).toBe(8);
  });

  it("a single step samples the full-data loss it just evaluated, the same as evaluating it again", () => {
    const session = new TrainingSession(config(FILE(1)));
    session.stepOnce();
    session.stepOnce();
    const full = session.full.points()!;
    expect(full.steps).toEqual([0, 1, 2]);
    expect(full.losses.at(-1)).toBe(session.loss);
    expect(session.problem.trainer.loss()).toBe(session.loss);
  });

  it("the file's seed fixes the order: the same seed the same run, another seed another", async () => {
    const a = (await runToEnd(config(FILE(1)))).session.history().losses;
    const b = (await runToEnd(config(FILE(1)))).session.history().losses;
    const c = (await runToEnd(config(FILE(2)))).session.history().losses;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("rows for the scalar notation are batched too; without batch every step takes all rows", async () => {
    const text = (batch: string) => `const w = param(0.1), b = param(0);
let loss = 0;
for (const [p, q, y] of blobs(12, { centers: [[0, 0], [4, 4]], std: 0.3, seed: 1 })) loss += (w * (p + q) + b - y) ** 2;
train({ lr: 0.01, steps: 6${batch} });
`;
    const batched = (await runToEnd(config(text(", batch: 4")))).session;
    expect(trainingSnapshot(batched).fullHistory).toBeDefined();
    const whole = (await runToEnd(config(text("")))).session;
    expect(trainingSnapshot(whole).fullHistory).toBeUndefined();
    expect(whole.problem.batch).toBeUndefined();
  });
});
