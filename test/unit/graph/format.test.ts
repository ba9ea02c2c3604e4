// Runs on Node (vitest): number formatting for labels and hovers.
import { describe, expect, it } from "vitest";
import { formatFull, formatNumber } from "../../../src/graph/format";

describe("formatNumber", () => {
  it("keeps 4 significant digits by default and trims trailing zeros", () => {
    expect(formatNumber(3.14159265)).toBe("3.142");
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(-8)).toBe("-8");
    expect(formatNumber(596144)).toBe("596144");
    expect(formatNumber(1234.5678)).toBe("1235");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
  });

  it("honours the digits option, clamped to 1..17", () => {
    expect(formatNumber(Math.PI, { digits: 2 })).toBe("3.1");
    expect(formatNumber(Math.PI, { digits: 0 })).toBe("3");
    expect(formatNumber(Math.PI, { digits: 40 })).toBe("3.1415926535897931");
  });

  it("switches to exponent form for very large and very small magnitudes", () => {
    expect(formatNumber(7907327)).toBe("7.907e6");
    expect(formatNumber(2 ** 30)).toBe("1.074e9");
    expect(formatNumber(1.5e-7)).toBe("1.5e-7");
    expect(formatNumber(-2.5e-300)).toBe("-2.5e-300");
    expect(formatNumber(999999)).toBe("999999");
    expect(formatNumber(999999.7)).toBe("1e6");
    expect(formatNumber(99999.6)).toBe("100000");
    expect(formatNumber(12345.6)).toBe("12350");
  });

  it("spells out non-finite values and prints -0 as 0", () => {
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
    expect(formatNumber(-0)).toBe("0");
  });

  it("never prints more characters than the digits allow, over many magnitudes", () => {
    for (let e = -300; e <= 300; e += 7) {
      const s = formatNumber(-1.234567 * 10 ** e);
      expect(s.replace(/e.*$/, "").replace(/[-.]/g, "").length).toBeLessThanOrEqual(4);
      expect(Math.abs(Number(s) / (-1.235 * 10 ** e) - 1)).toBeLessThan(1e-12);
    }
  });
});

describe("formatFull", () => {
  it("reads back as the same double", () => {
    for (const x of [0.1 + 0.2, Math.PI, 1e-310, -7907327, 2 ** 53 + 2]) expect(Number(formatFull(x))).toBe(x);
    expect(formatFull(-0)).toBe("-0");
  });
});
