// Runs in vitest (Node): erf and erfc against reference values computed with mpmath at 50 digits (rounded to the
// nearest double), relative error within 1e-15 everywhere, erfc also in the far tail where erf rounds to 1.
import { describe, expect, it } from "vitest";
import { erf, erfc } from "../../../../src/engine/ops/erf";

/** [x, erf(x), erfc(x)] from `mpmath.erf(x)`, `mpmath.erfc(x)` at mp.dps = 50. */
const REF: readonly (readonly [number, number, number])[] = [
  [0, 0.0, 1.0],
  [1e-300, 1.1283791670955126e-300, 1.0],
  [1e-10, 1.1283791670955126e-10, 0.999999999887162],
  [0.1, 0.1124629160182849, 0.887537083981715],
  [0.3, 0.3286267594591274, 0.6713732405408726],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [0.75, 0.7111556336535151, 0.28884436634648486],
  [0.8, 0.7421009647076605, 0.2578990352923395],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2, 0.9953222650189527, 0.004677734981047266],
  [2.5, 0.999593047982555, 0.0004069520174449589],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [4, 0.9999999845827421, 1.541725790028002e-8],
  [5, 0.9999999999984626, 1.537459794428035e-12],
  [6, 1.0, 2.1519736712498913e-17],
  [8, 1.0, 1.1224297172982926e-29],
  [10, 1.0, 2.088487583762545e-45],
  [15, 1.0, 7.212994172451207e-100],
  [26, 1.0, 5.663192408856143e-296],
  [-0.3, -0.3286267594591274, 1.3286267594591274],
  [-2, -0.9953222650189527, 1.9953222650189528],
  [-5, -0.9999999999984626, 1.9999999999984626],
];

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe("erf and erfc", () => {
  it("match mpmath to 1e-15 relative", () => {
    for (const [x, e, c] of REF) {
      expect(rel(erf(x), e), `erf(${x}) = ${erf(x)}, reference ${e}`).toBeLessThanOrEqual(1e-15);
      expect(rel(erfc(x), c), `erfc(${x}) = ${erfc(x)}, reference ${c}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it("are odd and complementary, underflow cleanly and pass NaN and ±Infinity through", () => {
    for (let x = -6; x <= 6; x += 0.0625) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    }
    expect([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity), erfc(40)]).toEqual([1, -1, 0, 2, 0]);
    expect(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN))).toBe(true);
    expect(Object.is(erf(-0), -0)).toBe(true);
  });

  it("is the integral of 2/√π e^(-t²): its derivative by central differences", () => {
    for (const x of [-2.2, -0.7, 0.1, 0.76, 1.9, 3.3]) {
      const h = 1e-5, num = (erf(x + h) - erf(x - h)) / (2 * h);
      expect(num).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), 9);
    }
  });
});
