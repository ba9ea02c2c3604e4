// Runs in vitest (Node): the text of the "values for missing names" prompt, both ways.
import { describe, expect, it } from "vitest";
import { formatValues, parseValues } from "../../../src/extension/values";

describe("formatValues", () => {
  it("lists the names in order, with the known values and blanks for the rest", () => {
    expect(formatValues(["a", "b", "c"], { b: -1.5, z: 9 })).toBe("a = , b = -1.5, c = ");
  });
});

describe("parseValues", () => {
  it("reads pairs separated by commas, semicolons or newlines, with = or :", () => {
    expect(parseValues("a = 3, b: -4.5e2; c=.5\nd = +7", ["a", "b"])).toEqual({ values: { a: 3, b: -450, c: 0.5, d: 7 } });
  });

  it("round-trips what formatValues writes", () => {
    const values = { x: 53, y: -17, lr: 0.001 };
    expect(parseValues(formatValues(["x", "y", "lr"], values), ["x", "y", "lr"])).toEqual({ values });
  });

  it("names what is missing, and rejects blanks, hex and words as numbers", () => {
    expect(parseValues("a = 1", ["a", "b"])).toEqual({ error: "missing a value for b" });
    expect(parseValues("a = , b = 2", ["a", "b"])).toEqual({ error: 'a: "" is not a number' });
    expect(parseValues("a = 0x10", ["a"])).toEqual({ error: 'a: "0x10" is not a number' });
    expect(parseValues("a = two", ["a"])).toEqual({ error: 'a: "two" is not a number' });
    expect(parseValues("1a = 2", ["a"])).toEqual({ error: '"1a" is not a name' });
    expect(parseValues("a 2", ["a"])).toEqual({ error: 'expected name = number, got "a 2"' });
  });
});

describe("names that are also Object.prototype's (issue 15)", () => {
  it("`__proto__`, `constructor` and `toString` are read, kept and asked for like any name", () => {
    const r = parseValues("__proto__ = 1, constructor = 2", ["__proto__", "constructor", "toString"]);
    expect(r).toEqual({ error: "missing a value for toString" });
    const ok = parseValues("__proto__ = 1, constructor = 2, toString = 3", ["__proto__", "constructor", "toString"]);
    expect("values" in ok && Object.entries(ok.values)).toEqual([["__proto__", 1], ["constructor", 2], ["toString", 3]]);
  });

  it("the prompt leaves them blank unless a value was used before", () => {
    expect(formatValues(["constructor", "toString", "__proto__"], {})).toBe("constructor = , toString = , __proto__ = ");
    expect(formatValues(["__proto__"], JSON.parse('{"__proto__": 4}') as Record<string, number>)).toBe("__proto__ = 4");
  });
});
