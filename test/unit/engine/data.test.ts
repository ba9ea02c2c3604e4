// Runs in vitest (Node): the generated data sets: rows [x1, x2, label], deterministic for a seed, different across
// seeds, with the documented class balance and geometry, and clear errors for bad options.
import { describe, expect, it } from "vitest";
import { blobs, circles, moons, spirals, type Row } from "../../../src/engine/data";

const counts = (rows: readonly Row[], k: number): number[] => {
  const c = new Array<number>(k).fill(0);
  for (const r of rows) c[r[2]]++;
  return c;
};

const sets = {
  moons: (n: number, seed: number) => moons(n, { noise: 0.1, seed }),
  circles: (n: number, seed: number) => circles(n, { noise: 0.05, seed }),
  spirals: (n: number, seed: number) => spirals(n, { seed }),
  blobs: (n: number, seed: number) => blobs(n, { seed }),
};

describe("generated data sets", () => {
  for (const [name, make] of Object.entries(sets)) {
    it(`${name}: rows of [x1, x2, integer label], the same for a seed, different for another`, () => {
      const a = make(101, 7), b = make(101, 7), c = make(101, 8);
      expect(a).toHaveLength(101);
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
      for (const r of a) {
        expect(r).toHaveLength(3);
        expect(Number.isFinite(r[0]) && Number.isFinite(r[1])).toBe(true);
        expect(Number.isInteger(r[2]) && r[2] >= 0).toBe(true);
      }
      // Shuffled: the labels do not come in blocks.
      let changes = 0;
      for (let i = 1; i < a.length; i++) if (a[i][2] !== a[i - 1][2]) changes++;
      expect(changes).toBeGreaterThan(20);
    });
  }

  it("moons and circles: floor(n/2) rows of label 0, the rest label 1", () => {
    expect(counts(moons(101), 2)).toEqual([50, 51]);
    expect(counts(circles(7), 2)).toEqual([3, 4]);
    expect(counts(moons(1), 2)).toEqual([0, 1]);
  });

  it("spirals and blobs: n // k per class, one more for the first n % k", () => {
    expect(counts(spirals(100), 3)).toEqual([34, 33, 33]);
    expect(counts(spirals(10, { classes: 4 }), 4)).toEqual([3, 3, 2, 2]);
    expect(counts(blobs(11, { centers: 2 }), 2)).toEqual([6, 5]);
    expect(counts(blobs(9, { centers: [[0, 0], [5, 5], [-5, 5]] }), 3)).toEqual([3, 3, 3]);
  });

  it("have the documented geometry without noise", () => {
    for (const [x, y, l] of moons(40)) {
      if (l === 0) expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
      else expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 12);
      expect(l === 0 ? y >= -1e-12 : y <= 0.5 + 1e-12).toBe(true);
    }
    for (const [x, y, l] of circles(40, { factor: 0.3 })) expect(Math.hypot(x, y)).toBeCloseTo(l === 0 ? 1 : 0.3, 12);
    const s = spirals(300, { noise: 0 });
    for (const [x, y] of s) expect(Math.hypot(x, y)).toBeLessThanOrEqual(1 + 1e-12);
    expect(Math.max(...s.map(([x, y]) => Math.hypot(x, y)))).toBeCloseTo(1, 12);
    const b = blobs(300, { centers: [[10, 0], [-10, 0]], std: 0.5 });
    for (const [x, , l] of b) expect(Math.abs(x - (l === 0 ? 10 : -10))).toBeLessThan(4);
  });

  it("noise spreads the points: moons with noise 0.1 leave the curves by about 0.1", () => {
    const rows = moons(2000, { noise: 0.1, seed: 3 });
    const dev = rows.map(([x, y, l]) => (l === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5)) - 1);
    const rms = Math.sqrt(dev.reduce((s, d) => s + d * d, 0) / dev.length);
    expect(rms).toBeGreaterThan(0.07);
    expect(rms).toBeLessThan(0.13);
  });

  it("refuse bad options with a message naming them", () => {
    expect(() => moons(0)).toThrow("moons: n must be a positive integer, got 0");
    expect(() => circles(10.5)).toThrow("circles: n must be a positive integer, got 10.5");
    expect(() => moons(10, { noise: -1 })).toThrow("moons: noise must be a finite number >= 0, got -1");
    expect(() => circles(10, { factor: 1 })).toThrow("circles: factor must be in [0, 1), got 1");
    expect(() => spirals(10, { classes: 0 })).toThrow("spirals: classes must be a positive integer, got 0");
    expect(() => blobs(10, { centers: 2.5 })).toThrow("blobs: centers must be a positive integer, got 2.5");
    expect(() => blobs(10, { centers: [] })).toThrow("blobs: no centers");
    expect(() => blobs(10, { std: NaN })).toThrow("blobs: std must be a finite number >= 0, got NaN");
  });
});
