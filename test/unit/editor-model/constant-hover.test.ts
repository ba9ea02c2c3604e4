// Runs in vitest (Node): hovers on declared names holding plain data (`const k = 3`) or a graph value that made no
// node of its own (`const c = pair[0]`), and on destructured function parameters logged per call: values checked
// against the file, gradients against central differences of the real file.
import { describe, expect, it } from "vitest";
import { datasets } from "../../../src/engine";
import { formatNumber } from "../../../src/view/format";
import { hoverAt } from "../../../src/editor-model/hover";
import { centralDifference, evaluate, example, offsetOf } from "./helpers";

const f4 = (v: number) => formatNumber(v, 4);
const CONSTANT = "a constant: no gradient (nothing trainable reaches it)";

function rows(markdown: string | undefined): string[][] {
  const lines = (markdown ?? "").split("\n").filter((l) => l.startsWith("| "));
  return lines.slice(1).map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
}

describe("top-level declarations of plain values and of aliases of graph values", () => {
  const src = [
    "const k = 3;",
    "const lr = 0.5;",
    "const pair = [param(1.5), 2];",
    "const c = pair[0];",
    "const d = pair[1];",
    "const rows = XOR.length;",
    "const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];",
    "const opts = { act: \"relu\", depth: 2 };",
    "let n = 1;",
    "n = n + 4;",
    "const loss = c * c * k * lr * d * rows + pair[0] * xs[1] * n;",
    "",
  ].join("\n");
  const { result, sf, text } = evaluate(src);

  it("evaluates", () => {
    expect(result.ok).toBe(true);
    expect(result.params.map((p) => p.name)).toEqual(["pair[0]"]);
  });

  it("shows a constant's value and says it has no gradient, at the declaration and at a use", () => {
    const cases: [string, number, string][] = [
      ["k", offsetOf(text, "const k", 0, 6), "3"], ["k", offsetOf(text, "* k *", 0, 2), "3"],
      ["lr", offsetOf(text, "const lr", 0, 6), "0.5"], ["d", offsetOf(text, "* d *", 0, 2), "2"],
      ["rows", offsetOf(text, "* rows", 0, 2), String(datasets.XOR.length)],
    ];
    for (const [name, at, value] of cases) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toBe(`**${name}**\n\nvalue ${value} · ${CONSTANT}`);
      expect(text.slice(h?.start, h?.end)).toBe(name);
      expect(h?.node).toBe(-1);
    }
  });

  it("previews arrays and objects of plain values: the first few elements, and the length", () => {
    const xs = hoverAt(result, sf, offsetOf(text, "const xs", 0, 6), 4);
    expect(xs?.markdown).toBe(`**xs**\n\nvalue \\[1, 2, 3, 4, 5, 6, … (10)\\] · ${CONSTANT}`);
    const opts = hoverAt(result, sf, offsetOf(text, "const opts", 0, 6), 4);
    expect(opts?.markdown).toBe(`**opts**\n\nvalue { act: "relu", depth: 2 } · ${CONSTANT}`);
  });

  it("says a reassigned `let` shows its value at the end of the run", () => {
    const h = hoverAt(result, sf, offsetOf(text, "let n", 0, 4), 4);
    expect(h?.markdown).toBe("**n**\n\nvalue at the end of the run 5 · plain data: no gradient (nothing trainable reaches it)");
  });

  it("shows an alias of a param with the param's value and total ∂loss/∂c, equal to central differences", () => {
    const p = result.params[0];
    // loss = c²·k·lr·d·rows + c·2·n: every use of pair[0] counts, through c and directly.
    const fd = centralDifference(result, p.slot);
    expect(fd).toBeCloseTo(2 * 1.5 * 3 * 0.5 * 2 * 4 + 2 * 5, 5);
    for (const at of [offsetOf(text, "const c", 0, 6), offsetOf(text, "c * c", 0, 4)]) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toBe(`**c**\n\nvalue 1.5 · ∂loss/∂c = ${f4(fd)}`);
      expect(h?.node).toBe(p.node);
    }
  });
});

