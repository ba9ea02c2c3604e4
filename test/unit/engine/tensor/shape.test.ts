// Runs in vitest (Node): tensors of rank 3 (a batch of matrices): built from nested lists, read back as nested
// lists, element names, leaves and params on the tape; rank 4 is refused with a clear message.
import { describe, expect, it } from "vitest";
import { ParamStore } from "../../../../src/engine/params";
import { Tape } from "../../../../src/engine/tape";
import { checkShape, elementIndex, tensor, toNested } from "../../../../src/engine/tensor/shape";

const NESTED = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];

describe("rank-3 tensors", () => {
  it("are built from nested lists row-major and read back the same", () => {
    const d = tensor(NESTED);
    expect(d.shape).toEqual([2, 2, 3]);
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(toNested(d)).toEqual(NESTED);
    expect(toNested(tensor([[[5]]]))).toEqual([[[5]]]);
    expect(toNested(tensor([1, 2]))).toEqual([1, 2]);
    expect(toNested(tensor(4))).toBe(4);
  });

  it("refuse ragged lists, a mix of numbers and lists, and rank 4, saying where", () => {
    expect(() => tensor([[[1, 2], [3, 4]], [[5, 6]]])).toThrow("tensor: row 1 has 1 values, row 0 has 2");
    expect(() => tensor([[[1, 2], [3]], [[5, 6], [7, 8]]])).toThrow("tensor: row [0][1] has 1 values, row [0][0] has 2");
    expect(() => tensor([[[1, 2]], [3]] as never)).toThrow("a list mixes numbers and rows");
    expect(() => tensor([[[[1]]]])).toThrow("tensor: shape [1,1,1,1] has rank 4; tensors have rank 0 to 3");
    expect(() => checkShape([2, 0, 1], "zeros")).toThrow("zeros: shape [2,0,1] needs positive integer sizes");
  });

  it("name their elements [b][i][j], in names and in a ParamStore", () => {
    expect(elementIndex([2, 2, 3], 10)).toBe("[1][1][1]");
    expect(elementIndex([2, 3], 5)).toBe("[1][2]");
    expect(elementIndex([4], 3)).toBe("[3]");
    expect(elementIndex([], 0)).toBe("");
    const store = new ParamStore();
    store.addTensor(tensor(NESTED).data, "W", [2, 2, 3]);
    expect(store.names.slice(-2)).toEqual(["W[1][1][1]", "W[1][1][2]"]);
  });

  it("are tape leaves: params get gradients, setTensorValue checks the shape", () => {
    const t = new Tape(), w = t.tensorParam(NESTED, "W");
    expect(t.shape(w)).toEqual([2, 2, 3]);
    t.backward(t.sum(t.mul(w, w)));
    expect(Array.from(t.tensorGradient(w))).toEqual(NESTED.flat(2).map((v) => 2 * v));
    expect(() => t.setTensorValue(w, [[1, 2, 3], [4, 5, 6]])).toThrow("setValue: shape [2,3] for node 0 of shape [2,2,3]");
  });
});
