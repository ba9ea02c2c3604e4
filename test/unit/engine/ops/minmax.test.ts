// Runs in vitest (Node): max, min, clamp and where on scalars and tensors: values, gradients against central
// differences element by element (broadcasting and rank-3 cases), and the conventions at ties and bounds, the same
// on scalar and tensor nodes.
import { describe, expect, it } from "vitest";
import { Flag, Op } from "../../../../src/engine/op";
import { opKink } from "../../../../src/engine/ops";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck, type Build } from "../tensor/check";
import { scalarCheck } from "./scalar-check";

const ND = Flag.NonDifferentiable;
const rng = new Rng(5);
const r = (...shape: number[]): TensorData => {
  const n = shape.reduce((p, d) => p * d, 1);
  return { shape, data: randn(1, n, rng).data };
};

describe("max and min of scalars", () => {
  it("one n-ary node; the gradient goes to the extreme input", () => {
    const { t, ids, out } = scalarCheck((t, xs) => t.max(xs), [0.5, 2.25, -1]);
    expect(t.op[out]).toBe(Op.Max);
    expect(t.inputsOf(out)).toEqual(ids);
    expect(t.value(out)).toBe(2.25);
    expect(ids.map((i) => t.gradient(i))).toEqual([0, 1, 0]);
    expect(t.flags[out]).toBe(0);
    const m = scalarCheck((t, xs) => t.min(xs), [0.5, 2.25, -1, 4]);
    expect(m.t.value(m.out)).toBe(-1);
    expect(m.ids.map((i) => m.t.gradient(i))).toEqual([0, 0, 1, 0]);
    scalarCheck((t, [a, b]) => t.mul(t.maximum(a, b), t.minimum(a, b)), [1.5, -0.25]);
  });

  it("a tie of k inputs gives each 1/k, flagged, with the convention stated", () => {
    const t = new Tape(), a = t.input(3), b = t.input(1), c = t.input(3), d = t.input(3);
    const y = t.max([a, b, c, d]);
    expect(t.flags[y]).toBe(ND);
    expect(Array.from(t.local.subarray(t.start[y], t.start[y + 1]))).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
    t.backward(y);
    expect([a, b, c, d].map((i) => t.gradient(i))).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
    expect(opKink[Op.Max]).toBe("max at a tie: not differentiable, the gradient is split equally between the tied inputs");
    const z = t.min([b, t.input(1)]);
    expect([t.value(z), t.flags[z], t.local[t.start[z]]]).toEqual([1, ND, 0.5]);
  });

  it("max(x, x) passes the whole gradient to x; one value is itself; none is an error; NaN wins", () => {
    const t = new Tape(), x = t.input(2);
    const y = t.max([x, x]);
    t.backward(y);
    expect(t.gradient(x)).toBe(1);
    expect(t.max([x])).toBe(x);
    expect(() => t.max([])).toThrow("max: no values");
    expect(Number.isNaN(t.value(t.max([x, t.input(NaN)])))).toBe(true);
    expect(Number.isNaN(t.value(t.min([t.input(NaN), x])))).toBe(true);
  });
});

describe("maximum and minimum of tensors", () => {
  const shapes: [string, () => TensorData, () => TensorData][] = [
    ["[3,4] with [3,4]", () => r(3, 4), () => r(3, 4)],
    ["[3,4] with [1,4]", () => r(3, 4), () => r(1, 4)],
    ["[3,4] with [3,1]", () => r(3, 4), () => r(3, 1)],
    ["[3,4] with a scalar", () => r(3, 4), () => r()],
    ["[2,3,4] with [4]", () => r(2, 3, 4), () => r(4)],
    ["[2,1,4] with [3,1]", () => r(2, 1, 4), () => r(3, 1)],
    ["[2,3,4] with [2,3,4]", () => r(2, 3, 4), () => r(2, 3, 4)],
  ];
  for (const op of ["maximum", "minimum"] as const) {
    for (const [name, fa, fb] of shapes) {
      it(`${op} ${name}: gradients against central differences`, () => {
        const a = fa(), b = fb();
        expect(gradcheck([a, b], (t, [x, y]) => t[op](x, y))).toBe(a.data.length + b.data.length);
      });
    }
  }

  it("values broadcast; ties split the gradient in halves, as on scalars, and flag the node", () => {
    const t = new Tape(), a = t.tensorParam([[1, 5], [3, 2]]), b = t.tensorParam([3, 2]);
    const y = t.maximum(a, b);
    expect(toNested(t.tensorData(y))).toEqual([[3, 5], [3, 2]]);
    expect(t.flags[y]).toBe(ND);
    t.backward(t.sum(y));
    expect(Array.from(t.tensorGradient(a))).toEqual([0, 1, 0.5, 0.5]);
    expect(Array.from(t.tensorGradient(b))).toEqual([1.5, 0.5]);
    const s = new Tape(), p = s.input(3), q = s.input(3), m = s.maximum(p, q);
    s.backward(m);
    expect([s.gradient(p), s.gradient(q), s.flags[m]]).toEqual([0.5, 0.5, ND]);
    expect(s.op[m]).toBe(Op.Max);
    expect(t.flags[t.minimum(t.tensorInput([1, 2]), t.tensorInput([3, 4]))]).toBe(0);
  });

  it("max(xs) with tensors among the scalars folds pairwise by maximum", () => {
    const t = new Tape(), v = t.tensorInput([1, 7, 3]), y = t.max([v, t.input(4), t.tensorInput([5, 0, 0])]);
    expect(Array.from(t.tensorValue(y))).toEqual([5, 7, 4]);
  });
});