describe("constants inside functions and shadowed names", () => {
  const src = "const k = 3;\nconst w = param(0.25);\nfunction f(x) {\n  const k = -2;\n  const s = \"mean\";\n  return k * x;\n}\nconst loss = f(w) * k;\n";
  const { result, sf, text } = evaluate(src);

  it("reads a function's `const` literal, and keeps the top-level name apart from the function's", () => {
    expect(result.ok).toBe(true);
    expect(hoverAt(result, sf, offsetOf(text, "k * x"), 4)?.markdown).toBe(`**k**\n\nvalue -2 · ${CONSTANT}`);
    expect(hoverAt(result, sf, offsetOf(text, "const s", 0, 6), 4)?.markdown).toBe(`**s**\n\nvalue "mean" · ${CONSTANT}`);
    expect(hoverAt(result, sf, offsetOf(text, "* k;", 0, 2), 4)?.markdown).toBe(`**k**\n\nvalue 3 · ${CONSTANT}`);
  });

  it("gives no constant hover to a name that holds a function or a graph value", () => {
    // f is a function (its calls' table); w is a param.
    expect(hoverAt(result, sf, offsetOf(text, "f(w)"), 4)?.markdown).not.toContain("constant");
    expect(hoverAt(result, sf, offsetOf(text, "f(w)", 0, 2), 4)?.markdown).toContain("(param)");
  });
});

describe("destructured function parameters, logged per call", () => {
  it("give each call's value and ∂loss/∂ of graph values: ∂loss/∂h = (∂loss/∂a) / 3 when a enters only through h = 3a", () => {
    const src = "const a = param(0.7);\nfunction f([h, t]) {\n  return (h - t) ** 2;\n}\nconst loss = f([a * 3, 1]) + f([2, 5]);\n";
    const { result, sf, text } = evaluate(src);
    expect(result.ok).toBe(true);
    const h = hoverAt(result, sf, offsetOf(text, "(h - t)", 0, 1), 4);
    expect(h?.markdown).toContain("**h** (parameter of f): 2 calls");
    expect(h?.markdown).toContain("| call | value | ∂loss/∂h |");
    const got = rows(h?.markdown);
    const fd = centralDifference(result, result.params[0].slot);
    expect(fd).toBeCloseTo(2 * (0.7 * 3 - 1) * 3, 5);
    expect(got).toEqual([["f(\\[2.1, 1\\])", f4(2.1), f4(fd / 3)], ["f(\\[2, 5\\])", "2", ""]]);
    expect(h?.node).toBeGreaterThanOrEqual(0);
    const t = hoverAt(result, sf, offsetOf(text, "[h, t]", 0, 4), 4);
    expect(rows(t?.markdown)).toEqual([["f(\\[2.1, 1\\])", "1"], ["f(\\[2, 5\\])", "5"]]);
  });

  it("shows elements of a long array argument, which its call label abbreviates", () => {
    const src = "const w = param(2);\nfunction g([u, , v, ...rest]) { return w * u * v * rest.length; }\nconst loss = g([1, 2, 3, 4, 5, 6]);\n";
    const { result, sf, text } = evaluate(src);
    expect(result.ok).toBe(true);
    expect(hoverAt(result, sf, offsetOf(text, "[u,", 0, 1), 4)?.markdown).toBe("**u** (parameter of g)\n\nvalue 1");
    expect(hoverAt(result, sf, offsetOf(text, "* v", 0, 2), 4)?.markdown).toBe("**v** (parameter of g)\n\nvalue 3");
    expect(hoverAt(result, sf, offsetOf(text, "...rest", 0, 3), 4)?.markdown).toBe("**rest** (parameter of g)\n\nvalue \\[4, 5, 6\\]");
  });

  it("covers an unnamed arrow's pattern (XOR.map(([p, q]) => …)) with one row per call, equal to the data", () => {
    const { result, sf, text } = evaluate(example("xor-mlp.nn.ts"));
    expect(result.ok).toBe(true);
    for (const [name, column] of [["p", 0], ["q", 1]] as const) {
      const h = hoverAt(result, sf, offsetOf(text, "([p, q]) =>", 0, name === "p" ? 2 : 5), 4);
      expect(h?.markdown).toContain(`**${name}** (parameter): 4 calls`);
      expect(rows(h?.markdown).map((r) => r[1])).toEqual(datasets.XOR.map((row) => String(row[column])));
    }
  });

  it("logs a parameter pattern's names once per call in the document result", () => {
    const { result, text } = evaluate("const w = param(1);\nfunction f([x1, x2]) { return w * x1 + x2; }\nconst loss = f([1, 2]) + f([3, 4]) + f([5, 6]);\n");
    const logged = result.bound.map((b) => `${b.name}×${b.count}`);
    expect(logged).toEqual(["x1×3", "x2×3"]);
    expect(text.slice(result.bound[0].start, result.bound[0].end)).toBe("x1");
    expect(result.bound[1].values.map((v) => v.plain)).toEqual([2, 4, 6]);
  });
});

