// Runs in vitest (Node): backprop and finite differences on the same network give the same loss curve within
// tolerance; finite differences is slower (P + 1 evaluations per step instead of one forward and one backward).
import { describe, expect, it } from "vitest";
import { compareSnapshot } from "../../../src/extension/training/view-model";
import { Comparison, presetConfig, type TrainConfig } from "../../../src/train";
import type { CompareSnapshot } from "../../../src/view/training";

/** Runs a comparison to its end and returns what the view last got of it. */
async function compare(config: TrainConfig, seen: CompareSnapshot[] = []): Promise<{ c: Comparison; r: CompareSnapshot }> {
  const c = new Comparison(config, (x) => seen.push(compareSnapshot(x)));
  await c.run();
  return { c, r: seen[seen.length - 1] };
}

describe("backprop vs finite differences", () => {
  it("same loss curve on XOR 2-2-1 within 1e-3, both learn", async () => {
    const seen: CompareSnapshot[] = [];
    const { c, r } = await compare(presetConfig("XOR"), seen);
    expect(r.done).toBe(true);
    expect(r.runs.map((x) => x.method)).toEqual(["backprop", "finite-difference"]);
    expect(r.runs.map((x) => x.step)).toEqual([2000, 2000]);
    expect(r.maxLossDiff).toBeLessThan(1e-3);
    expect(r.maxLossDiff).toBeGreaterThan(0); // forward differences are not exact: a real comparison, not a copy
    expect(Math.abs(r.runs[0].finalLoss - r.runs[1].finalLoss)).toBeLessThan(1e-4);
    expect(c.sessions.every((s) => s.verdict?.kind === "learned")).toBe(true);
    expect(seen.length).toBeGreaterThan(2);
  });

  // How much slower finite differences runs is a benchmark's question (bench/training.ts), not a timed test's.
  it("on a 2-16-16-1 network (337 params) both methods agree within 1e-3 and run every step", async () => {
    const config = presetConfig("XOR");
    config.source = { kind: "preset", dataset: "XOR", hidden: [16, 16], activation: "tanh", loss: "mse" };
    config.settings = { ...config.settings, steps: 80, lr: 0.1 };
    const { r } = await compare(config);
    expect(r.maxLossDiff).toBeLessThan(1e-3);
    expect(r.maxLossDiff).toBeGreaterThan(0);
    expect(r.runs.map((x) => [x.method, x.step])).toEqual([["backprop", 80], ["finite-difference", 80]]);
  });

  it("cancel stops both runs", async () => {
    const config = presetConfig("XOR");
    config.settings.steps = 5_000_000;
    const seen: CompareSnapshot[] = [];
    const c = new Comparison(config, (x) => seen.push(compareSnapshot(x)));
    const done = c.run();
    await new Promise((r) => setTimeout(r, 30));
    c.cancel();
    await done;
    const r = seen[seen.length - 1];
    expect(r.done).toBe(true);
    expect(r.runs.map((x) => x.state)).toEqual(["cancelled", "cancelled"]);
    expect(r.runs[0].step).toBeLessThan(5_000_000);
  });
});
