// Runs in vitest (Node): the numbers Apply Trained Values writes into `.nn.py` files: Python's float repr, compared
// with what CPython prints (`repr(x)`), and tensor literals with Python floats.
import { describe, expect, it } from "vitest";
import { pythonFloat as pyFloat, tensorLiteral } from "../../../src/train/apply";

/** [value, CPython's repr(value)], generated once with python3. */
const CPYTHON: [number, string][] = [
  [0.5, "0.5"], [2, "2.0"], [1e-5, "1e-05"], [0.0001, "0.0001"], [1e16, "1e+16"], [1.5e20, "1.5e+20"],
  [123456789012345.6, "123456789012345.6"], [-0.1, "-0.1"], [1e-7, "1e-07"], [3e-7, "3e-07"],
  [0.1 + 0.2, "0.30000000000000004"], [1 / 3, "0.3333333333333333"], [-2.5e-10, "-2.5e-10"], [1e22, "1e+22"],
  [9999999999999998, "9999999999999998.0"], [5e-324, "5e-324"], [100, "100.0"], [1234.5, "1234.5"],
];

describe("pythonFloat", () => {
  it("prints floats as CPython's repr does", () => {
    for (const [v, repr] of CPYTHON) expect(pyFloat(v), String(v)).toBe(repr);
  });

  it("zero keeps its sign", () => {
    expect([pyFloat(0), pyFloat(-0)]).toEqual(["0.0", "-0.0"]);
  });

  it("reads back as the same number", () => {
    for (const v of [0.1, -1e-300, 2 ** 60, Math.PI, 1e15 + 0.5]) expect(Number(pyFloat(v))).toBe(v);
  });
});

describe("tensorLiteral in Python", () => {
  it("writes every element as a Python float, rank 0 to 2", () => {
    expect(tensorLiteral([], [1], pyFloat)).toBe("tensor(1.0)");
    expect(tensorLiteral([3], [1, -2, 1e-5], pyFloat)).toBe("tensor([1.0, -2.0, 1e-05])");
    expect(tensorLiteral([2, 2], [1, 2, 3, 0.5], pyFloat)).toBe("tensor([[1.0, 2.0], [3.0, 0.5]])");
    expect(tensorLiteral([2, 2], [1, 2, 3, 4])).toBe("tensor([[1, 2], [3, 4]])");
  });
});