describe("`const` names declared inside functions and methods, logged per call", () => {
  const src = [
    "const a = param(0.7);",
    "function f(xs, pair) {",
    "  const n = xs.length;",
    "  const h = pair[0];",
    "  return (h - pair[1]) ** 2 * n;",
    "}",
    "class Scaler {",
    "  constructor(s) { this.s = s; }",
    "  apply(x) {",
    "    const k = this.s;",
    "    let acc = 0;",
    "    for (const v of x) { const sq = [v, v * v]; acc = acc + sq[1] * k; }",
    "    return acc;",
    "  }",
    "}",
    "const sc = new Scaler(2);",
    "const loss = f([1, 2, 3], [a * 3, 1]) + f([4], [2, 5]) + sc.apply([1, 2]) * a + sc.apply([3]);",
    "",
  ].join("\n");
  const { result, sf, text } = evaluate(src);

  it("evaluates, logging local `const` names (not `let`, not top-level names) once per binding", () => {
    expect(result.ok).toBe(true);
    expect(result.bound.map((b) => `${b.name}×${b.count}`)).toEqual(["n×2", "h×2", "k×2", "v×3", "sq×3"]);
    expect(text.slice(result.bound[0].start, result.bound[0].end)).toBe("n");
  });

  it("shows a plain local's value per call, at the declaration and at a use, equal to the arguments", () => {
    for (const at of [offsetOf(text, "const n", 0, 6), offsetOf(text, "* n", 0, 2)]) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toContain("**n** (local in f): 2 values, one per call");
      expect(h?.markdown).toContain("| call | n |");
      expect(rows(h?.markdown)).toEqual([["f(\\[1, 2, 3\\], \\[2.1, 1\\])", String([1, 2, 3].length)], ["f(\\[4\\], \\[2, 5\\])", "1"]]);
      expect(h?.node).toBe(-1);
    }
  });

  it("reads `this` fields in a method per call, and lists a local in a loop by binding", () => {
    const k = hoverAt(result, sf, offsetOf(text, "* k", 0, 2), 4);
    expect(k?.markdown).toContain("**k** (local in apply): 2 values, one per call");
    expect(rows(k?.markdown)).toEqual([["Scaler.apply(\\[1, 2\\])", "2"], ["Scaler.apply(\\[3\\])", "2"]]);
    const sq = hoverAt(result, sf, offsetOf(text, "const sq", 0, 6), 4);
    expect(sq?.markdown).toContain("**sq** (local in apply): 3 values, one per binding");
    expect(rows(sq?.markdown).map((r) => r[1])).toEqual(["\\[1, 1\\]", "\\[2, 4\\]", "\\[3, 9\\]"]);
  });

  it("gives ∂loss/∂h per call for a graph value: (∂loss/∂a minus a's other uses) / 3, equal to central differences", () => {
    const fd = centralDifference(result, result.params[0].slot);
    // loss = 3(3a − 1)² + 9 + (1·2 + 4·2)·a + 18: ∂loss/∂a = 18(3a − 1) + 10; h = 3a enters only through f's first call.
    expect(fd).toBeCloseTo(18 * (3 * 0.7 - 1) + 10, 5);
    const h = hoverAt(result, sf, offsetOf(text, "(h - pair", 0, 1), 4);
    expect(h?.markdown).toContain("**h** (local in f): 2 values, one per call");
    expect(h?.markdown).toContain("| call | value | ∂loss/∂h |");
    expect(rows(h?.markdown)).toEqual([["f(\\[1, 2, 3\\], \\[2.1, 1\\])", f4(2.1), f4((fd - 10) / 3)], ["f(\\[4\\], \\[2, 5\\])", "2", ""]]);
    expect(h?.node).toBeGreaterThanOrEqual(0);
  });

  it("shows a local bound once to a graph value with its value and gradient, as a top-level alias", () => {
    const one = evaluate("const w = param(1.5);\nfunction g(p) {\n  const c = p[0];\n  return c * c;\n}\nconst loss = g([w * 2]);\n");
    expect(one.result.ok).toBe(true);
    const fd = centralDifference(one.result, one.result.params[0].slot);
    expect(fd).toBeCloseTo(2 * 3 * 2, 5);
    const h = hoverAt(one.result, one.sf, offsetOf(one.text, "c * c", 0, 0), 4);
    expect(h?.markdown).toBe(`**c**\n\nvalue 3 · ∂loss/∂c = ${f4(fd / 2)}`);
  });
});
