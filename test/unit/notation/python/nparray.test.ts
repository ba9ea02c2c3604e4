// Runs in vitest (Node): print(a) of NumPy arrays against NumPy's own str(a) (nparray-cases.ts, generated once by
// scripts/python-nparray-cases.py): unique digits, padding, scientific notation, nan/inf, wrapping, summarization.
import { describe, expect, it } from "vitest";
import { npArrayStr } from "../../../../src/notation/python/nparray";
import { ARRAYS } from "./nparray-cases";

describe("npArrayStr", () => {
  it("prints every generated array as NumPy does", () => {
    const bad = ARRAYS.filter(([data, shape, dtype, want]) => npArrayStr(data, shape, dtype) !== want)
      .map(([data, shape, dtype, want]) => `${dtype} ${JSON.stringify(shape)}:\n${npArrayStr(data, shape, dtype)}\n≠\n${want}`);
    expect(bad).toEqual([]);
    expect(ARRAYS.length).toBeGreaterThan(50);
  });

  it("writes the common cases as learners see them", () => {
    expect(npArrayStr([0.5, 1], [2])).toBe("[0.5 1. ]");
    expect(npArrayStr([0, 0, 0, 1, 1, 0, 1, 1], [4, 2])).toBe("[[0. 0.]\n [0. 1.]\n [1. 0.]\n [1. 1.]]");
    expect(npArrayStr([0.001, 2], [2])).toBe("[1.e-03 2.e+00]");
  });
});
