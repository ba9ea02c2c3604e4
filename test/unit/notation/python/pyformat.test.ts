// Runs in vitest (Node): Python's repr, format specs and round() against CPython's own results (pyformat-cases.ts,
// generated once by scripts/python-format-cases.py), plus the rounding cases the brief names.
import { describe, expect, it } from "vitest";
import { formatSpec, PyFormatError, pyRepr, pyRound, pyStrRepr } from "../../../../src/notation/python/pyformat";
import { REPRS, ROUNDS, SPECS, STR_REPRS } from "./pyformat-cases";

const show = (x: number | string): string => (typeof x === "string" ? JSON.stringify(x) : Object.is(x, -0) ? "-0" : String(x));

describe("pyRepr", () => {
  it("prints ints and floats as CPython's repr does", () => {
    const bad = REPRS.filter(([x, isInt, want]) => pyRepr(x, isInt) !== want).map(([x, i, w]) => `${show(x)}${i ? " int" : ""}: ${pyRepr(x, i)} ≠ ${w}`);
    expect(bad).toEqual([]);
    expect(REPRS.length).toBeGreaterThan(100);
  });

  it("round-trips every double and writes it in one of Python's two forms (100,000 random bit patterns)", () => {
    const view = new DataView(new ArrayBuffer(8));
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const form = /^-?(?:[0-9]+\.[0-9]+|[1-9](?:\.[0-9]+)?e[+-][0-9]{2,3})$/, bad: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      view.setUint32(0, next());
      view.setUint32(4, next() ^ (next() << 16));
      const x = view.getFloat64(0);
      if (!Number.isFinite(x)) continue;
      const r = pyRepr(x, false);
      if (!Object.is(Number(r), x) || !form.test(r)) bad.push(`${x}: ${r}`);
    }
    expect(bad).toEqual([]);
  });

  it("uses Python's forms and thresholds", () => {
    expect([1, 0.1, 1e-5, 1e16, 1e15, -0, Infinity, -Infinity, NaN, 0.0001].map((x) => pyRepr(x, false)))
      .toEqual(["1.0", "0.1", "1e-05", "1e+16", "1000000000000000.0", "-0.0", "inf", "-inf", "nan", "0.0001"]);
    expect(pyRepr(596144, true)).toBe("596144");
    expect(pyRepr(1e20, true)).toBe("100000000000000000000");
  });
});

describe("formatSpec", () => {
  it("matches CPython on every generated case (numbers and strings, errors included)", () => {
    const bad: string[] = [];
    for (const [x, isInt, spec, want] of SPECS) {
      let got: string;
      try {
        got = formatSpec(x, isInt, spec);
      } catch (e) {
        if (!(e instanceof PyFormatError)) throw e;
        got = "!";
      }
      if (got !== want) bad.push(`format(${show(x)}${isInt ? " int" : ""}, ${JSON.stringify(spec)}): ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(bad).toEqual([]);
    expect(SPECS.length).toBeGreaterThan(5000);
  });

  it("rounds half-even on the exact binary value", () => {
    expect(formatSpec(2.675, false, ".2f")).toBe("2.67");
    expect(formatSpec(0.125, false, ".2f")).toBe("0.12");
    expect(formatSpec(0.375, false, ".2f")).toBe("0.38");
    expect(formatSpec(2.5, false, ".0f")).toBe("2");
    expect(formatSpec(1234, true, "09,")).toBe("0,001,234");
  });

  it("names what Python rejects", () => {
    expect(() => formatSpec(1.5, false, "d")).toThrow("Unknown format code 'd' for object of type 'float'");
    expect(() => formatSpec(3, true, ".2d")).toThrow("Precision not allowed in integer format specifier");
    expect(() => formatSpec("a", false, "=5")).toThrow("'=' alignment not allowed in string format specifier");
  });
});

describe("pyRound", () => {
  it("matches CPython's round(x) and round(x, n)", () => {
    const bad = ROUNDS.filter(([x, isInt, nd, want]) => !Object.is(pyRound(x, isInt, nd ?? undefined), want))
      .map(([x, isInt, nd, want]) => `round(${show(x)}${isInt ? " int" : ""}, ${nd}): ${show(pyRound(x, isInt, nd ?? undefined))} ≠ ${show(want)}`);
    expect(bad).toEqual([]);
    expect(pyRound(2.675, false, 2)).toBe(2.67);
    expect(pyRound(0.5, false)).toBe(0);
    expect(pyRound(1.5, false)).toBe(2);
    expect([pyRound(-5, true, -400), pyRound(-5, false, -400), pyRound(Infinity, false, 2)]).toEqual([0, -0, Infinity]);
    expect(Object.is(pyRound(-5, true, -400), 0)).toBe(true);
  });
});

describe("pyStrRepr", () => {
  it("quotes and escapes strings as CPython's repr does", () => {
    const bad = STR_REPRS.filter(([s, want]) => pyStrRepr(s) !== want).map(([s, want]) => `${JSON.stringify(s)}: ${pyStrRepr(s)} ≠ ${want}`);
    expect(bad).toEqual([]);
    expect(pyStrRepr("it's")).toBe(`"it's"`);
  });
});
