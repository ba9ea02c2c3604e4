// Runs in vitest (Node): gt, lt, ge and le: 0/1 masks on scalars and tensors (broadcasting, rank 3, tensor against a
// number), NaN compares false, and no gradient flows through a mask.
import { describe, expect, it } from "vitest";
import { Op } from "../../../../src/engine/op";
import { Tape } from "../../../../src/engine/tape";
import { toNested } from "../../../../src/engine/tensor/shape";

describe("comparisons", () => {
  it("are 0/1 masks on tensors, broadcasting, against tensors and numbers", () => {
    const t = new Tape(), a = t.tensorInput([[1, 2, 3], [4, 5, 6]]), b = t.tensorInput([[2], [5]]), three = t.const(3);
    expect(toNested(t.tensorData(t.gt(a, b)))).toEqual([[0, 0, 1], [0, 0, 1]]);
    expect(toNested(t.tensorData(t.lt(a, b)))).toEqual([[1, 0, 0], [1, 0, 0]]);
    expect(toNested(t.tensorData(t.ge(a, b)))).toEqual([[0, 1, 1], [0, 1, 1]]);
    expect(toNested(t.tensorData(t.le(a, b)))).toEqual([[1, 1, 0], [1, 1, 0]]);
    expect(toNested(t.tensorData(t.gt(a, three)))).toEqual([[0, 0, 0], [1, 1, 1]]);
    expect(toNested(t.tensorData(t.le(three, a)))).toEqual([[0, 0, 1], [1, 1, 1]]);
    const c = t.tensorInput({ shape: [2, 1, 2], data: Float64Array.of(0, 9, 3, -1) });
    const m = t.ge(c, t.tensorInput([[0, 1], [3, 9]]));
    expect(t.shape(m)).toEqual([2, 2, 2]);
    expect(toNested(t.tensorData(m))).toEqual([[[1, 1], [0, 1]], [[1, 0], [1, 0]]]);
    expect(Array.from(t.tensorValue(t.lt(t.tensorInput([NaN, 1]), t.tensorInput([1, NaN]))))).toEqual([0, 0]);
    expect(() => t.gt(a, t.tensorInput([1, 2]))).toThrow("gt: shapes [2,3] and [2] do not broadcast");
  });

  it("on scalars: one node with local derivatives 0", () => {
    const t = new Tape(), x = t.input(2), y = t.input(2);
    const ops = [t.gt(x, y), t.lt(x, y), t.ge(x, y), t.le(x, y)];
    expect(ops.map((i) => t.value(i))).toEqual([0, 0, 1, 1]);
    expect(ops.map((i) => t.op[i])).toEqual([Op.Gt, Op.Lt, Op.Ge, Op.Le]);
    const s = t.sum(ops);
    t.backward(s);
    expect([t.gradient(x), t.gradient(y)]).toEqual([0, 0]);
    expect(ops.map((i) => t.local[t.start[i]])).toEqual([0, 0, 0, 0]);
  });

  it("pass no gradient: a mask's tensor node needs none, and a product with it still gets its own", () => {
    const t = new Tape(), x = t.tensorParam([-1, 2, 3]), mask = t.gt(x, t.const(0));
    const y = t.sum(t.mul(mask, x));
    t.backward(y);
    expect(Array.from(t.tensorGradient(x))).toEqual([0, 1, 1]);
    expect(t.liveGradient(mask)).toBeUndefined();
  });
});
