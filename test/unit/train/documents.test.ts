// Runs in vitest (Node): training a `.nn.ts` document through the notation: replay equals re-evaluation, the
// tutorial's file trains exactly like the preset, divergence is detected, and file errors are clear messages.
import { describe, expect, it } from "vitest";
import { ParamStore, Trainer, sgd } from "../../../src/engine";
import { evaluateDocument } from "../../../src/notation";
import { TrainingSession, buildProblem, presetConfig, settingsFromFile, DEFAULT_SETTINGS } from "../../../src/train";
import { CLASS_NET, MICROGRAD } from "../class-models";
import { MLP_FILE, XOR_FILE, documentConfig, runToEnd, scalarValues } from "./helpers";

describe("documents", () => {
  it("replaying the tape gives the same losses and params as re-evaluating the file every step", () => {
    const doc = evaluateDocument(XOR_FILE);
    expect(doc.replaySafe).toBe(true);
    const run = (replay: boolean): { losses: number[]; store: ParamStore } => {
      const store = doc.trainingStore();
      const t = new Trainer(doc.objective!, store, { optimizer: sgd(1), replay });
      const losses: number[] = [];
      for (let i = 0; i < 300; i++) losses.push(t.step());
      return { losses, store };
    };
    const replayed = run(true), rerun = run(false);
    expect(replayed.losses).toEqual(rerun.losses);
    expect(Array.from(replayed.store.snapshot())).toEqual(Array.from(rerun.store.snapshot()));
    expect(buildProblem(documentConfig(XOR_FILE)).trainer.replay).toBe(true);
  });

  it("the tutorial's XOR file trains to exactly the preset's numbers (same seed, same init order)", async () => {
    const file = await runToEnd(documentConfig(XOR_FILE));
    const preset = await runToEnd(presetConfig("XOR"));
    expect(file.snap.loss).toBe(preset.snap.loss);
    // Same arithmetic up to the order of a few additions (the file writes out what the engine's linear node sums).
    const presetValues = scalarValues(preset.snap);
    scalarValues(file.snap).forEach((v, i) => expect(Math.abs(v - presetValues[i])).toBeLessThan(1e-12));
    expect(file.snap.verdict).toEqual(preset.snap.verdict);
    expect(file.snap.predictions?.every((r) => r.right)).toBe(true);
    expect(file.snap.params.map((p) => p.name)).toEqual(["w1[0]", "w1[1]", "b1", "w2[0]", "w2[1]", "b2", "w3[0]", "w3[1]", "b3"]);
    expect(file.snap.notes.join(" ")).toMatch(/replaying the recorded tape/);
    expect(file.snap.grid?.values.length).toBeGreaterThan(0);
  });

  it("the built-in mlp file (example 6) learns XOR", async () => {
    const { snap } = await runToEnd(documentConfig(MLP_FILE));
    expect(snap.verdict?.kind, snap.verdict?.message).toBe("learned");
    expect(snap.paramCount).toBe(9);
  });

  it("a file whose control flow reads a param falls back to re-evaluation, says so, and still trains", async () => {
    const text = `const w = param(3);\nlet loss = 0;\nif (w > 0) loss = (w - 1) ** 2; else loss = (w + 1) ** 2;\n`;
    const problem = buildProblem(documentConfig(text));
    expect(problem.trainer.replay).toBe(false);
    expect(problem.notes.join(" ")).toMatch(/re-evaluating the file every step/);
    const { snap } = await runToEnd(documentConfig(text, { lr: 0.1, steps: 200 }));
    expect(scalarValues(snap)[0]).toBeCloseTo(1, 6);
    expect(snap.verdict).toMatchObject({ reason: "no-dataset" });
  });

  it("a learning rate so large the loss goes to Infinity/NaN is detected and named", async () => {
    const text = `const w = param(0.5);\nconst loss = (w * 3 - 2) ** 2;\n`;
    const { snap } = await runToEnd(documentConfig(text, { lr: 10, steps: 2000 }));
    expect(snap.state).toBe("done");
    expect(snap.step).toBeLessThan(2000);
    expect(Number.isFinite(snap.loss)).toBe(false);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "diverged" });
    expect(snap.verdict?.message).toMatch(/diverged to (NaN|Infinity|-Infinity).*learning rate 10 is too large/);
  });

  it("finite differences on the file agree with backprop on the loss curve", async () => {
    const bp = await runToEnd(documentConfig(XOR_FILE, { steps: 300 }));
    const fd = await runToEnd(documentConfig(XOR_FILE, { steps: 300, method: "finite-difference" }));
    expect(fd.snap.history.steps).toEqual(bp.snap.history.steps);
    fd.snap.history.losses.forEach((l, i) => expect(Math.abs(l - bp.snap.history.losses[i])).toBeLessThan(1e-3));
  });

  it("the file's train({...}) settings become the session settings", () => {
    const doc = evaluateDocument(`const w = param(1);\nconst loss = w ** 2;\ntrain({ lr: 0.25, steps: 70, method: "finite-difference", optimizer: "adam", eps: 1e-6 });\n`);
    const s = settingsFromFile(doc.train, DEFAULT_SETTINGS);
    expect(s).toEqual({ ...DEFAULT_SETTINGS, lr: 0.25, steps: 70, method: "finite-difference", optimizer: "adam", eps: 1e-6 });
    expect(settingsFromFile(undefined, DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it("a file with an error, or with nothing to train, is refused with a message and its position", () => {
    expect(() => new TrainingSession(documentConfig("const w = param(1);\nconst loss = w * ;\n"))).toThrow(/test\.nn\.ts:2:\d+: /);
    expect(() => new TrainingSession(documentConfig("const loss = 3 * 4;\n"))).toThrow(/no param/);
    expect(() => new TrainingSession(documentConfig("const s = \"text\";\n"))).toThrow(/no target|no param/);
  });
});

describe("verdicts that follow the loss (issue 15)", () => {
  it("a loss at 0 with rows the file's model gets wrong is not \"stuck\": the rows disagree with the loss", async () => {
    // forward answers 0.5 whatever the params: rows with target 0 round wrong while the loss goes to 0.
    const text = "const w = param(1);\nfunction forward(p, q) { return 0.5; }\nconst rows = XOR;\nconst loss = w * w;\n";
    const { snap, session } = await runToEnd(documentConfig(text, { lr: 0.5, steps: 50 }));
    expect(session.loss).toBe(0);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "rows-disagree" });
    expect(snap.verdict?.message).toMatch(/^the loss reached 0 after 50 steps, yet some rows do not round to their targets/);
  });
});

describe("class-based models train as the view trains them (issue 15)", () => {
  it("a class whose forward takes the inputs as arguments: predictions from it, every row right", async () => {
    const { snap } = await runToEnd(documentConfig(CLASS_NET));
    expect(snap.predictions?.map((r) => r.right)).toEqual([true, true, true, true]);
    expect(snap.verdict).toMatchObject({ kind: "learned", step: 226 });
  });

  it("a micrograd-style model whose forward takes one array learns XOR", async () => {
    const { snap } = await runToEnd(documentConfig(MICROGRAD, { lr: 0.05 }));
    expect(snap.predictions?.every((r) => Number.isFinite(r.output) && r.right)).toBe(true);
    expect(snap.verdict?.kind).toBe("learned");
  });
});
