// Runs in vitest (Node): where inlay hints and CodeLenses stand in `.nn.ts` files and what they say.
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/view/format";
import { inlaysIn } from "../../../src/editor-model/inlays";
import { lensesOf } from "../../../src/editor-model/lenses";
import { evaluate, example, offsetOf } from "./helpers";

describe("inlay hints", () => {
  const { result, sf, text } = evaluate(example("xor.nn.ts"));
  const hints = inlaysIn(result, sf, 0, text.length, 4);
  const at = (decl: string) => hints.find((h) => h.offset === offsetOf(text, decl) + decl.length);

  it("stand after each declaration with value and gradient", () => {
    const b1 = result.params.find((p) => p.name === "b1");
    expect(at("b1 = param(rand())")?.label).toBe(`${formatNumber(b1?.value ?? NaN, 4)} ∂${formatNumber(b1?.grad ?? NaN, 4)}`);
    const w1 = result.params.filter((p) => p.name.startsWith("w1["));
    expect(at("w1 = [param(rand()), param(rand())]")?.label).toBe(`[${w1.map((p) => formatNumber(p.value, 4)).join(", ")}] ∂[${w1.map((p) => formatNumber(p.grad, 4)).join(", ")}]`);
  });

  it("say how often a name inside forward was evaluated, and mark the target", () => {
    expect(at("h1 = sigmoid(p * w1[0] + q * w1[1] + b1)")?.label).toBe("×4");
    expect(at("loss = 0")?.label).toBe(`${formatNumber(result.value ?? NaN, 4)} (target)`);
  });

  it("only cover the requested range", () => {
    const from = offsetOf(text, "function forward");
    const some = inlaysIn(result, sf, from, text.length, 4);
    expect(some.length).toBeGreaterThan(0);
    expect(some.every((h) => h.offset >= from)).toBe(true);
    expect(some.length).toBeLessThan(hints.length);
  });
});

describe("CodeLenses", () => {
  it("stand above the target's statement", () => {
    const { result, sf, text } = evaluate(example("xor.nn.ts"));
    const lenses = lensesOf(result, sf, 4);
    expect(lenses).toEqual([{ offset: offsetOf(text, "let loss = 0"), kind: "target" }]);
  });

  it("stand above each gradcheck call with its verdict", () => {
    const text = "const f = (x: number) => x * x;\ngradcheck(f, (x: number) => x, 3);\ngradcheck(f, 2);\nconst loss = f(param(2));\n";
    const { result, sf } = evaluate(text);
    const lenses = lensesOf(result, sf, 4);
    const checks = lenses.filter((l) => l.kind === "gradcheck");
    expect(checks.map((l) => l.offset)).toEqual([offsetOf(text, "gradcheck(f, (x"), offsetOf(text, "gradcheck(f, 2)")]);
    expect(checks[0].verdict).toBe("✗ gradcheck failed (x)");
    expect(checks[1].verdict).toMatch(/^✓ gradcheck passed/);
    expect(lenses.find((l) => l.kind === "target")?.offset).toBe(offsetOf(text, "const loss"));
  });
});
