// Runs in vitest (Node): hovers and inlay hints on tensors in `.nn.ts` files (seed 000, seed 002): shape, a preview
// cut with "…", and the gradient's 2-norm and preview, checked against central differences and the analytic
// gradient of ½·Σ(y − out)².
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/view/format";
import { hoverAt } from "../../../src/editor-model/hover";
import { inlaysIn } from "../../../src/editor-model/inlays";
import { preview } from "../../../src/editor-model/tensor-view";
import { centralDifference, evaluate, example, offsetOf } from "./helpers";

const f = (v: number) => formatNumber(v, 4);
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("tensor hovers in seed 000", () => {
  // One extra top-level read of a param through the instance (no new params).
  const { result, sf, text } = evaluate(example("seed000-xor.nn.ts").replace("const out =", "const w1 = model.W1;\nconst out ="));
  const W1 = result.params.filter((p) => p.name.startsWith("model.W1["));

  it("W1 (at this.W1 and at model.W1): shape, values, and ‖∂loss/∂W1‖₂ equal to central differences", () => {
    expect(W1).toHaveLength(6);
    const numeric = W1.map((p) => centralDifference(result, p.slot));
    for (const at of [offsetOf(text, "this.W1 =", 0, 5), offsetOf(text, "model.W1;", 0, 6)]) {
      const h = hoverAt(result, sf, at, 4);
      const md = h?.markdown ?? "";
      expect(text.slice(h?.start, h?.end)).toBe("W1");
      expect(md).toMatch(/^\*\*W1\*\* \(param\)\n\ntensor \[2,3\] · param/);
      expect(md).toContain(`[[${W1.slice(0, 3).map((p) => f(p.value)).join(", ")}],\n [${W1.slice(3).map((p) => f(p.value)).join(", ")}]]`);
      expect(md).toContain(`∂loss/∂model.W1 · ‖·‖₂ = ${f(norm(numeric))}`);
      expect(md).toContain(`[[${numeric.slice(0, 3).map(f).join(", ")}],`);
    }
  });

  it("out: its value and ∂loss/∂out = out − Y, element by element", () => {
    const h = hoverAt(result, sf, offsetOf(text, "const out", 0, 7), 4);
    const md = h?.markdown ?? "";
    expect(md).toMatch(/^\*\*out\*\*\n\ntensor \[4,1\] · div/);
    const values = [...md.matchAll(/\[([-\d.e]+)\]/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(8);
    const [out, grad] = [values.slice(0, 4), values.slice(4)], Y = [1, 0, 1, 0];
    out.forEach((o, k) => {
      expect(o).toBeGreaterThan(0);
      expect(o).toBeLessThan(1);
      expect(grad[k]).toBeCloseTo(o - Y[k], 3);
    });
  });

  it("X, a constant, says its gradient is not computed rather than showing zeros", () => {
    const md = hoverAt(result, sf, offsetOf(text, "const X", 0, 6), 4)?.markdown ?? "";
    expect(md).toContain("tensor [4,2] · const");
    expect(md).toContain("[[1, 0],\n [1, 1],\n [0, 1],\n [0, 0]]");
    expect(md).toContain("∂loss/∂X: not computed");
    expect(md).not.toContain("‖·‖₂");
  });

  it("loss, a one-element tensor, is the target: its value and ∂loss/∂loss = 1", () => {
    const md = hoverAt(result, sf, offsetOf(text, "const loss", 0, 7), 4)?.markdown ?? "";
    expect(md).toContain("**loss** (the target)");
    expect(md).toContain(`tensor [] · div\n\nvalue\n\`\`\`text\n${f(result.value ?? NaN)}\n\`\`\`\n∂loss/∂loss = 1`);
  });

  it("a field set in forward (this.z = matmul(x, this.W1)) shows the tensor it holds", () => {
    const md = hoverAt(result, sf, offsetOf(text, "this.z =", 0, 5), 4)?.markdown ?? "";
    expect(md).toContain("tensor [4,3] · matmul");
    expect(md).toContain("∂loss/∂z · ‖·‖₂ = ");
  });

  it("inlay hints: shapes for constants, shape and ‖∂‖ for values, the target's number", () => {
    const labels = inlaysIn(result, sf, 0, text.length, 4).map((i) => `${text.slice(text.lastIndexOf("\n", i.offset - 1) + 1, i.offset).slice(0, 11)}: ${i.label}`);
    expect(labels).toContain("const X = t: [4,2]");
    expect(labels.find((l) => l.startsWith("const out ="))).toMatch(/^const out =: \[4,1\] ‖∂‖ \d/);
    expect(labels).toContain(`const loss : ${f(result.value ?? NaN)} (target)`);
  });
});

describe("tensor hovers elsewhere", () => {
  it("seed 002: the inlay's ‖∂‖ of w1 is the norm of its elements' gradients", () => {
    const { result, sf, text } = evaluate(example("seed002-modules.nn.ts"));
    const grads = result.params.filter((p) => p.name.startsWith("w1[")).map((p) => p.grad);
    expect(grads).toHaveLength(12);
    const at = offsetOf(text, "const w1 = param(randn([3, 4]));", 0, 31);
    const hint = inlaysIn(result, sf, 0, text.length, 4).find((i) => i.offset === at);
    expect(hint?.label).toBe(`[3,4] ‖∂‖ ${f(norm(grads))}`);
    expect(hoverAt(result, sf, offsetOf(text, "const w1", 0, 7), 4)?.markdown).toContain(`‖·‖₂ = ${f(norm(grads))}`);
  });

  it("a tensor name evaluated once per call lists each call's tensor with its own gradient", () => {
    const { result, sf, text } = evaluate("const w = param(tensor([1, 2]));\nfunction f(k) { const y = w * k; return sum(y); }\nconst loss = f(2) + 3 * f(5);\n");
    const md = hoverAt(result, sf, offsetOf(text, "const y", 0, 6), 4)?.markdown ?? "";
    expect(md).toMatch(/^\*\*y\*\*: 2 evaluations/);
    expect(md).toContain("*f(2)*");
    expect(md).toContain("*f(5)*");
    // ∂loss/∂y is 1 per element in f(2) and 3 in f(5); ‖·‖₂ over two elements.
    expect(md).toContain(`‖·‖₂ = ${f(Math.SQRT2)}`);
    expect(md).toContain(`‖·‖₂ = ${f(3 * Math.SQRT2)}`);
    expect(md).toContain("[2, 4]");
    expect(md).toContain("[5, 10]");
  });

  it("previews cut big tensors with … after 4 rows and 6 columns", () => {
    const { result, sf, text } = evaluate("seed(1);\nconst W = param(randn([6, 8]));\nconst loss = sum(W * W);\n");
    const md = hoverAt(result, sf, offsetOf(text, "const W", 0, 6), 4)?.markdown ?? "";
    const block = md.split("```text\n")[1].split("\n```")[0].split("\n");
    expect(block).toHaveLength(5);
    expect(block.slice(0, 4).every((l) => l.endsWith(", …],") && l.split(",").length === 8)).toBe(true);
    expect(block[4]).toBe(" …]");
    const W = result.params.map((p) => p.value);
    expect(md).toContain(`‖·‖₂ = ${f(2 * norm(W))}`);
    expect(preview([3], [1, 2.5, -3], 4)).toBe("[1, 2.5, -3]");
    expect(preview([], [0.123456], 3)).toBe("0.123");
  });
});
