// Runs in vitest (Node): the warnings every evaluation gives (issue 15): a NaN or infinite gradient of finite
// values is flagged at the operation whose local derivative is not finite and at the leaves it reaches.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";

describe("NaN or infinite gradients are flagged where they appear (issue 15: sqrt(x * x) at 0)", () => {
  it("a selection: at the operation whose derivative is not finite, and at the leaf", () => {
    const r = evaluateSelection("sqrt(x * x) + y", { values: { x: 0, y: 1 } });
    expect(r.value).toBe(1);
    expect(r.leaves.map((l) => l.grad)).toEqual([NaN, 1]);
    expect(r.warnings.map((w) => [w.message, w.column])).toEqual([
      ["the gradient becomes Infinity at `sqrt`: its local derivative is not finite at these values", 1],
      ["the gradient with respect to `x` is NaN", 6],
    ]);
  });

  it("a file: Problems warnings at the sqrt and at the param's declaration", () => {
    const d = evaluateDocument("const w = param(0);\nconst b = param(1);\nconst loss = sqrt(w * w) + b;\n");
    expect(d.diagnostics.map((x) => [x.severity, x.line, x.column, x.message])).toEqual([
      ["warning", 3, 14, "the gradient becomes Infinity at `sqrt`: its local derivative is not finite at these values"],
      ["warning", 1, 11, "the gradient with respect to `w` is NaN"],
    ]);
  });

  it("a non-finite value is flagged where it first appears, and its gradients are not flagged again", () => {
    const r = evaluateSelection("log(x) + x", { values: { x: 0 } });
    expect(r.warnings.map((w) => w.message)).toEqual(["-Infinity first appears here (the target is -Infinity)"]);
  });

  it("finite gradients: no warning", () => {
    expect(evaluateSelection("sqrt(x * x)", { values: { x: 2 } }).warnings).toEqual([]);
  });
});
