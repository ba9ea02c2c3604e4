// Runs in vitest (Node): every preset trains to the tutorial's result by backprop and by finite differences, and
// the verdict names the real reason when it does not.
import { describe, expect, it } from "vitest";
import { MLP, Trainer, datasetObjective, datasets, sgd } from "../../../src/engine";
import { presetConfig, type DatasetChoice, type MethodChoice } from "../../../src/train";
import { runToEnd, scalarValues } from "./helpers";

const PRESETS: DatasetChoice[] = ["AND", "OR", "XOR", "NAND"];
const METHODS: MethodChoice[] = ["backprop", "finite-difference"];

describe("presets", () => {
  for (const dataset of PRESETS) {
    for (const method of METHODS) {
      it(`${dataset} by ${method} learns with the default settings`, async () => {
        const config = presetConfig(dataset);
        config.settings.method = method;
        const { snap } = await runToEnd(config);
        expect(snap.state).toBe("done");
        expect(snap.step).toBe(2000);
        expect(snap.predictions).toHaveLength(4);
        for (const row of snap.predictions ?? []) {
          expect(Math.round(row.output)).toBe(row.target);
          expect(row.right).toBe(true);
        }
        expect(snap.verdict?.kind).toBe("learned");
        expect(snap.loss).toBeLessThan(0.01);
        expect(snap.grid?.size).toBe(24);
        expect(snap.grid?.values).toHaveLength(24 * 24);
      });
    }
  }

  it("defaults are the tutorial's: XOR on 2-2-1 (9 params), AND on one neuron (3 params)", async () => {
    const xor = await runToEnd(presetConfig("XOR"));
    expect(xor.snap.paramCount).toBe(9);
    expect(xor.snap.label).toBe("XOR 2-2-1 sigmoid, sse");
    const and = await runToEnd(presetConfig("AND"));
    expect(and.snap.paramCount).toBe(3);
    expect(and.snap.params.map((p) => p.name)).toEqual(["L1.N1.w[0]", "L1.N1.w[1]", "L1.N1.b"]);
  });

  it("the session's final loss is the engine's own for the same model, seed and steps", async () => {
    const { snap } = await runToEnd(presetConfig("XOR"));
    const model = new MLP(2, [2, 1], { activation: "sigmoid", output: "sigmoid", seed: 1 });
    const t = new Trainer(datasetObjective(model, datasets.XOR, "sse"), model.store, { optimizer: sgd(1) });
    for (let i = 0; i < 2000; i++) t.step();
    expect(snap.loss).toBe(t.loss());
    expect(scalarValues(snap)).toEqual(Array.from(model.store.snapshot()));
  });

  it("learned in N steps is the first step from which every row rounds right", async () => {
    const { snap } = await runToEnd(presetConfig("XOR"));
    const n = snap.verdict?.kind === "learned" ? snap.verdict.step : -1;
    expect(n).toBeGreaterThan(0);
    const at = (steps: number) => {
      const model = new MLP(2, [2, 1], { seed: 1 });
      const t = new Trainer(datasetObjective(model, datasets.XOR, "sse"), model.store, { optimizer: sgd(1) });
      for (let i = 0; i < steps; i++) t.step();
      return datasets.XOR.every((r) => Math.round(model.predict(r.slice(0, 2))[0]) === r[2]);
    };
    expect(at(n)).toBe(true);
    expect(at(n - 1)).toBe(false);
    expect(snap.verdict?.message).toContain(`learned in ${n} steps`);
  });

  it("a single neuron on XOR does not converge, and the verdict says it is not linearly separable", async () => {
    const config = presetConfig("XOR");
    config.source = { kind: "preset", dataset: "XOR", hidden: [], activation: "sigmoid", loss: "sse" };
    const { snap } = await runToEnd(config);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "not-separable" });
    expect(snap.verdict?.message).toMatch(/single neuron cannot represent XOR/);
    expect(snap.predictions?.some((r) => !r.right)).toBe(true);
  });

  it("a stuck 2-2-1 seed is reported as stuck, not hidden", async () => {
    // Seed 2 settles at a loss of about 0.5 with a row wrong (notation.md: say so when it gets stuck).
    const config = presetConfig("XOR");
    config.settings.seed = 2;
    const { snap } = await runToEnd(config);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "stuck" });
    expect(snap.loss).toBeGreaterThan(0.4);
  });

  it("too few steps: the verdict asks for more steps", async () => {
    const config = presetConfig("XOR");
    config.settings.steps = 60;
    const { snap } = await runToEnd(config);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "more-steps" });
  });

  it("a huge learning rate is called out as too large", async () => {
    const config = presetConfig("XOR");
    config.settings.lr = 1e6;
    const { snap } = await runToEnd(config);
    expect(snap.verdict).toMatchObject({ kind: "not-converged", reason: "diverged" });
    expect(snap.verdict?.message).toMatch(/learning rate 1000000 is too large/);
  });

  it("momentum and Adam also train XOR; other activations and losses build and run", async () => {
    for (const optimizer of ["momentum", "adam"] as const) {
      const config = presetConfig("XOR");
      config.settings = { ...config.settings, optimizer, lr: optimizer === "adam" ? 0.03 : 0.5 };
      const { snap } = await runToEnd(config);
      expect(snap.verdict?.kind, `${optimizer}: ${snap.verdict?.message}`).toBe("learned");
    }
    const config = presetConfig("XOR");
    config.source = { kind: "preset", dataset: "XOR", hidden: [4], activation: "tanh", loss: "bce" };
    config.settings = { ...config.settings, optimizer: "adam", lr: 0.05 };
    const { snap } = await runToEnd(config);
    expect(snap.label).toBe("XOR 2-4-1 tanh, bce");
    expect(snap.verdict?.kind, snap.verdict?.message).toBe("learned");
  });
});

