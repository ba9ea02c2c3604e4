// Runs in vitest (Node): accuracy on classification data: argmax against class labels when the loss is crossEntropy
// or nll (multi-class), the prediction rows' 0.5 threshold otherwise (the gates, 0/1 tensors), none without data;
// a load(...) in a trained file reads the files handed to the run, never the disk.
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine";
import { TrainingSession, labelAccuracy, presetConfig } from "../../../src/train";
import { documentConfig, runToEnd } from "./helpers";

describe("accuracy", () => {
  it("labelAccuracy: each row's argmax against its label (the first maximum on a tie)", () => {
    const t = new Tape();
    const logits = t.tensorConst({ shape: [4, 3], data: Float64Array.from([3, 1, 0, 0, 2, 1, 5, 5, 0, 0, 0, 1]) });
    const labels = t.tensorConst({ shape: [4], data: Float64Array.from([0, 2, 0, 2]) });
    const loss = t.crossEntropy(logits, labels);
    expect(labelAccuracy(t, loss)).toEqual({ correct: 3, total: 4, classes: 3 });
    const t2 = new Tape(), x = t2.tensorConst({ shape: [2, 2], data: Float64Array.from([0, 1, 2, 3]) });
    expect(labelAccuracy(t2, t2.sum(x))).toBeUndefined();
  });

  it("a file trained on crossEntropy: multi-class accuracy at the trained params", async () => {
    const { session } = await runToEnd(documentConfig(`seed(1);
const [X, y] = blobs(60, { centers: [[-3, 0], [3, 0], [0, 4]], std: 0.5, seed: 2, tensors: true });
const W = param(zeros(2, 3)), b = param(zeros(1, 3));
const loss = crossEntropy(matmul(X, W) + b, y);
`, { optimizer: "adam", lr: 0.1, steps: 150 }));
    const before = new TrainingSession(session.config).accuracy();
    expect(before).toEqual({ correct: 20, total: 60, classes: 3 });
    expect(session.accuracy()).toEqual({ correct: 60, total: 60, classes: 3 });
    // 60 rows: too many for a table (each row re-runs the model).
    expect(session.predictions()).toBeUndefined();
  });

  it("small multi-class data gets a predictions table: the class picked for each row against its label", async () => {
    const { session } = await runToEnd(documentConfig(`seed(1);
const [X, y] = blobs(12, { centers: [[-3, 0], [3, 0], [0, 4]], std: 0.5, seed: 2, tensors: true });
const W = param(zeros(2, 3)), b = param(zeros(1, 3));
const model = (x) => matmul(x, W) + b;
const loss = crossEntropy(model(X), y);
`, { optimizer: "adam", lr: 0.1, steps: 150 }));
    const rows = session.predictions() ?? [];
    expect(rows.length).toBe(12);
    expect(rows.every((r) => r.inputs.length === 2 && [0, 1, 2].includes(r.target) && r.output === r.target && r.right)).toBe(true);
    expect(new Set(rows.map((r) => r.target)).size).toBe(3);
    expect(session.accuracy()).toEqual({ correct: 12, total: 12, classes: 3 });
  });

  it("the XOR preset: rows by threshold 0.5; a file with no data: none", async () => {
    const { session } = await runToEnd(presetConfig("XOR"));
    expect(session.accuracy()).toEqual({ correct: 4, total: 4, classes: 2 });
    // Rows the caller already has are scored as given, not predicted again.
    const rows = session.predictions()!;
    expect(session.accuracy(rows)).toEqual({ correct: 4, total: 4, classes: 2 });
    expect(session.accuracy(rows.map((r) => ({ ...r, right: false })))).toEqual({ correct: 0, total: 4, classes: 2 });
    const none = new TrainingSession(documentConfig("const w = param(2);\nconst loss = (w - 1) ** 2;\n", { steps: 5 }));
    expect(none.accuracy()).toBeUndefined();
  });

  it("a run reads the files handed to it for load(...), and refuses any other", () => {
    const text = "const saved = load(\"w.json\");\nconst w = param(saved.w);\nconst loss = sum((w - 1) ** 2);\n";
    const config = documentConfig(text, { steps: 3 });
    const files = { ...config, source: { ...config.source, files: { "w.json": "{\"w[0]\": 3, \"w[1]\": 5}" } } } as typeof config;
    expect(new TrainingSession(files).loss).toBe(4 + 16);
    expect(() => new TrainingSession(config)).toThrow(/no files can be read here/);
    // The editor's worker hands a reader instead (the file's folder): it is asked for the path the file names.
    const asked: string[] = [];
    const read = { ...config, readFile: (path: string) => (asked.push(path), "{\"w[0]\": 2, \"w[1]\": 0}") };
    expect(new TrainingSession(read).loss).toBe(1 + 1);
    expect(asked[0]).toBe("w.json");
  });
});
