// Runs in vitest (Node): hover contents in `.nn.ts` files, checked against finite differences of the real file.
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/view/format";
import { hoverAt } from "../../../src/editor-model/hover";
import { labelArguments } from "../../../src/editor-model/readings";
import { centralDifference, evaluate, example, offsetOf } from "./helpers";

describe("hover in the XOR example", () => {
  const { result, sf, text } = evaluate(example("xor.nn.ts"));
  const b3 = result.params.find((p) => p.name === "b3");

  it("shows b3's value and ∂loss/∂b3, which matches central differences", () => {
    expect(b3).toBeDefined();
    if (!b3) return;
    expect(b3.grad).toBeCloseTo(centralDifference(result, b3.slot), 7);
    for (const at of [offsetOf(text, "b3 = param"), offsetOf(text, "+ b3)", 0, 2)]) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toContain(`∂loss/∂b3 = ${formatNumber(b3.grad, 4)}`);
      expect(h?.markdown).toContain(`value ${formatNumber(b3.value, 4)}`);
      expect(text.slice(h?.start, h?.end)).toBe("b3");
      expect(h?.node).toBe(b3.node);
    }
  });

  it("honours the number of significant digits", () => {
    const h = hoverAt(result, sf, offsetOf(text, "b3 = param"), 8);
    expect(h?.markdown).toContain(`∂loss/∂b3 = ${b3 ? Number(b3.grad.toPrecision(8)) : NaN}`);
  });

  it("resolves w1[0] at an element read to that param", () => {
    const w = result.params.find((p) => p.name === "w1[0]");
    const h = hoverAt(result, sf, offsetOf(text, "w1[0] +"), 4);
    expect(h?.markdown).toContain(`∂loss/∂w1\\[0\\] = ${formatNumber(w?.grad ?? NaN, 4)}`);
  });

  it("lists a name evaluated once per data row in a per-call table", () => {
    const h = hoverAt(result, sf, offsetOf(text, "const h1", 0, 6), 4);
    expect(h?.markdown).toMatch(/evaluated 4 times/);
    for (const call of ["forward(0, 0)", "forward(0, 1)", "forward(1, 0)", "forward(1, 1)"]) expect(h?.markdown).toContain(call);
  });

  it("gives an operator's local derivatives: ∂(p·w)/∂w = p per call", () => {
    const h = hoverAt(result, sf, offsetOf(text, "p * w1[0]", 0, 2), 4);
    expect(h?.markdown).toMatch(/operator `\*`/);
    // Rows in call order (0,0), (0,1), (1,0), (1,1): the local derivative with respect to w1[0] is p.
    const rows = (h?.markdown ?? "").split("\n").filter((l) => l.startsWith("| forward("));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => /∂\/∂w1\[0\] (\S+)/.exec(r.replace(/\\/g, ""))?.[1])).toEqual(["0", "0", "1", "1"]);
  });

  it("shows the calls of forward at a call site, and the target at loss", () => {
    const call = hoverAt(result, sf, offsetOf(text, "forward(p, q) -"), 4);
    expect(call?.markdown).toMatch(/\(call\): evaluated 4 times/);
    const loss = hoverAt(result, sf, offsetOf(text, "let loss", 0, 4), 4);
    expect(loss?.markdown).toContain(`value ${formatNumber(result.value ?? NaN, 4)}`);
    expect(loss?.markdown).toContain("(the target)");
  });

  it("shows a function parameter's argument in each call", () => {
    const h = hoverAt(result, sf, offsetOf(text, "p * w1[0]"), 4);
    expect(h?.markdown).toMatch(/\*\*p\*\* \(parameter of forward\): 4 calls/);
    const rows = (h?.markdown ?? "").split("\n").filter((l) => l.startsWith("| forward("));
    expect(rows.map((r) => r.split("|")[2].trim())).toEqual(["0", "0", "1", "1"]);
    expect(h?.node).toBe(-1);
  });

  it("answers nothing on comments, keywords and whitespace", () => {
    expect(hoverAt(result, sf, offsetOf(text, "tutorial"), 4)).toBeUndefined();
    expect(hoverAt(result, sf, offsetOf(text, "function"), 4)).toBeUndefined();
    expect(hoverAt(result, sf, offsetOf(text, "\n\nfunction"), 4)).toBeUndefined();
  });
});

describe("call labels", () => {
  it("split at top-level commas only", () => {
    expect(labelArguments("forward(0, 1)")).toEqual(["0", "1"]);
    expect(labelArguments("f([1, 2], g(3, 4), -0.5)")).toEqual(["[1, 2]", "g(3, 4)", "-0.5"]);
    expect(labelArguments("f()")).toEqual([]);
  });
});

describe("hover in the mlp example and escaping", () => {
  it("lists the params of a model by layer and neuron", () => {
    const { result, sf, text } = evaluate(example("xor-mlp.nn.ts"));
    const h = hoverAt(result, sf, offsetOf(text, "const model", 0, 6), 4);
    expect(result.ok).toBe(true);
    expect(h?.markdown).toMatch(/\*\*model\*\*: 9 params/);
    const first = result.params.find((p) => p.name === "L1.N1.w[0]");
    expect(h?.markdown).toContain(`| L1.N1.w\\[0\\] | ${formatNumber(first?.value ?? NaN, 4)} | ${formatNumber(first?.grad ?? NaN, 4)} |`);
  });

  it("escapes Markdown in names", () => {
    const { result, sf, text } = evaluate("const a_b = param(2, \"<img src=x>\");\nconst loss = a_b * a_b;\n");
    const h = hoverAt(result, sf, offsetOf(text, "a_b *"), 4);
    expect(h?.markdown).not.toContain("<img");
  });
});
