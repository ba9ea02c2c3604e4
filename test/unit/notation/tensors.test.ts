// Runs in vitest (Node): tensor values in the notation: literals, matmul and its spellings, reductions, indexing,
// positioned shape errors, gradients through files (against central differences) and scalars mixed in.
import { describe, expect, it } from "vitest";
import { ParamStore, Trainer, makeOptimizer } from "../../../src/engine";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";
import { numeric } from "./helpers";

function grads(text: string): Map<string, number> {
  const d = evaluateDocument(text);
  expect(d.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  return new Map(d.params.map((p) => [p.name, p.grad]));
}

const NET = `seed(3);
const X = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const Y = tensor([[0], [1], [1], [0]]);
const W1 = param(randn([2, 3]));
const b1 = param(zeros(1, 3));
const W2 = param(randn([3, 1]));
const h = tanh(matmul(X, W1) + b1);
const out = sigmoid(h.matmul(W2));
const loss = mse(out, Y);
`;

describe("tensor values in the notation", () => {
  it("records a tensor network whose gradients match central differences element by element", () => {
    const d = evaluateDocument(NET);
    expect(d.ok).toBe(true);
    expect(d.targetName).toBe("loss");
    expect(d.params.map((p) => p.name).slice(0, 7)).toEqual(["W1[0][0]", "W1[0][1]", "W1[0][2]", "W1[1][0]", "W1[1][1]", "W1[1][2]", "b1[0][0]"]);
    expect(d.store.size).toBe(12);
    for (let slot = 0; slot < d.store.size; slot++) {
      expect(Math.abs(d.params[slot].grad - numeric(NET, slot))).toBeLessThan(1e-7);
    }
    expect(d.params.some((p) => Math.abs(p.grad) > 1e-3)).toBe(true);
  });

  it("trains through the document's objective (replay of tensor nodes)", () => {
    const d = evaluateDocument(NET);
    const store: ParamStore = d.trainingStore();
    expect(d.objective).toBeDefined();
    const tr = new Trainer(d.objective!, store, { optimizer: makeOptimizer("adam", { lr: 0.1 }), replay: d.replaySafe });
    const first = tr.step();
    let last = first;
    for (let k = 0; k < 300; k++) last = tr.step();
    expect(last).toBeLessThan(first / 10);
  });

  it("spells transpose and matmul several ways, all the same value", () => {
    const d = evaluateDocument(`const a = tensor([[1, 2], [3, 4], [5, 6]]);
const p = sum(matmul(a.T, a));
const q = sum(a.t().matmul(a));
const r = sum(torch.mm(torch.t(a), a));
const s = sum(np.dot(transpose(a), a));
const loss = p - q + r - s + p;`);
    expect(d.value).toBe(1 * 1 + 3 * 3 + 5 * 5 + 2 * (1 * 2 + 3 * 4 + 5 * 6) + 2 * 2 + 4 * 4 + 6 * 6);
  });

  it("shape errors name both shapes and the position", () => {
    const d = evaluateDocument(`const a = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const b = tensor([[1], [2], [3]]);
const loss = sum(matmul(a, b));`);
    const e = d.diagnostics.find((x) => x.severity === "error");
    expect(`${e?.message} (line ${e?.line}:${e?.column})`).toBe("matmul: shapes [4,2] and [3,1] do not align (line 3:18)");
    const m = evaluateDocument("const a = tensor([[1, 2]]);\nconst loss = sum(a + tensor([[1, 2, 3]]));").diagnostics[0];
    expect([m.message, m.line, m.column]).toEqual(["add: shapes [1,2] and [1,3] do not broadcast", 2, 18]);
    const r0 = evaluateDocument("const W = param(randn(2, 3));\nconst loss = sum(matmul(tensor([[1, 2]]), W));").diagnostics.filter((d) => d.severity === "error")[0];
    expect(r0.message).toMatch(/^matmul: shapes \[1,2\] and \[\] do not align: one side is a number, not a matrix \(a random matrix is `randn\(\[rows, cols\]\)`/);
    const l = evaluateDocument("const p = tensor([[1], [2]]);\nconst loss = mse(p, tensor([1, 2]));").diagnostics[0];
    expect(l.message).toMatch(/mse: prediction shape \[2,1\] and target shape \[2\] differ/);
  });

  it("reductions, indexing, reshape, item and masks", () => {
    const sel = (text: string): number => evaluateSelection(text).value;
    expect(sel("const a = tensor([[1, 2, 3], [4, 5, 6]]);\nsum(a.sum(0) * tensor([1, 10, 100]))")).toBe(5 + 70 + 900);
    expect(sel("const a = tensor([[1, 2, 3], [4, 5, 6]]);\nsum(a.mean(1) * tensor([[1], [10]]))")).toBe(2 + 50);
    expect(sel("const a = tensor([[1, 2, 3], [4, 5, 6]]);\na[1][2].item()")).toBe(6);
    expect(sel("const a = tensor([[1, 2, 3], [4, 5, 6]]);\nsum(a.reshape(3, 2)[2])")).toBe(11);
    expect(sel("const a = tensor([[-1, 2], [3, -4]]);\nsum(a.gt(0) * a)")).toBe(5);
    expect(sel("const a = tensor([[-1, 2], [3, -4]]);\nsum(a.clampMin(0))")).toBe(5);
    expect(sel("const a = tensor([1, 2, 3]);\na.shape[0] + a.unsqueeze(-1).shape[1] + a.length")).toBe(7);
    expect(sel("const a = tensor([[1, 2], [3, 4]]);\nconst l = a.tolist();\nl[1][0] * 10 + l[0][1]")).toBe(32);
  });

  it("scalars flow into tensors and back with gradients", () => {
    const r = evaluateSelection("const v = tensor([[x, y], [y, 1]]);\nsum(v.matmul(v)) * x", { values: { x: 2, y: 3 } });
    // v@v = [[x²+y², xy+y], [xy+y, y²+1]]; sum s = x² + 2y² + 2xy + 2y + 1; the value is s·x.
    const s = 4 + 18 + 12 + 6 + 1;
    expect(r.value).toBe(s * 2);
    const g = new Map(r.leaves.map((l) => [l.name, l.grad]));
    expect(g.get("x")).toBeCloseTo(s + 2 * (2 * 2 + 2 * 3), 10);
    expect(g.get("y")).toBeCloseTo(2 * (4 * 3 + 2 * 2 + 2), 10);
  });

  it("attributes on tensors hold hand-written gradients; members cannot be overwritten", () => {
    const ok = evaluateDocument("const a = tensor([1, 2]);\na.g = a * 2;\nconst loss = sum(a.g);");
    expect(ok.value).toBe(6);
    const bad = evaluateDocument("const a = tensor([1, 2]);\na.shape = 3;\nconst loss = 1;").diagnostics[0];
    expect([bad.message, bad.line]).toEqual(["cannot set `shape` of a tensor", 2]);
    const imm = evaluateDocument("const a = tensor([1, 2]);\na[0] = 3;\nconst loss = 1;").diagnostics[0];
    expect(imm.message).toMatch(/tensors are immutable/);
    const cmp = evaluateDocument("const a = tensor([1, 2]);\nconst loss = a > 0 ? 1 : 0;").diagnostics[0];
    expect(cmp.message).toMatch(/compares numbers, not tensors/);
  });

  it("randn/rand with a shape make seeded tensors; with numbers they stay scalars", () => {
    const a = evaluateDocument("seed(1);\nconst W = randn([2, 2]);\nconst loss = sum(W);").value;
    const b = evaluateDocument("seed(1);\nconst W = torch.randn(2, 2);\nconst loss = sum(W);").value;
    expect(a).toBe(b);
    expect(evaluateDocument("seed(1);\nconst loss = randn(5, 0);").value).toBe(5);
    const w = evaluateDocument("seed(1);\nconst loss = randn(2, 3);").diagnostics;
    expect(w.map((d) => [d.severity, d.message, d.line])).toEqual([
      ["warning", "`randn(2, 3)` is one number (mean 2, std 3); a 2×3 random matrix is `randn([2, 3])`", 2]]);
    expect(evaluateDocument("seed(1);\nconst loss = randn(0, 1) + randn(0.5, 2);").diagnostics).toEqual([]);
  });

  it("`for … of` over a tensor visits its rows, with gradients", () => {
    const g = grads("const X = tensor([[0, 1], [1, 1], [2, 1]]);\nconst W = param([[0.5], [-0.5]]);\nlet loss = 0;\nfor (const r of X) loss = loss + sum(matmul(r.reshape(1, 2), W) ** 2);");
    // loss = Σ_r (r·W)², ∂/∂W = Σ_r 2 (r·W) r: rows give r·W = -0.5, 0, 0.5.
    expect([g.get("W[0][0]"), g.get("W[1][0]")]).toEqual([2 * (-0.5 * 0 + 0 * 1 + 0.5 * 2), 2 * (-0.5 + 0 + 0.5)]);
  });

  it("NaN inside a tensor is flagged at the op where it appears, naming the element", () => {
    const d = evaluateDocument("const a = param([[1, -1], [2, 3]]);\nconst b = log(a);\nconst loss = sum(b * 2);");
    const w = d.diagnostics.find((x) => x.severity === "warning");
    expect([w?.message, w?.line, w?.column]).toEqual(["NaN first appears here (element [0][1] of a [2,2] tensor) (the target is NaN)", 2, 11]);
  });

  it("a one-element tensor loss is the target; grads reach scalar params through it", () => {
    const g = grads("const w = param(3);\nconst v = tensor([w, 2 * w]);\nconst loss = mean(v ** 2);");
    expect(g.get("w")).toBeCloseTo(((2 * 3) + 4 * (2 * 3)) / 2, 12);
  });
});

describe("the same network written with numbers and with tensors", () => {
  const SCALAR = `const w = [[param(0.3), param(-0.8)], [param(0.5), param(0.9)]], b = [param(0.1), param(-0.2)];
const v = [param(1.2), param(-0.7)], c = param(0.05);
function forward(p, q) {
  const h0 = tanh(p * w[0][0] + q * w[1][0] + b[0]);
  const h1 = tanh(p * w[0][1] + q * w[1][1] + b[1]);
  return sigmoid(h0 * v[0] + h1 * v[1] + c);
}
let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;`;
  const TENSOR = `const W = param([[0.3, -0.8], [0.5, 0.9]]), B = param([[0.1, -0.2]]);
const V = param([[1.2], [-0.7]]), C = param([[0.05]]);
const X = tensor(XOR.map(([p, q]) => [p, q])), Y = tensor(XOR.map((r) => [r[2]]));
const loss = sse(sigmoid(matmul(tanh(matmul(X, W) + B), V) + C), Y);`;

  it("gives the same loss and the same gradients to 1e-12", () => {
    const s = evaluateDocument(SCALAR), t = evaluateDocument(TENSOR);
    expect(s.diagnostics).toEqual([]);
    expect(t.diagnostics).toEqual([]);
    expect(Math.abs((s.value as number) - (t.value as number))).toBeLessThanOrEqual(1e-12);
    expect(s.store.size).toBe(t.store.size);
    // Slot order matches: w row-major, b, v, c in both files.
    for (let k = 0; k < s.store.size; k++) expect(Math.abs(s.store.grads[k] - t.store.grads[k])).toBeLessThanOrEqual(1e-12);
    expect(t.params.map((p) => p.name)).toEqual(["W[0][0]", "W[0][1]", "W[1][0]", "W[1][1]", "B[0][0]", "B[0][1]", "V[0][0]", "V[1][0]", "C[0][0]"]);
  });
});
