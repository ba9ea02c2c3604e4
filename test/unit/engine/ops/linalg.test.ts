// Runs in vitest (Node): batched matmul ([b,n,k]·[b,k,m], a matrix or a batch of one shared by every batch, as
// torch.matmul) and the transpose of the last two axes: values against plain loops, gradients against central
// differences element by element; and a batched attention head, softmax(Q Kᵀ/√d) V, checked the same way.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck, type Build } from "../tensor/check";

const rng = new Rng(29);
const r = (...shape: number[]): TensorData => ({ shape, data: randn(1, shape.reduce((p, d) => p * d, 1), rng).data });

/** a·b by the plain triple loop per batch; a rank-2 (or batch-1) operand is shared by every batch. */
function reference(a: TensorData, b: TensorData): number[] {
  const [n, k] = a.shape.slice(-2), m = b.shape[b.shape.length - 1];
  const B = Math.max(a.shape.length === 3 ? a.shape[0] : 1, b.shape.length === 3 ? b.shape[0] : 1);
  const at = (x: TensorData, p: number): number => (x.shape.length === 3 && x.shape[0] > 1 ? p : 0);
  const out: number[] = [];
  for (let p = 0; p < B; p++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += a.data[at(a, p) * n * k + i * k + q] * b.data[at(b, p) * k * m + q * m + j];
        out.push(s);
      }
    }
  }
  return out;
}

const pairs: [string, () => [TensorData, TensorData], number[]][] = [
  ["[3,2,4]·[3,4,5]", () => [r(3, 2, 4), r(3, 4, 5)], [3, 2, 5]],
  ["[3,2,4]·[4,5] (a matrix shared by the batch)", () => [r(3, 2, 4), r(4, 5)], [3, 2, 5]],
  ["[2,4]·[3,4,5]", () => [r(2, 4), r(3, 4, 5)], [3, 2, 5]],
  ["[1,3,2]·[4,2,3] (a batch of one broadcast)", () => [r(1, 3, 2), r(4, 2, 3)], [4, 3, 3]],
  ["[2,5,3]·[1,3,1]", () => [r(2, 5, 3), r(1, 3, 1)], [2, 5, 1]],
  ["[1,3,3]·[3,3]", () => [r(1, 3, 3), r(3, 3)], [1, 3, 3]],
];

describe("batched matmul", () => {
  for (const [name, make, shape] of pairs) {
    it(`${name}: shape, values against plain loops, gradients against central differences`, () => {
      const [a, b] = make(), t = new Tape(), y = t.matmul(t.tensorConst(a), t.tensorConst(b));
      expect(t.shape(y)).toEqual(shape);
      const ref = reference(a, b), v = t.tensorValue(y);
      ref.forEach((x, k) => expect(v[k]).toBeCloseTo(x, 12));
      expect(gradcheck([a, b], (t, [x, z]) => t.matmul(x, z))).toBe(a.data.length + b.data.length);
    });
  }

  it("the same node as both operands of a batch", () => {
    expect(gradcheck([r(2, 3, 3)], (t, [a]) => t.matmul(a, a))).toBe(18);
    expect(gradcheck([r(2, 3, 2)], (t, [a]) => t.matmul(a, t.transpose(a)))).toBe(12);
  });

  it("shapes that do not align are an error naming both", () => {
    const t = new Tape();
    expect(() => t.matmul(t.tensorConst(r(2, 3, 4)), t.tensorConst(r(3, 4, 5)))).toThrow("matmul: shapes [2,3,4] and [3,4,5] do not align");
    expect(() => t.matmul(t.tensorConst(r(2, 3, 4)), t.tensorConst(r(2, 3, 5)))).toThrow("do not align");
    expect(() => t.matmul(t.tensorConst(r(4)), t.tensorConst(r(2, 4, 5)))).toThrow("matmul: shapes [4] and [2,4,5] do not align");
  });
});

describe("transpose of the last two axes", () => {
  it("swaps each matrix of a batch; gradients against central differences", () => {
    const t = new Tape(), b = t.tensorInput({ shape: [2, 2, 3], data: Float64Array.from({ length: 12 }, (_, k) => k) });
    const y = t.transpose(b);
    expect(t.shape(y)).toEqual([2, 3, 2]);
    expect(toNested(t.tensorData(y))).toEqual([[[0, 3], [1, 4], [2, 5]], [[6, 9], [7, 10], [8, 11]]]);
    expect(gradcheck([r(2, 3, 4)], (t, [a]) => t.transpose(a))).toBe(24);
    expect(gradcheck([r(3, 1, 4)], (t, [a]) => t.matmul(t.transpose(a), a))).toBe(12);
  });
});

describe("a batched attention head", () => {
  /** softmax(Q Kᵀ / √d) V with Q = X Wq, K = X Wk, V = X Wv, over a batch of sequences X [b, n, dm]. */
  const head: Build = (t, [X, Wq, Wk, Wv]) => {
    const d = t.shape(Wq)[1];
    const q = t.matmul(X, Wq), k = t.matmul(X, Wk), v = t.matmul(X, Wv);
    const scores = t.div(t.matmul(q, t.transpose(k)), t.const(Math.sqrt(d)));
    return t.matmul(t.softmax(scores, -1), v);
  };

  it("has the shape [b, n, d] and every gradient (input and all three projections) matches central differences", () => {
    const X = r(2, 4, 3), Wq = r(3, 2), Wk = r(3, 2), Wv = r(3, 2), t = new Tape();
    const out = head(t, [X, Wq, Wk, Wv].map((x) => t.tensorConst(x)));
    expect(t.shape(out)).toEqual([2, 4, 2]);
    expect(gradcheck([X, Wq, Wk, Wv], head)).toBe(24 + 3 * 6);
  });

  it("each batch attends only within itself: batch 0's output does not depend on batch 1's input", () => {
    const X = r(2, 3, 3), W = [r(3, 2), r(3, 2), r(3, 2)], t = new Tape();
    const x = t.tensorParam(X), out = head(t, [x, ...W.map((w) => t.tensorConst(w))]);
    t.backward(t.sum(t.row(out, 0)));
    const g = t.tensorGradient(x);
    expect(Array.from(g.subarray(9)).every((v) => v === 0)).toBe(true);
    expect(Array.from(g.subarray(0, 9)).some((v) => v !== 0)).toBe(true);
  });
});
