// Runs in vitest (Node): verdict rules, linear separability, loss-history downsampling and settings validation.
import { describe, expect, it } from "vitest";
import { datasets } from "../../../src/engine";
import {
  LossHistory, SettingsError, linearlySeparable, nearZero, parseHidden, parsePresetSource, parseSettings, verdictOf, DEFAULT_SETTINGS,
  type Verdict, type VerdictInput,
} from "../../../src/train";

const reason = (v: Verdict): string => (v.kind === "learned" ? v.kind : v.reason);

const base: VerdictInput = {
  steps: 100, learnedAt: undefined, hasRows: true, rows: datasets.XOR, singleNeuron: false, divergedAt: undefined,
  lr: 1, initialLoss: 1.4, losses: [1.4, 1, 0.9, 0.8, 0.7, 0.6], finalLoss: 0.6, dataset: "XOR",
};

describe("verdict", () => {
  it("orders reasons: diverged, learned, not separable, more steps, stuck", () => {
    expect(verdictOf({ ...base, divergedAt: 12, finalLoss: NaN }))
      .toEqual({ kind: "not-converged", reason: "diverged", how: "non-finite", step: 12, initialLoss: 1.4, loss: NaN, lr: 1 });
    expect(verdictOf({ ...base, learnedAt: 40 })).toEqual({ kind: "learned", step: 40 });
    expect(reason(verdictOf({ ...base, singleNeuron: true }))).toBe("not-separable");
    expect(reason(verdictOf({ ...base, singleNeuron: true, rows: datasets.AND }))).toBe("more-steps");
    expect(reason(verdictOf({ ...base, losses: [1.4, 0.6, 0.5, 0.5, 0.5, 0.5], finalLoss: 0.5 }))).toBe("stuck");
    expect(reason(verdictOf({ ...base, hasRows: false, rows: undefined }))).toBe("no-dataset");
    expect(verdictOf({ ...base, finalLoss: 2, losses: [1.4, 2, 2, 2, 2, 2] }))
      .toEqual({ kind: "not-converged", reason: "diverged", how: "rose", step: 100, initialLoss: 1.4, loss: 2, lr: 1 });
    expect(verdictOf({ ...base, singleNeuron: true })).toEqual({ kind: "not-converged", reason: "not-separable", step: 100, loss: 0.6, dataset: "XOR" });
  });

  it("follows the loss (issue 15): a loss of about 0 is never stuck, still falling, not separable or diverged", () => {
    // The training view said "stuck" at loss 0: rows judged by a model the loss does not measure.
    const zero = { ...base, losses: [1.4, 0.2, 1e-9, 0, 0, 0], finalLoss: 0 };
    expect(verdictOf(zero)).toEqual({ kind: "not-converged", reason: "rows-disagree", step: 100, loss: 0 });
    expect(reason(verdictOf({ ...zero, finalLoss: 1e-7, losses: [1.4, 1e-3, 1e-5, 1e-6, 3e-7, 1e-7] }))).toBe("rows-disagree");
    expect(reason(verdictOf({ ...zero, singleNeuron: true }))).toBe("rows-disagree");
    // A loss about 0 that rose from an even smaller one did not diverge.
    expect(reason(verdictOf({ ...zero, initialLoss: 1e-12, finalLoss: 1e-9, losses: [1e-12, 1e-9] }))).toBe("rows-disagree");
    // With every row right it learned, whatever the loss did; with no rows, the loss is all there is.
    expect(reason(verdictOf({ ...zero, learnedAt: 7 }))).toBe("learned");
    expect(reason(verdictOf({ ...base, learnedAt: 7, finalLoss: 2, losses: [1.4, 2] }))).toBe("learned");
    expect(reason(verdictOf({ ...zero, hasRows: false, rows: undefined }))).toBe("no-dataset");
    // Not about 0: the reasons before.
    expect(reason(verdictOf({ ...base, finalLoss: 0.5, losses: [1.4, 0.6, 0.5, 0.5, 0.5, 0.5] }))).toBe("stuck");
    expect(reason(verdictOf({ ...base, finalLoss: 1e-3, losses: [1.4, 0.5, 0.1, 0.01, 3e-3, 1e-3] }))).toBe("more-steps");
  });

  it("nearZero: within 1e-8, or a millionth of the initial loss", () => {
    expect(nearZero(0, 1)).toBe(true);
    expect(nearZero(5e-9, 1)).toBe(true);
    expect(nearZero(1e-6, 4)).toBe(true);
    expect(nearZero(1e-5, 4)).toBe(false);
    expect(nearZero(0.25, 1.4)).toBe(false);
    expect(nearZero(NaN, 1)).toBe(false);
    expect(nearZero(-1, 1)).toBe(false);
  });

  it("XOR and XNOR are the only gates no line separates", () => {
    expect(linearlySeparable(datasets.XOR)).toBe(false);
    expect(linearlySeparable(datasets.XOR.map((r) => [r[0], r[1], 1 - r[2]]))).toBe(false);
    for (const d of ["AND", "OR", "NAND"] as const) expect(linearlySeparable(datasets[d])).toBe(true);
  });
});

describe("loss history", () => {
  it("stays within capacity, keeps step 0 and the latest step, and spreads points evenly", () => {
    const h = new LossHistory(100);
    for (let i = 0; i < 10_000; i++) h.add(i, 1 / (i + 1));
    const { steps, losses } = h.points();
    expect(steps.length).toBeLessThanOrEqual(101);
    expect(steps.length).toBeGreaterThanOrEqual(50);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(9999);
    const gaps = new Set(steps.slice(1, -1).map((s, i) => s - steps[i]));
    expect(gaps.size).toBe(1);
    steps.forEach((s, i) => expect(losses[i]).toBe(1 / (s + 1)));
  });
});

describe("settings validation", () => {
  it("fills defaults and accepts strings from a form", () => {
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ lr: "0.5", steps: "300", optimizer: "adam", method: "finite-difference", seed: "7", eps: "1e-6" }))
      .toEqual({ lr: 0.5, steps: 300, optimizer: "adam", method: "finite-difference", seed: 7, eps: 1e-6 });
    expect(parsePresetSource({ dataset: "XOR", hidden: "16, 16", activation: "tanh", loss: "bce" }))
      .toEqual({ kind: "preset", dataset: "XOR", hidden: [16, 16], activation: "tanh", loss: "bce" });
    expect(parseHidden("0")).toEqual([]);
    expect(parseHidden("")).toEqual([]);
  });

  it("rejects bad values with a message naming the setting", () => {
    expect(() => parseSettings({ lr: -1 })).toThrow(SettingsError);
    expect(() => parseSettings({ lr: "abc" })).toThrow(/learning rate must be a positive number/);
    expect(() => parseSettings({ steps: 1.5 })).toThrow(/steps must be an integer/);
    expect(() => parseSettings({ optimizer: "rmsprop" })).toThrow(/optimizer must be one of sgd, momentum, adam/);
    expect(() => parsePresetSource({ dataset: "NOR" })).toThrow(/dataset/);
    expect(() => parseHidden("2,0")).toThrow(/0 means no hidden layer/);
    expect(() => parseHidden("1000")).toThrow(/hidden size/);
    expect(() => parseSettings(null)).toThrow(/settings is missing/);
  });
});
