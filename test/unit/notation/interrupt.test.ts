// Runs in vitest (Node): the interpreter's interruption hooks (Bounds.interrupted, Bounds.deadline), polled every
// 1024 steps: how the evaluator worker stops a runaway evaluation (a newer edit, a time limit) at its position.
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/notation";

const LOOP = "let a = 0;\nwhile (true) { a = a + 1; }\n";

describe("the interpreter's hooks (Bounds.interrupted, Bounds.deadline)", () => {
  it("polls interrupted every 1024 steps and stops with its message", () => {
    let polls = 0;
    const r = evaluateDocument(LOOP, { bounds: { maxSteps: 1e12, interrupted: () => (++polls === 3 ? "stopped here" : undefined) } });
    expect(polls).toBe(3);
    expect(r.diagnostics.find((x) => x.severity === "error")?.line).toBe(2);
    expect(r.diagnostics.find((x) => x.severity === "error")?.message).toBe("stopped here");
  });

  it("stops past a deadline already gone, with its message", () => {
    const r = evaluateDocument(LOOP, { bounds: { maxSteps: 1e12, deadline: performance.now() - 1, deadlineMessage: "too slow (see x)" } });
    expect(r.diagnostics.find((x) => x.severity === "error")?.message).toBe("too slow (see x)");
  });
});
