// Runs in vitest (Node): the hint the CLI and Evaluate Selection give when an expression assigned its own numbers.
import { describe, expect, it } from "vitest";
import { atFlag, constantsHint } from "../../../src/view/hints";

describe("constantsHint", () => {
  it("names the constants, says why they have no gradient and how to make them leaves", () => {
    const c = [{ name: "x", value: 53 }, { name: "y", value: -17 }];
    expect(constantsHint(c, atFlag(c))).toBe("`x` and `y` are constants here (the expression assigns them numbers), so they have no gradient: "
      + "make them leaves with `x = param(53)`, or leave out the assignments and give --at x=53,y=-17");
    expect(constantsHint([{ name: "a", value: 0.5 }], "select only the expression")).toBe("`a` is a constant here (the expression assigns it a number), "
      + "so it has no gradient: make it a leaf with `a = param(0.5)`, or leave out the assignment and select only the expression");
    expect(constantsHint([{ name: "a", value: 1 }, { name: "b", value: 2 }, { name: "c", value: 3 }], "…")).toMatch(/^`a`, `b` and `c` are constants/);
  });

  it("says nothing when there are none", () => {
    expect(constantsHint([], "give --at")).toBeUndefined();
  });
});
