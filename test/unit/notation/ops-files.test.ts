// Runs in vitest (Node): issue 17's ops through files: an attention head over a batch (rank-3 tensors, batched
// matmul, softmax) and a softmax classifier, gradients against central differences element by element; and new
// built-in names never taking a name from the user (a file's own `max`, `--at E=2`, `--at max=5`, the document's E).
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";
import { numeric } from "./helpers";

function expectFileGradients(text: string): void {
  const d = evaluateDocument(text);
  expect(d.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  expect(d.store.size).toBeGreaterThan(0);
  for (let slot = 0; slot < d.store.size; slot++) {
    const n = numeric(text, slot);
    expect(Math.abs(d.params[slot].grad - n), d.params[slot].name).toBeLessThan(1e-6 + 1e-5 * Math.abs(n));
  }
  expect(d.params.some((p) => Math.abs(p.grad) > 1e-3)).toBe(true);
}

describe("through files, element by element against central differences", () => {
  it("an attention head over a batch: [b,n,d] inputs, batched matmul, softmax over the last axis", () => {
    expectFileGradients(`seed(4);
const X = randn([2, 3, 4]);
const Wq = param(randn([4, 2])), Wk = param(randn([4, 2])), Wv = param(randn([4, 2]));
const Q = matmul(X, Wq), K = matmul(X, Wk), V = matmul(X, Wv);
const scores = matmul(Q, K.transpose(-2, -1)) / Math.sqrt(2);
const A = softmax(scores, -1);
const out = torch.matmul(A, V);
const loss = mean(out * out) + sum(max(out, -1)) * 0.1;
`);
  });

  it("a softmax classifier: gelu hidden layer, cross-entropy on integer labels", () => {
    expectFileGradients(`seed(2);
const X = tensor([[0.5, -1], [1, 2], [-2, 0.3], [0.1, 0.1]]);
const y = tensor([0, 2, 1, 2]);
const W1 = param(randn([2, 5])), b1 = param(zeros(1, 5));
const W2 = param(randn([5, 3])), b2 = param(zeros(1, 3));
const h = F.gelu(matmul(X, W1) + b1);
const loss = F.cross_entropy(matmul(h, W2) + b2, y) + 0.01 * sum(softplus(W1)) + 0.01 * sum(clamp(W2, -0.5, 0.5));
`);
  });
});

describe("a name the user gives a value shadows the built-in", () => {
  it("--at E=2 (and a prompt's value) replaces Math's e, which then gets a gradient", () => {
    const r = evaluateSelection("x * E", { values: { x: 3, E: 2 } });
    expect(r.value).toBe(6);
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["x", 2], ["E", 3]]);
    expect(evaluateSelection("x * E", { values: { x: 3 } }).value).toBe(3 * Math.E);
  });

  it("--at max=5: max is a value here, not the function", () => {
    expect(evaluateSelection("max + x", { values: { x: 1, max: 5 } }).value).toBe(6);
  });

  it("a selection (or Python) that assigns a built-in's name makes its own: `max = 5`, `E = 2`", () => {
    expect(evaluateSelection("max = 5; max + x", { values: { x: 1 } }).value).toBe(6);
    expect(evaluateSelection("E = 2\nE * x", { values: { x: 3 }, languageId: "python" }).value).toBe(6);
    // The next evaluation has the built-ins back.
    expect(evaluateSelection("max(x, 2)", { values: { x: 1 } }).value).toBe(2);
  });

  it("a constant the document assigns to a built-in's name shadows it in a selection", () => {
    const doc = "E = 2\ny = x * E\n";
    const r = evaluateSelection("x * E", { documentText: doc, selectionOffset: doc.indexOf("x * E"), values: { x: 3 } });
    expect(r.value).toBe(6);
    expect(r.foundNames.map((f) => [f.name, f.value, f.line])).toEqual([["E", 2, 1]]);
  });

  it("a file's own max, softmax and E are its own", () => {
    const d = evaluateDocument(`const max = (a: number, b: number) => a + b;
function softmax(t: number): number { return t * 10; }
const E = 2;
const w = param(3);
const loss = max(w, 1) + softmax(w) + E * w;`);
    expect(d.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(d.value).toBe(4 + 30 + 6);
    expect(d.params[0].grad).toBe(1 + 10 + 2);
  });
});
