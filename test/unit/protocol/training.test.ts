// Runs on Node (vitest): the training view's messages: real snapshots (a finished run, a diverged one, a tensor
// file, a comparison) survive the wire and pass the webview's guard; malformed messages either way are refused.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSnapshot, defaultForm, trainChoices, trainingSnapshot } from "../../../src/extension/training/view-model";
import { isFromTrainingView, isToTrainingView, type FromTrainingView, type ToTrainingView } from "../../../src/protocol/training";
import { decodeNumbers, encodeNumbers } from "../../../src/protocol/wire";
import { Comparison, TrainingSession, presetConfig } from "../../../src/train";
import { documentConfig } from "../train/helpers";

const wire = (m: ToTrainingView): unknown => decodeNumbers(JSON.parse(JSON.stringify(encodeNumbers(m))));

/** A file whose loss goes to Infinity/NaN under a large learning rate: a snapshot full of non-finite numbers. */
function diverged() {
  const s = new TrainingSession(documentConfig("const w = param(0.5);\nconst loss = (w * 3 - 2) ** 2;\n", { lr: 10, steps: 2000 }));
  while (s.state !== "done") s.stepOnce();
  return trainingSnapshot(s);
}

describe("training messages, extension -> webview", () => {
  it("snapshots, a comparison, the form and its choices arrive equal and pass the guard", async () => {
    const done = new TrainingSession(presetConfig("AND"));
    for (let i = 0; i < 20; i++) done.stepOnce();
    const seed000 = readFileSync(join(__dirname, "../../../examples/seed000-xor.nn.ts"), "utf8");
    const tensors = new TrainingSession(documentConfig(seed000, { steps: 3 }));
    const nan = diverged();
    expect(nan.verdict).toMatchObject({ kind: "not-converged", reason: "diverged" });
    expect(Number.isFinite(nan.loss)).toBe(false);
    const config = presetConfig("XOR");
    config.settings.steps = 20;
    const c = new Comparison(config, () => {});
    await c.run();
    const messages: ToTrainingView[] = [
      { type: "form", form: defaultForm("AND"), choices: trainChoices(), document: { label: "a.nn.ts" }, graph: true },
      { type: "snapshot", snapshot: trainingSnapshot(done) }, { type: "snapshot", snapshot: trainingSnapshot(tensors) },
      { type: "snapshot", snapshot: nan }, { type: "compare", compare: compareSnapshot(c) },
      { type: "applied", edits: 2, skipped: ["w (why)"] }, { type: "error", message: "bad" },
    ];
    // The gate's rows give an accuracy (issue 17): it goes over the wire like the rest.
    expect(trainingSnapshot(done).accuracy).toMatchObject({ total: 4, classes: 2 });
    for (const m of messages) {
      const back = wire(m);
      expect(isToTrainingView(back), m.type).toBe(true);
      expect(back).toEqual(m);
    }
  });

  it("refuses unknown types and snapshots or forms whose fields the view reads are wrong", () => {
    const snap = trainingSnapshot(new TrainingSession(presetConfig("AND")));
    const form = { type: "form", form: defaultForm(), choices: trainChoices() };
    const bad: unknown[] = [
      null, { type: "eval" }, { type: "snapshot" }, { type: "snapshot", snapshot: { ...snap, state: "exploded" } },
      { type: "snapshot", snapshot: { ...snap, history: { steps: [0], losses: ["1"] } } },
      { type: "snapshot", snapshot: { ...snap, params: [{ kind: "tensor", name: "W" }] } },
      { type: "snapshot", snapshot: { ...snap, verdict: { kind: "learned" } } },
      { type: "snapshot", snapshot: { ...snap, verdict: { kind: "not-converged", reason: "bored", message: "m" } } },
      { type: "snapshot", snapshot: { ...snap, notes: "one" } },
      { type: "snapshot", snapshot: { ...snap, accuracy: { correct: 3, total: "4", classes: 2 } } },
      { type: "snapshot", snapshot: { ...snap, accuracy: { correct: 0.5, total: 4, classes: 2 } } },
      { type: "snapshot", snapshot: { ...snap, grid: { size: 1, values: [0], box: [0, 1] } } },
      { type: "snapshot", snapshot: { ...snap, grid: { size: 1, values: [0], classes: 3, points: [["1", 2, 0]] } } },
      { type: "snapshot", snapshot: { ...snap, fullHistory: { steps: [0], losses: [null] } } },
      { type: "compare", compare: { runs: [{ method: "backprop" }], maxLossDiff: 0, done: true } },
      { ...form, choices: undefined }, { ...form, form: { ...defaultForm(), lr: 1 } }, { ...form, form: { ...defaultForm(), source: "disk" } },
      { type: "applied", edits: 1 }, { type: "error", message: 3 },
    ];
    for (const m of bad) expect(isToTrainingView(m), JSON.stringify(m)?.slice(0, 80)).toBe(false);
  });
});

describe("training messages, webview -> extension", () => {
  it("accepts every well-formed message and refuses malformed ones", () => {
    const form = defaultForm();
    const good: FromTrainingView[] = [
      { type: "ready" }, { type: "train", form }, { type: "pause" }, { type: "step", form }, { type: "reset", form },
      { type: "compare", form }, { type: "apply" }, { type: "trainFile" }, { type: "showGraph" },
    ];
    for (const m of good) expect(isFromTrainingView(m), m.type).toBe(true);
    const bad: unknown[] = [
      "train", { type: "train" }, { type: "train", form: { ...form, steps: 2000 } }, { type: "step", form: null },
      { type: "compare", form: { dataset: "XOR" } }, { type: "delete" }, { type: "hasOwnProperty" },
    ];
    for (const m of bad) expect(isFromTrainingView(m), JSON.stringify(m)).toBe(false);
  });
});
