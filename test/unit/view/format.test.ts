// Runs on Node (vitest): the one number and shape formatter (labels, hovers, reports, the training view, the CLI).
import { describe, expect, it } from "vitest";
import { formatElement, formatFull, formatNumber, formatShape } from "../../../src/view/format";

describe("formatNumber", () => {
  it("keeps 4 significant digits by default and trims trailing zeros", () => {
    expect(formatNumber(3.14159265)).toBe("3.142");
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(-8)).toBe("-8");
    expect(formatNumber(596144)).toBe("596144");
    expect(formatNumber(1234.5678)).toBe("1235");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
  });

  it("honours the digits, clamped to 1..17", () => {
    expect(formatNumber(Math.PI, 2)).toBe("3.1");
    expect(formatNumber(Math.PI, 0)).toBe("3");
    expect(formatNumber(Math.PI, 40)).toBe("3.1415926535897931");
    expect(formatNumber(0.1 + 0.2, 17)).toBe("0.30000000000000004");
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

  it("prints whole numbers exactly while they have no more digits than asked (at least 6)", () => {
    expect(formatNumber(7907327, 12)).toBe("7907327");
    expect(formatNumber(2 ** 30, 12)).toBe("1073741824");
    expect(formatNumber(1234567.891, 12)).toBe("1234567.891");
    expect(formatNumber(1e15, 12)).toBe("1e15");
    expect(formatNumber(0.30000000000000004, 12)).toBe("0.3");
  });

  it("spells out non-finite values and prints -0 as 0", () => {
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
    expect(formatNumber(-0)).toBe("0");
  });

  it("never prints more significant digits than asked, over many magnitudes, and reads back close", () => {
    for (const digits of [1, 3, 4, 8, 12]) {
      for (let e = -300; e <= 300; e += 7) {
        const x = -1.234567891234 * 10 ** e, s = formatNumber(x, digits);
        expect(s.replace(/e.*$/, "").replace(/^[-0.]+/, "").replace(/\./, "").replace(/0+$/, "").length).toBeLessThanOrEqual(digits);
        expect(Math.abs(Number(s) / x - 1)).toBeLessThan(10 ** (1 - digits));
      }
    }
  });
});

describe("formatFull", () => {
  it("reads back as the same double", () => {
    for (const x of [0.1 + 0.2, Math.PI, 1e-310, -7907327, 2 ** 53 + 2]) expect(Number(formatFull(x))).toBe(x);
    expect(formatFull(-0)).toBe("-0");
    expect(formatFull(NaN)).toBe("NaN");
  });
});

describe("shapes and elements", () => {
  it("prints a shape without spaces, as the graph, the hover and error messages do", () => {
    expect(formatShape([2, 3])).toBe("[2,3]");
    expect(formatShape([4])).toBe("[4]");
    expect(formatShape([])).toBe("[]");
  });

  it("spells an element's position as element names do", () => {
    expect([0, 1, 2, 3, 5].map((k) => formatElement([2, 3], k))).toEqual(["[0][0]", "[0][1]", "[0][2]", "[1][0]", "[1][2]"]);
    expect(formatElement([4], 2)).toBe("[2]");
    expect(formatElement([], 0)).toBe("[0]");
  });
});
