// Runs in vitest (Node): calling a function the notation does not know (issue 15's `max(x, y)`, a built-in since
// issue 17; `hypot(x, y)` here) says so, with the nearest known names by edit distance; a name read as a value is
// still asked for.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, GradLensError, prepareSelection } from "../../../src/notation";
import { editDistance, nearestNames } from "../../../src/notation/suggest";

describe("calling an unknown function (issue 15)", () => {
  const reason = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof GradLensError) return `${e.reason} @${e.line}:${e.column}`;
      throw e;
    }
    return "no error";
  };

  it("a selection: not a known function, with the nearest known names, never asked for as a value", () => {
    expect(prepareSelection("hypot(x, y)").missing).toEqual(["x", "y"]);
    // The editor says so before asking for x and y.
    expect(prepareSelection("hypot(x, y)").unknownCall?.reason).toMatch(/^`hypot` is not a known function/);
    expect(prepareSelection("sigmoid(x)").unknownCall).toBeUndefined();
    // Issue 17: max and min are built-ins now.
    expect(prepareSelection("max(x, y)").unknownCall).toBeUndefined();
    expect(evaluateSelection("max(x, y)", { values: { x: 1, y: 2 } }).value).toBe(2);
    expect(reason(() => evaluateSelection("hypot(x, y)", { values: { x: 1, y: 2 } }))).toBe("`hypot` is not a known function @1:1");
    expect(reason(() => evaluateSelection("2 * sigmiod(x)", { values: { x: 1 } }))).toBe("`sigmiod` is not a known function (nearest known name: `sigmoid`) @1:5");
    // The document's own names count: a near miss of a function defined above is suggested.
    const doc = "const forward = (p) => p * 2;\nforwrd(x) + 1\n";
    expect(reason(() => evaluateSelection("forwrd(x) + 1", { documentText: doc, selectionOffset: doc.indexOf("forwrd"), values: { x: 1 } })))
      .toBe("`forwrd` is not a known function (nearest known name: `forward`) @2:1");
  });

  it("a name used as a value keeps asking for a value", () => {
    expect(prepareSelection("hypot + x").missing).toEqual(["hypot", "x"]);
    expect(reason(() => evaluateSelection("hypot + 1"))).toBe("no value for `hypot` @1:1");
  });

  it("a file: the same message at the call; an unknown name read as a value is unchanged", () => {
    const d = evaluateDocument("const w = param(1);\nconst loss = relu(w) + Relu(w);\n");
    expect(d.diagnostics.find((x) => x.severity === "error")?.message).toBe("`Relu` is not a known function (nearest known names: `relu`, `gelu`)");
    const f = evaluateDocument("function forward(x) { return x * 2; }\nconst w = param(1);\nconst loss = forwad(w);\n");
    expect(f.diagnostics.find((x) => x.severity === "error")?.message).toBe("`forwad` is not a known function (nearest known name: `forward`)");
    expect(evaluateDocument("const w = param(1);\nconst loss = wieght * 2;\n").diagnostics[0].message).toBe("unknown name `wieght`");
  });
});

describe("edit distance and nearest names", () => {
  it("counts a swap of neighbours once, ignores case, and stops past its limit", () => {
    expect(editDistance("sigmiod", "sigmoid")).toBe(1);
    expect(editDistance("Relu", "relu")).toBe(0);
    expect(editDistance("max", "mse")).toBe(2);
    expect(editDistance("a", "abcdefgh", 2)).toBe(3);
  });

  it("keeps one spelling per case-folded name and skips short names for long ones", () => {
    expect(nearestNames("maht", ["Math", "math", "E", "PI"])).toEqual(["math"]);
    expect(nearestNames("xyzzy", ["exp", "log"])).toEqual([]);
  });
});
