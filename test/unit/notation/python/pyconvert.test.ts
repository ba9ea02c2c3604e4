// Runs in vitest (Node): Python's float(text) and int(text, base) against CPython's own results (pyconvert-cases.ts,
// generated once by scripts/python-convert-cases.py).
import { describe, expect, it } from "vitest";
import { PyValueError, pyFloatFromStr, pyIntFromStr } from "../../../../src/notation/python/pyconvert";
import { FLOATS, INTS, MESSAGES } from "./pyconvert-cases";

const attempt = (f: () => number): number | "!" => {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyValueError) return "!";
    throw e;
  }
};

describe("float(text) and int(text, base)", () => {
  it("accept and refuse what CPython does, with its values", () => {
    const bad = [
      ...FLOATS.filter(([t, want]) => !Object.is(attempt(() => pyFloatFromStr(t)), want)).map(([t, want]) => `float(${JSON.stringify(t)}) ≠ ${String(want)}`),
      ...INTS.filter(([t, b, want]) => !Object.is(attempt(() => pyIntFromStr(t, b)), want)).map(([t, b, want]) => `int(${JSON.stringify(t)}, ${b}) ≠ ${String(want)}`),
    ];
    expect(bad).toEqual([]);
    expect(FLOATS.length + INTS.length).toBeGreaterThan(70);
  });

  it("say what CPython says", () => {
    for (const [t, base, message] of MESSAGES) {
      expect(() => (base === null ? pyFloatFromStr(t) : pyIntFromStr(t, base))).toThrow(message);
    }
    expect(() => pyIntFromStr("1", 1)).toThrow("int() base must be >= 2 and <= 36, or 0");
  });

  it("refuses digits of other scripts, which CPython reads (a known difference)", () => {
    expect(() => pyFloatFromStr("١٢")).toThrow(PyValueError);
  });
});
