// Runs in vitest (Node): issue 17's ops in the notation: every spelling evaluates (bare, snake_case, under Math/math/
// np/torch/F, method forms) on numbers, graph numbers and tensors with broadcasting, and its gradient matches central
// differences; conventions at kinks and ties in the warnings; rank-3 tensors and batched matmul.
import { describe, expect, it } from "vitest";
import { evaluateSelection } from "../../../src/notation";
import { expectGradientsMatch, value } from "./helpers";

const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse to test gelu; the series converges fast for |x| <= 2.
  let sum = 0, term = x;
  for (let n = 0; n < 60; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};
const gelu = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));
const softplus = (x: number): number => Math.log1p(Math.exp(x));

/** The values of the names the text uses (the helpers difference every name they are given). */
const used = (text: string, at: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(at).filter(([k]) => new RegExp(`\\b${k}\\b`).test(text)));

describe("numbers: every spelling, its value and its gradient", () => {
  const at = { x: 0.7, y: -0.4 };
  it.each([
    ["max(x, y, 0.1)", 0.7], ["min(x, y, 0.1)", -0.4], ["Math.max(x, y)", 0.7], ["Math.min(x, y)", -0.4],
    ["np.max([x, y])", 0.7], ["torch.min(x, y)", -0.4], ["maximum(x, y)", 0.7], ["minimum(x, y)", -0.4],
    ["clamp(x, 0, 0.5)", 0.5], ["clamp(y, -1, 1)", -0.4], ["np.clip(x, y, 0.6)", 0.6], ["torch.clamp(x, 0.8)", 0.8],
    ["where(gt(x, y), x * y, x + y)", -0.28], ["where(lt(x, y), x * y, x + y)", 0.3], ["ge(x, x) + le(y, x)", 2],
    ["np.greater(x, y) + np.less_equal(x, y)", 1], ["leakyRelu(y)", -0.004], ["leaky_relu(y, 0.2)", -0.08],
    ["F.leaky_relu(x)", 0.7], ["gelu(x) + gelu(y)", gelu(0.7) + gelu(-0.4)], ["F.gelu(y)", gelu(-0.4)],
    ["softplus(x) * softplus(y)", softplus(0.7) * softplus(-0.4)], ["torch.softplus(x)", softplus(0.7)],
    ["max(x * y, y - x) + min(x, 1)", -0.28 + 0.7],
  ])("%s", (text, expected) => {
    expect(value(text, used(text, at))).toBeCloseTo(expected, 12);
    expectGradientsMatch(text, used(text, at));
  });

  it("detach cuts the gradient: d(detach(x) · x)/dx is detach(x), not 2x", () => {
    const r = evaluateSelection("detach(x) * x + torch.detach(y) * y + sum(tensor([x, y]).detach() * x)", { values: { x: 3, y: 2 } });
    expect(r.value).toBe(9 + 4 + 15);
    expect(r.leaves.map((l) => l.grad)).toEqual([3 + 5, 2]);
  });

  it("on plain numbers the ops compute plain numbers (a constant draws nothing)", () => {
    expect(value("max(1, 5, 3) + min(2, -1) + clamp(7, 0, 1) + gt(2, 1) + where(0, 10, 20) + x", { x: 0 })).toBe(5 - 1 + 1 + 1 + 20);
    expect(value("gelu(1) + softplus(0) + leakyRelu(-2) + x", { x: 0 })).toBeCloseTo(gelu(1) + Math.LN2 - 0.02, 14);
  });
});