describe("clamp", () => {
  it("is min(max(x, lo), hi) on scalars; gradients against central differences inside and outside the range", () => {
    for (const x of [-3, 0.5, 4]) {
      const { t, ids, out } = scalarCheck((t, [a, lo, hi]) => t.clamp(a, lo, hi), [x, -1, 2]);
      expect(t.value(out)).toBe(Math.min(Math.max(x, -1), 2));
      const g = ids.map((i) => t.gradient(i));
      expect(g).toEqual(x < -1 ? [0, 1, 0] : x > 2 ? [0, 0, 1] : [1, 0, 0]);
      expect(t.flags[out]).toBe(0);
    }
  });

  it("at a bound the gradient goes to x (PyTorch), flagged; with lo > hi the value and gradient are hi's", () => {
    for (const x of [-1, 2]) {
      const t = new Tape(), ids = [x, -1, 2].map((v) => t.input(v)), y = t.clamp(ids[0], ids[1], ids[2]);
      t.backward(y);
      expect([t.value(y), t.flags[y], ...ids.map((i) => t.gradient(i))]).toEqual([x, ND, 1, 0, 0]);
    }
    const t = new Tape(), ids = [0, 3, 1].map((v) => t.input(v)), y = t.clamp(ids[0], ids[1], ids[2]);
    t.backward(y);
    expect([t.value(y), ...ids.map((i) => t.gradient(i))]).toEqual([1, 0, 0, 1]);
    expect(opKink[Op.Clamp]).toBe("clamp at a bound: not differentiable, the gradient goes to x (as PyTorch)");
  });

  it("on tensors with number bounds, broadcast bounds and rank 3: values, flags, central differences", () => {
    const t = new Tape(), x = t.tensorParam([[-2, 0.5], [3, 1]]);
    const y = t.clamp(x, t.const(-1), t.const(1));
    expect(toNested(t.tensorData(y))).toEqual([[-1, 0.5], [1, 1]]);
    expect(t.flags[y]).toBe(ND);
    t.backward(t.sum(y));
    expect(Array.from(t.tensorGradient(x))).toEqual([0, 1, 0, 1]);
    const c = (t: Tape, a: number): number => t.clamp(a, t.const(-0.5), t.const(0.7));
    expect(gradcheck([r(3, 4)], (t, [a]) => c(t, a))).toBe(12);
    expect(gradcheck([r(2, 3, 2)], (t, [a]) => c(t, a))).toBe(12);
    const lohi: Build = (t, [a, lo, hi]) => t.clamp(a, lo, t.add(hi, t.tensorConst(1)));
    expect(gradcheck([r(3, 4), r(1, 4), r(3, 1)], lohi)).toBe(12 + 4 + 3);
  });
});

describe("where", () => {
  it("picks a where the mask is non-zero, else b; no gradient reaches the mask", () => {
    const t = new Tape(), x = t.tensorParam([-1, 2, 0, 3]), zero = t.const(0);
    const y = t.where(t.gt(x, zero), x, t.mul(x, t.const(0.1)));
    expect(Array.from(t.tensorValue(y)).map((v) => Math.round(v * 100) / 100)).toEqual([-0.1, 2, 0, 3]);
    t.backward(t.sum(y));
    expect(Array.from(t.tensorGradient(x))).toEqual([0.1, 1, 0.1, 1]);
    const s = new Tape(), c = s.input(1), a = s.input(5), b = s.input(7), w = s.where(c, a, b);
    s.backward(w);
    expect([s.value(w), s.gradient(c), s.gradient(a), s.gradient(b)]).toEqual([5, 0, 1, 0]);
    expect(s.op[w]).toBe(Op.Where);
  });

  it("broadcasts the mask and both branches (rank 3 too): gradients against central differences", () => {
    const mask = (shape: number[]): TensorData => {
      const n = shape.reduce((p, d) => p * d, 1);
      return { shape, data: Float64Array.from({ length: n }, (_, k) => (k * 7) % 3 === 0 ? 1 : 0) };
    };
    const m1 = mask([3, 1]), m2 = mask([2, 1, 4]);
    expect(gradcheck([r(3, 4), r(4)], (t, [a, b]) => t.where(t.tensorConst(m1), a, b))).toBe(16);
    expect(gradcheck([r(3, 4), r(2, 3, 1)], (t, [a, b]) => t.where(t.tensorConst(m2), a, b))).toBe(18);
    const t = new Tape();
    expect(() => t.where(t.tensorConst([1, 0]), t.tensorConst([1, 2, 3]), t.const(0)))
      .toThrow("where: shapes [2], [3], [] do not broadcast");
  });
});
