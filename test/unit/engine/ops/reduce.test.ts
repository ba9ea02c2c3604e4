// Runs in vitest (Node): sum and mean of rank-3 tensors over every axis (-1 the last), kept with length 1 so they
// broadcast back: values and gradients against central differences.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck } from "../tensor/check";

const rng = new Rng(3);
const B: TensorData = { shape: [2, 2, 3], data: Float64Array.from({ length: 12 }, (_, k) => k) };

describe("sum and mean of a batch of matrices", () => {
  it("reduce any axis, keeping it with length 1", () => {
    const t = new Tape(), b = t.tensorInput(B);
    expect(toNested(t.tensorData(t.sum(b, 0)))).toEqual([[[6, 8, 10], [12, 14, 16]]]);
    expect(toNested(t.tensorData(t.sum(b, 1)))).toEqual([[[3, 5, 7]], [[15, 17, 19]]]);
    expect(toNested(t.tensorData(t.sum(b, 2)))).toEqual([[[3], [12]], [[21], [30]]]);
    expect(toNested(t.tensorData(t.sum(b, -1)))).toEqual([[[3], [12]], [[21], [30]]]);
    expect(toNested(t.tensorData(t.mean(b, -2)))).toEqual([[[1.5, 2.5, 3.5]], [[7.5, 8.5, 9.5]]]);
    expect(t.value(t.sum(b))).toBe(66);
    expect(t.value(t.mean(b))).toBe(5.5);
    expect(toNested(t.tensorData(t.sub(b, t.mean(b, 2))))).toEqual([[[-1, 0, 1], [-1, 0, 1]], [[-1, 0, 1], [-1, 0, 1]]]);
    expect(toNested(t.tensorData(t.sum(t.tensorInput([[1, 2], [3, 4]]), -1)))).toEqual([[3], [7]]);
    expect(() => t.sum(b, 3)).toThrow("sum: no axis 3 in shape [2,2,3]");
  });

  for (const axis of [undefined, 0, 1, 2, -1, -3]) {
    for (const op of ["sum", "mean"] as const) {
      it(`${op} along ${axis ?? "all"}: gradients against central differences`, () => {
        const x: TensorData = { shape: [2, 3, 4], data: randn(6, 4, rng).data };
        expect(gradcheck([x], (t, [a]) => t.mul(t[op](a, axis), a))).toBe(24);
      });
    }
  }
});
