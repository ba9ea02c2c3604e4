// Runs in vitest (Node): run, pause, step, reset and cancel on a real session with the real event loop: training
// yields between time slices, so timers fire during a run and a pause lands within 100 ms.
import { describe, expect, it } from "vitest";
import { scalarGrads, scalarValues, trainingSnapshot } from "./helpers";
import { TrainingSession, presetConfig } from "../../../src/train";
import type { TrainingSnapshot } from "../../../src/view/training";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function longXor(steps = 5_000_000) {
  const config = presetConfig("XOR");
  config.settings.steps = steps;
  return config;
}

describe("controls", () => {
  it("pause takes effect within 100 ms, and timers keep firing while training runs", async () => {
    const snaps: TrainingSnapshot[] = [];
    const s = new TrainingSession(longXor(), { onChange: (x) => snaps.push(trainingSnapshot(x)) });
    s.run();
    expect(s.state).toBe("running");
    // A timer asked for in 30 ms must fire close to on time although training is running.
    const asked = performance.now();
    const fired = await new Promise<number>((r) => setTimeout(() => r(performance.now()), 30));
    expect(fired - asked).toBeLessThan(100);
    const before = s.step;
    expect(before).toBeGreaterThan(0);
    const t0 = performance.now();
    s.pause();
    await s.settled();
    expect(performance.now() - t0).toBeLessThan(100);
    expect(s.state).toBe("paused");
    const stopped = s.step;
    await sleep(60);
    expect(s.step).toBe(stopped);
    expect(snaps.at(-1)?.state).toBe("paused");
    expect(snaps.at(-1)?.stepsPerSecond).toBeGreaterThan(0);
    // Resume continues from where it stopped.
    s.run();
    await sleep(40);
    s.pause();
    expect(s.step).toBeGreaterThan(stopped);
    s.cancel();
  });

  it("change notices (snapshots) while running are throttled to at most 20 per second (plus state changes)", async () => {
    const snaps: TrainingSnapshot[] = [];
    const s = new TrainingSession(longXor(), { onChange: (x) => snaps.push(trainingSnapshot(x)) });
    s.run();
    await sleep(500);
    s.pause();
    const running = snaps.filter((x) => x.state === "running");
    expect(running.length).toBeGreaterThan(2);
    expect(running.length).toBeLessThanOrEqual(12);
    const steps = running.map((x) => x.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    s.cancel();
  });

  it("step takes exactly one step and leaves the session paused", () => {
    const s = new TrainingSession(presetConfig("XOR"));
    const first = trainingSnapshot(s);
    expect(first.step).toBe(0);
    s.stepOnce();
    s.stepOnce();
    s.stepOnce();
    const snap = trainingSnapshot(s);
    expect(snap.step).toBe(3);
    expect(snap.state).toBe("paused");
    expect(snap.history.steps).toEqual([0, 1, 2]);
    expect(snap.history.losses[0]).toBe(first.loss);
    expect(snap.loss).toBeLessThan(first.loss);
    const before = scalarValues(first);
    expect(scalarValues(snap).some((v, i) => v !== before[i])).toBe(true);
    expect(scalarGrads(snap).every((g) => Number.isFinite(g))).toBe(true);
  });

  it("stepping past the last step finishes with a verdict", () => {
    const config = presetConfig("AND");
    config.settings.steps = 3;
    const s = new TrainingSession(config);
    for (let i = 0; i < 5; i++) s.stepOnce();
    expect(s.step).toBe(3);
    expect(s.state).toBe("done");
    expect(trainingSnapshot(s).verdict).toBeDefined();
  });

  it("reset returns to the initial params, and a rerun repeats the same losses exactly", async () => {
    const s = new TrainingSession(presetConfig("XOR"));
    const initial = trainingSnapshot(s);
    s.run();
    await s.settled();
    const first = trainingSnapshot(s);
    expect(first.state).toBe("done");
    s.reset();
    const again = trainingSnapshot(s);
    expect(again.state).toBe("idle");
    expect(again.step).toBe(0);
    expect(again.verdict).toBeUndefined();
    expect(again.history.steps).toEqual([]);
    expect(scalarValues(again)).toEqual(scalarValues(initial));
    s.run();
    await s.settled();
    const second = trainingSnapshot(s);
    expect(second.history).toEqual(first.history);
    expect(second.loss).toBe(first.loss);
    expect(second.verdict).toEqual(first.verdict);
  });

  it("reset while running stops the run", async () => {
    const s = new TrainingSession(longXor());
    s.run();
    await sleep(30);
    s.reset();
    expect(s.state).toBe("idle");
    expect(s.step).toBe(0);
    await sleep(30);
    expect(s.step).toBe(0);
  });

  it("cancel stops for good: no more steps, no verdict, run and step do nothing", async () => {
    const s = new TrainingSession(longXor());
    s.run();
    await sleep(30);
    s.cancel();
    await s.settled();
    const at = s.step;
    expect(s.state).toBe("cancelled");
    s.run();
    s.stepOnce();
    await sleep(40);
    expect(s.step).toBe(at);
    expect(trainingSnapshot(s).verdict).toBeUndefined();
  });

  it("a long run keeps a bounded, evenly spread loss history that starts at step 0", async () => {
    const config = presetConfig("AND");
    config.settings.steps = 20_000;
    const s = new TrainingSession(config);
    s.run();
    await s.settled();
    const h = trainingSnapshot(s).history;
    expect(h.steps.length).toBeLessThanOrEqual(1001);
    expect(h.steps.length).toBeGreaterThan(400);
    expect(h.steps[0]).toBe(0);
    expect(h.steps.at(-1)).toBe(19_999);
    expect(h.losses.every(Number.isFinite)).toBe(true);
  });
});
