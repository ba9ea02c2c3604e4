// Runs in vitest (Node): the fence that stops an evaluation in the worker (a time limit on a fake clock, a cancel
// flag), through the interpreter's polled hook: a runaway file stops at its position with a message naming the setting.
import { describe, expect, it } from "vitest";
import { Fence, hooked, within } from "../../../../../src/extension/evaluation/worker/fence";
import { evaluateDocument } from "../../../../../src/notation";
import { LOOP } from "../helpers";

const limit = { ms: 5000, setting: "gradlens.timeLimit.editor" };

describe("Fence", () => {
  it("stops past its limit on its clock, naming the setting; arm() starts the clock again", () => {
    let now = 0;
    const f = new Fence(limit, undefined, () => now);
    now = 4999;
    expect(f.check()).toBeUndefined();
    now = 5001;
    expect(f.check()).toBe("time limit reached (5 s; see gradlens.timeLimit.editor)");
    expect(f.fired).toBe("deadline");
    f.arm();
    now = 10_000;
    expect(f.check()).toBeUndefined();
  });

  it("stops when the host sets its shared flag", () => {
    const buffer = new SharedArrayBuffer(4);
    const f = new Fence(undefined, buffer);
    expect(f.check()).toBeUndefined();
    Atomics.store(new Int32Array(buffer), 0, 1);
    expect(f.check()).toMatch(/^cancelled/);
    expect(f.fired).toBe("cancelled");
  });

  it("stops a runaway document at its position, through the interpreter's polled hook", () => {
    let now = 0;
    const f = new Fence({ ms: 250, setting: "gradlens.timeLimit.graph" }, undefined, () => (now += 1));
    const r = within(f, () => evaluateDocument(LOOP, { bounds: hooked({ maxSteps: 1e12 }) }));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === "error");
    expect(d?.message).toBe("time limit reached (0.25 s; see gradlens.timeLimit.graph)");
    expect(d?.line).toBe(2);
    // Polled every 1024 steps: the clock above moved once per poll.
    expect(now).toBeGreaterThan(250);
    expect(now).toBeLessThan(260);
  });

  it("reads the fence of whatever runs now: outside one, nothing stops", () => {
    const r = evaluateDocument("let a = 0;\nfor (let i = 0; i < 5000; i++) a = a + 1;\nconst loss = a;\n", { bounds: hooked({}) });
    expect(r.value).toBe(5000);
  });
});
