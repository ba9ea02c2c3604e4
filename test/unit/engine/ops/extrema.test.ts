// Runs in vitest (Node): max and min of a tensor (all elements or along an axis, -1 the last, kept with length 1),
// argmax: values, gradients against central differences away from ties (rank 2 and rank 3), and the convention at
// ties: the first extreme element takes the gradient, the one argmax names.
import { describe, expect, it } from "vitest";
import { Flag, Op } from "../../../../src/engine/op";
import { opKink } from "../../../../src/engine/ops";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck } from "../tensor/check";

const rng = new Rng(11);
/** Random entries, distinct almost surely: no ties. */
const r = (...shape: number[]): TensorData => ({ shape, data: randn(1, shape.reduce((p, d) => p * d, 1), rng).data });
const X = [[3, 1, 3], [-2, 5, 0]];

describe("max and min along an axis", () => {
  it("keep the reduced axis with length 1 (-1 the last; a vector's axis is all of it)", () => {
    const t = new Tape(), x = t.tensorInput(X);
    expect(toNested(t.tensorData(t.max(x, 0)))).toEqual([[3, 5, 3]]);
    expect(toNested(t.tensorData(t.max(x, 1)))).toEqual([[3], [5]]);
    expect(toNested(t.tensorData(t.max(x, -1)))).toEqual([[3], [5]]);
    expect(toNested(t.tensorData(t.min(x, -2)))).toEqual([[-2, 1, 0]]);
    expect(t.value(t.max(x))).toBe(5);
    expect(t.value(t.min(x))).toBe(-2);
    expect(t.shape(t.max(t.tensorInput([1, 4, 2]), 0))).toEqual([]);
    expect(t.value(t.max(t.tensorInput([1, 4, 2]), -1))).toBe(4);
    const b = t.tensorInput({ shape: [2, 2, 3], data: Float64Array.from([1, 9, 2, 8, 3, 7, 6, 4, 5, 0, 11, -1]) });
    expect(toNested(t.tensorData(t.max(b, 0)))).toEqual([[[6, 9, 5], [8, 11, 7]]]);
    expect(toNested(t.tensorData(t.max(b, 1)))).toEqual([[[8, 9, 7]], [[6, 11, 5]]]);
    expect(toNested(t.tensorData(t.min(b, 2)))).toEqual([[[1], [3]], [[4], [-1]]]);
    expect(t.op[t.max(b, 2)]).toBe(Op.ReduceMax);
    expect(() => t.max(b, 3)).toThrow("max: no axis 3 in shape [2,2,3]");
    expect(() => t.min(b, -4)).toThrow("min: no axis -4 in shape [2,2,3]");
    expect(() => t.max(x, 0.5)).toThrow("max: no axis 0.5 in shape [2,3]");
  });

  for (const [name, leaf, axes] of [["[3,4]", () => r(3, 4), [undefined, 0, 1, -1]], ["[2,3,4]", () => r(2, 3, 4), [undefined, 0, 1, 2, -1]]] as const) {
    for (const axis of axes) {
      for (const op of ["max", "min"] as const) {
        it(`${op} of ${name} along ${axis ?? "all"}: gradients against central differences`, () => {
          const x = leaf();
          expect(gradcheck([x], (t, [a]) => t[op](a, axis))).toBe(x.data.length);
        });
      }
    }
  }

  it("a tie gives the whole gradient to the first extreme element (torch.max(t, dim)), flagged", () => {
    const t = new Tape(), x = t.tensorParam(X), m = t.max(x, 1), all = t.min(t.tensorParam([2, 1, 1]));
    expect(t.flags[m]).toBe(Flag.NonDifferentiable);
    expect(t.flags[all]).toBe(Flag.NonDifferentiable);
    t.backward(t.sum(m));
    expect(toNested(t.tensorData(m))).toEqual([[3], [5]]);
    expect(Array.from(t.tensorGradient(x))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(t.flags[t.max(t.tensorInput([[1, 2], [3, 4]]), 0)]).toBe(0);
    expect(opKink[Op.ReduceMax]).toBe("max along an axis at a tie: the gradient goes to the first largest element (as torch.max(t, dim))");
  });

  it("NaN wins, as in PyTorch", () => {
    const t = new Tape();
    expect(Array.from(t.tensorValue(t.max(t.tensorInput([[1, NaN], [2, 3]]), 1))).map(Number.isNaN)).toEqual([true, false]);
  });
});

describe("argmax", () => {
  it("names the first maximum: flat over all elements, or along an axis kept with length 1", () => {
    const t = new Tape(), x = t.tensorInput(X);
    expect(t.value(t.argmax(x))).toBe(4);
    expect(toNested(t.tensorData(t.argmax(x, 1)))).toEqual([[0], [1]]);
    expect(toNested(t.tensorData(t.argmax(x, 0)))).toEqual([[0, 1, 0]]);
    expect(t.value(t.argmax(t.tensorInput([1, 7, 7]), 0))).toBe(1);
    const b = t.tensorInput({ shape: [2, 2, 3], data: Float64Array.from([1, 9, 2, 8, 3, 7, 6, 4, 5, 0, 11, -1]) });
    expect(toNested(t.tensorData(t.argmax(b, 1)))).toEqual([[[1, 0, 1]], [[0, 1, 0]]]);
    expect(toNested(t.tensorData(t.argmax(b, -1)))).toEqual([[[1], [0]], [[0], [1]]]);
    expect(toNested(t.tensorData(t.argmax(b, 0)))).toEqual([[[1, 0, 1], [0, 1, 0]]]);
  });

  it("is a constant: no gradient, and its node needs none", () => {
    const t = new Tape(), x = t.tensorParam([[1, 2], [4, 3]]), i = t.argmax(x, 1);
    t.backward(t.sum(t.mul(i, x)));
    // i = [[1], [0]] scales the rows of x: only that, no gradient through i itself.
    expect(Array.from(t.tensorGradient(x))).toEqual([1, 1, 0, 0]);
    expect(t.liveGradient(i)).toBeUndefined();
  });
});