describe("tensors: elementwise with broadcasting, reductions along axes, softmax and the label losses", () => {
  const at = { x: 0.3, y: -1.2, z: 2.1 };
  it.each([
    "sum(maximum(tensor([[x, y, z]]), tensor([[0.5], [-0.5]])))",
    "sum(minimum(tensor([x, y, z]), 0.1) * tensor([1, 2, 3]))",
    "sum(clamp(tensor([x, y, z]), -1, 1) * tensor([1, 2, 3]))",
    "sum(tensor([x, y, z]).clamp(-1, 1) * tensor([3, 2, 1]))",
    "sum(where(tensor([x, y, z]).gt(0), tensor([x, y, z]) * 2, tensor([x, y, z]) ** 2))",
    "sum(torch.where(gt(tensor([x, y, z]), tensor([0, 0, 3])), tensor([x, y, z]), z))",
    "sum(tensor([x, y, z]).where(lt(tensor([x, y, z]), 1), y))",
    "sum(leakyRelu(tensor([x, y, z]), 0.1) + gelu(tensor([x, y, z])) + softplus(tensor([x, y, z])))",
    "sum(abs(tensor([x, y])) + sin(tensor([y, z])) + tensor([x, z]).cos())",
    "sum(max(tensor([[x, y], [z, 0.5]]), 0) * tensor([[1, 2]]))",
    "sum(max(tensor([[x, y], [z, 0.5]]), -1) * tensor([[1], [2]]))",
    "sum(tensor([[x, y], [z, 0.5]]).min(1)) + max(tensor([x, y, z]))",
    "sum(tensor([[x, y], [z, 0.5]]).amax(0))",
    "sum(logsumexp(tensor([[x, y, z], [z, x, 1]]), 1) * tensor([[1], [3]]))",
    "sum(softmax(tensor([[x, y, z], [1, x, y]]), -1) * tensor([[1, 2, 3]]))",
    "sum(tensor([[x, y, z], [1, x, y]]).softmax(0) * tensor([[1, 2, 3]]))",
    "sum(F.log_softmax(tensor([[x, y, z]]), 1) * tensor([[1, 0, 2]]))",
    "sum(tensor([x, y, z]).log_softmax() * tensor([1, 0, 2]))",
    "F.cross_entropy(tensor([[x, y, z], [z, 1, x]]), [2, 0])",
    "crossEntropy(tensor([[x, y, z], [z, 1, x]]), tensor([1, 1]))",
    "F.nll_loss(F.log_softmax(tensor([[x, y, z], [z, 1, x]]), -1), [0, 1])",
  ])("%s", (text) => {
    expectGradientsMatch(text, used(text, at));
  });

  it("argmax gives indices (no gradient); a comparison is a 0/1 mask", () => {
    expect(value("sum(argmax(tensor([[1, x, 2], [9, 0, y]]), 1) * tensor([[1], [10]])) + 0 * x", { x: 5, y: 3 })).toBe(1);
    expect(value("sum(np.argmax(tensor([x, y, 4])))", { x: 5, y: 6 })).toBe(1);
    expect(value("sum(ge(tensor([x, y]), tensor([1, 2])))", { x: 1, y: 1 })).toBe(1);
  });

  it("softmax, logsumexp and crossEntropy stay finite for logits around 1,000", () => {
    const r = evaluateSelection("F.cross_entropy(tensor([[x, 1000, 999]]), [0]) + sum(logsumexp(tensor([x, 1000])))", { values: { x: 1001 } });
    expect(Number.isFinite(r.value)).toBe(true);
    expect(Number.isFinite(r.leaves[0].grad)).toBe(true);
  });

  it("a missing axis is a positioned error naming the shape", () => {
    expect(() => evaluateSelection("sum(softmax(tensor([[x, 1]]), 2))", { values: { x: 1 } })).toThrow(/no axis 2 in shape \[1,2\]/);
  });
});

describe("rank-3 tensors and batched matmul", () => {
  it("nested literals, zeros/ones/randn with three sizes, sums and max over any axis", () => {
    const at = { x: 0.3, y: -1.2 };
    expectGradientsMatch("sum(tensor([[[x, 1], [2, y]], [[y, x], [3, 4]]]).max(-1) * tensor([[[1], [2]]]))", at);
    expectGradientsMatch("sum(sum(tensor([[[x, 1], [2, y]], [[y, x], [3, 4]]]), 0) * tensor([[1, 2], [3, 4]]))", at);
    expectGradientsMatch("sum(mean(tensor([[[x, 1], [2, y]], [[y, x], [3, 4]]]), 1) * tensor([[[1, 5]], [[2, 7]]]))", at);
    expect(value("sum(zeros(2, 3, 4)) + sum(ones([2, 3, 4])) + x", { x: 0 })).toBe(24);
    expect(evaluateSelection("seed(1); const t = torch.randn(2, 3, 4); sum(t * 0) + x", { values: { x: 1 } }).value).toBe(1);
  });

  it("transpose of the last two axes and batched matmul [b,n,k]·[b,k,m]", () => {
    const at = { x: 0.3, y: -1.2 };
    const A = "tensor([[[x, 1, 2], [y, 0, 1]], [[1, x, y], [2, 2, x]]])";
    expectGradientsMatch(`sum(matmul(${A}, ${A}.transpose(-2, -1)) * tensor([[1, 2], [3, 4]]))`, at);
    expectGradientsMatch(`sum(torch.matmul(${A}, transpose(${A})) * tensor([[1, 2], [3, 4]]))`, at);
    expect(() => evaluateSelection(`sum(${A}.transpose(0, 1))`, { values: at })).toThrow(/swaps the last two axes only/);
  });
});

describe("conventions at kinks and ties, from the engine's op table", () => {
  it.each([
    ["max(x, y)", { x: 1, y: 1 }, /max at a tie/],
    ["clamp(x, 0, 1)", { x: 1, y: 0 }, /clamp at a bound/],
    ["leakyRelu(x) + y", { x: 0, y: 0 }, /leakyRelu at 0: .*slope/],
    ["relu(x) + y", { x: 0, y: 0 }, /relu at 0: .*gives 0/],
  ])("%s warns with its op's convention", (text, at, re) => {
    const r = evaluateSelection(text, { values: at });
    expect(r.warnings.map((w) => w.message).join("\n")).toMatch(re);
  });
});
