// Runs in vitest (Node): the notation's answers to what a new user tried first (issue 15): a file of checks needs
// no target, a tensor where the target should be says its shape, a selection's own constants are listed, NaN
// gradients are flagged, an unknown function is named as one with the nearest known names.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, GradLensError, prepareSelection } from "../../../src/notation";
import { editDistance, nearestNames } from "../../../src/notation/suggest";

const CHECKS = `const sig = (x: number): number => 1 / (1 + exp(-x));
const dsig = (x: number): number => sig(x) * (1 - sig(x));
gradcheck(sig, dsig, 0.5);
gradcheck((x) => x * x, (x) => 2 * x, 3);
`;

describe("a file of gradcheck calls only", () => {
  it("needs no target: no warning, both checks kept, the reason kept for callers that need a target", () => {
    const d = evaluateDocument(CHECKS);
    expect(d.ok).toBe(true);
    expect(d.target).toBeUndefined();
    expect(d.diagnostics).toEqual([]);
    expect(d.gradchecks.map((g) => [g.line, g.pass])).toEqual([[3, true], [4, true]]);
    expect(d.noTarget).toMatch(/^no target: nothing at the top level evaluates to a number/);
  });

  it("a file with neither a target nor a check still gets the warning", () => {
    const d = evaluateDocument("const s = \"a\";\n");
    expect(d.diagnostics.map((x) => x.message)).toEqual(["no target: nothing at the top level evaluates to a number"]);
  });
});

describe("a tensor of more than one element where the target would be", () => {
  it("a file says `loss` is a [2,2] tensor at its declaration, and suggests sum and mean", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2], [3, 4]]));\nconst loss = W * 2;\n");
    const w = d.diagnostics.find((x) => x.message.startsWith("no target"));
    expect(w?.message).toBe("no target: `loss` is a [2,2] tensor, not a number: reduce it to one with `sum(loss)` or `mean(loss)`");
    expect([w?.line, w?.column, w?.severity]).toEqual([2, 1, "warning"]);
    expect(d.noTarget).toBe(w?.message);
  });

  it("a file whose last expression is a tensor says so there", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2]]));\nconst c = 3;\nmatmul(W, tensor([[1], [1]])) * tensor([[1, 2]]);\n");
    // `c` is a number, so it is the target; only when nothing is a number does the tensor explain why.
    expect(d.targetName).toBe("c");
    const e = evaluateDocument("const W = param(tensor([[1, 2]]));\nW * 2;\n");
    expect(e.diagnostics[0].message).toMatch(/^no target: the value is a \[1,2\] tensor, not a number: reduce it to one with `sum\(…\)` or `mean\(…\)`/);
    expect(e.diagnostics[0].line).toBe(2);
  });

  it("a one-element tensor is a number: it is the target", () => {
    expect(evaluateDocument("const W = param(tensor([[1, 2]]));\nconst loss = sum(W * 3);\n").value).toBe(9);
  });

  it("a selection says the same, positioned", () => {
    let e: unknown;
    try {
      evaluateSelection("tensor([[1, 2], [3, 4]]) * x", { values: { x: 2 } });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(GradLensError);
    expect((e as GradLensError).reason).toBe("nothing to differentiate: the value is a [2,2] tensor, not a number: reduce it to one with `sum(…)` or `mean(…)`");
  });

  it("a `// @target` on a tensor says its shape", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2]]));\n// @target\nconst t = W * 2;\n");
    expect(d.diagnostics.find((x) => x.severity === "error")?.message).toBe("the `// @target` declaration is not a number (`t` is a [1,2] tensor, not a number: reduce it to one with `sum(t)` or `mean(t)`)");
  });
});

describe("a selection's own constants", () => {
  it("`x = 53; y = -17; …` lists x and y as constants, with no leaves", () => {
    const r = evaluateSelection("x = 53; y = -17; (x**2 + 3)**2 + y");
    expect(r.value).toBe(7907327);
    expect(r.leaves).toEqual([]);
    expect(r.constants).toEqual([{ name: "x", value: 53 }, { name: "y", value: -17 }]);
  });

  it("free names are leaves, not constants", () => {
    const r = evaluateSelection("(x**2 + 3)**2 + y", { values: { x: 53, y: -17 } });
    expect(r.constants).toEqual([]);
    expect(r.leaves.map((l) => l.name)).toEqual(["x", "y"]);
  });
});

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

describe("calling an unknown function (issue 15: `max(x, y)`)", () => {
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
    expect(prepareSelection("max(x, y)").missing).toEqual(["x", "y"]);
    // The editor says so before asking for x and y.
    expect(prepareSelection("max(x, y)").unknownCall?.reason).toMatch(/^`max` is not a known function/);
    expect(prepareSelection("sigmoid(x)").unknownCall).toBeUndefined();
    expect(reason(() => evaluateSelection("max(x, y)", { values: { x: 1, y: 2 } }))).toBe(
      "`max` is not a known function: for the larger of two numbers write `a > b ? a : b` (nearest known names: `math`, `mean`, `mlp`) @1:1");
    expect(reason(() => evaluateSelection("2 * sigmiod(x)", { values: { x: 1 } }))).toBe("`sigmiod` is not a known function (nearest known name: `sigmoid`) @1:5");
    // The document's own names count: a near miss of a function defined above is suggested.
    const doc = "const forward = (p) => p * 2;\nforwrd(x) + 1\n";
    expect(reason(() => evaluateSelection("forwrd(x) + 1", { documentText: doc, selectionOffset: doc.indexOf("forwrd"), values: { x: 1 } })))
      .toBe("`forwrd` is not a known function (nearest known name: `forward`) @2:1");
  });

  it("a name used as a value keeps asking for a value", () => {
    expect(prepareSelection("max + x").missing).toEqual(["max", "x"]);
    expect(reason(() => evaluateSelection("max + 1"))).toBe("no value for `max` @1:1");
  });

  it("a file: the same message at the call; an unknown name read as a value is unchanged", () => {
    const d = evaluateDocument("const w = param(1);\nconst loss = relu(w) + Relu(w);\n");
    expect(d.diagnostics.find((x) => x.severity === "error")?.message).toBe("`Relu` is not a known function (nearest known name: `relu`)");
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

describe("names that are also Object.prototype's are ordinary names (issue 15)", () => {
  it("a file's params and bindings named `__proto__`, `constructor` and `toString`", () => {
    const d = evaluateDocument("const __proto__ = param(2);\nconst constructor = param(3);\nconst toString = 4;\nconst loss = __proto__ * constructor * toString;\n");
    expect(d.params.map((p) => [p.name, p.grad])).toEqual([["__proto__", 12], ["constructor", 8]]);
    expect(Object.keys(d.bindings).sort()).toEqual(["__proto__", "constructor", "loss"]);
    expect(d.bindings["__proto__"]).toBe(d.params[0].node);
    // A name the file does not bind is absent, not Object.prototype's.
    expect(d.bindings["hasOwnProperty"]).toBeUndefined();
  });

  it("a selection's free names and the values given for them", () => {
    const r = evaluateSelection("__proto__ * toString", { values: JSON.parse('{"__proto__": 2, "toString": 3}') as Record<string, number> });
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["__proto__", 3], ["toString", 2]]);
    const doc = "constructor = 5\n__proto__ = 7\nconstructor * __proto__\n";
    const found = evaluateSelection("constructor * __proto__", { documentText: doc, selectionOffset: doc.lastIndexOf("constructor") });
    expect(found.foundNames.map((f) => [f.name, f.value])).toEqual([["constructor", 5], ["__proto__", 7]]);
    expect(found.value).toBe(35);
  });
});
