// Runs in vitest (Node) with a real evaluator worker: a training session and a comparison as the host sees them.
// The session runs in the worker; its snapshots stream back as events; the host's run, pause and step get through
// between slices; whenStopped resolves with the snapshot the run stopped at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluatorPool } from "../../../../src/extension/evaluation/pool";
import { RemoteComparison, RemoteTraining } from "../../../../src/extension/training/remote";
import { presetConfig } from "../../../../src/train";
import { limit, workerScript } from "../evaluation/helpers";

let pool: EvaluatorPool;
let events = 0;
beforeAll(async () => {
  pool = new EvaluatorPool({ script: await workerScript("remote-training-test"), size: 1 });
});
afterAll(() => pool.dispose());

const step = limit(10_000);

describe("RemoteTraining", () => {
  it("trains XOR in the worker to its verdict, its snapshots streaming to the host", async () => {
    const s = await RemoteTraining.start(pool.training(), pool.sessionId(), presetConfig("XOR"), {}, step);
    const sub = pool.onEvent((e) => s.onEvent(e) && events++);
    expect(s.snapshot.state).toBe("idle");
    expect((await s.control("run", step)).state).toBe("running");
    const done = await s.whenStopped();
    sub.dispose();
    expect(done.state).toBe("done");
    expect(done.verdict?.kind).toBe("learned");
    expect(events).toBeGreaterThan(0);
    expect(s.stopped).toBe(true);
  }, 60_000);

  it("pauses a long run between slices and steps once from there", async () => {
    const config = { ...presetConfig("XOR"), settings: { ...presetConfig("XOR").settings, steps: 5_000_000 } };
    const s = await RemoteTraining.start(pool.training(), pool.sessionId(), config, {}, step);
    const sub = pool.onEvent((e) => s.onEvent(e));
    await s.control("run", step);
    await new Promise((r) => setTimeout(r, 200));
    const paused = await s.control("pause", step);
    expect(paused.state).toBe("paused");
    expect(paused.step).toBeGreaterThan(0);
    expect((await s.whenStopped()).state).toBe("paused");
    expect((await s.control("step", step)).step).toBe(paused.step + 1);
    await s.control("cancel", step);
    sub.dispose();
  }, 60_000);
});

describe("RemoteComparison", () => {
  it("runs backprop and finite differences, resolving when both are done with close losses", async () => {
    const config = { ...presetConfig("AND"), settings: { ...presetConfig("AND").settings, steps: 200 } };
    const c = await RemoteComparison.start(pool.training(), pool.sessionId(), config, {}, step);
    const sub = pool.onEvent((e) => c.onEvent(e));
    const done = await c.done;
    sub.dispose();
    expect(done.done).toBe(true);
    expect(done.runs.map((r) => r.method)).toEqual(["backprop", "finite-difference"]);
    expect(done.maxLossDiff).toBeLessThan(1e-3);
  }, 60_000);
});