describe("initial weights by activation and size (issue 15)", () => {
  const preset = (over: Record<string, unknown>, settings: Record<string, unknown> = {}) => {
    const config = presetConfig("XOR");
    config.source = { ...config.source, ...over } as typeof config.source;
    config.settings = { ...config.settings, ...settings };
    return config;
  };

  it("XOR 2-16-16-1 tanh learns in the default 2,000 steps for every seed 1 to 6", async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { snap } = await runToEnd(preset({ hidden: [16, 16], activation: "tanh" }, { seed }));
      expect(snap.verdict?.kind, `seed ${seed}`).toBe("learned");
    }
  });

  it("relu and wider sigmoid nets learn too (He and Glorot)", async () => {
    for (const activation of ["relu", "sigmoid"]) {
      const { snap } = await runToEnd(preset({ hidden: [16, 16], activation }));
      expect(snap.verdict?.kind, activation).toBe("learned");
    }
  });

  it("the tutorial's presets keep their uniform [0, 1) init and their numbers: XOR 2-2-1 in 226 steps, AND in 7", async () => {
    expect((await runToEnd(presetConfig("XOR"))).snap.verdict).toMatchObject({ kind: "learned", step: 226 });
    expect((await runToEnd(presetConfig("AND"))).snap.verdict).toMatchObject({ kind: "learned", step: 7 });
    const auto = await runToEnd(presetConfig("XOR")), explicit = await runToEnd(preset({ init: "uniform01" }));
    expect(scalarValues(explicit.snap)).toEqual(scalarValues(auto.snap));
  });

  it("an init chosen by name wins: the tutorial's uniform [0, 1) does not learn 2-16-16-1 tanh in 2,000 steps", async () => {
    const { snap } = await runToEnd(preset({ hidden: [16, 16], activation: "tanh", init: "uniform01" }));
    expect(snap.verdict?.kind).toBe("not-converged");
    expect(snap.label).toBe("XOR 2-16-16-1 tanh, sse, uniform01 init");
  });
});
