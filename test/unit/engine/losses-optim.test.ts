// Runs in vitest (Node): losses (values, gradients, the bce epsilon) and optimizers (exact update rules).
import { describe, expect, it } from "vitest";
import { gradcheck } from "../../../src/engine/gradcheck";
import { BCE_EPS, bce, mse, nodes, sse } from "../../../src/engine/losses";
import { adam, makeOptimizer, momentum, sgd } from "../../../src/engine/optim";
import { Tape } from "../../../src/engine/tape";

describe("losses", () => {
  it("sse and mse: values and gradients 2 (p - y) and 2 (p - y) / n", () => {
    const t = new Tape();
    const ps = [0.2, 0.9, 0.4].map((v) => t.input(v));
    const s = sse(t, ps, [0, 1, 1]);
    expect(t.value(s)).toBeCloseTo(0.04 + 0.01 + 0.36, 15);
    t.backward(s);
    expect(ps.map((p) => t.gradient(p))).toEqual([0.4, 2 * (0.9 - 1), 2 * (0.4 - 1)]);
    const m = mse(t, ps, [0, 1, 1]);
    expect(t.value(m)).toBeCloseTo(0.41 / 3, 15);
    t.backward(m);
    expect(t.gradient(ps[0])).toBeCloseTo(0.4 / 3, 15);
  });

  it("targets may be nodes: then they get gradients too", () => {
    const t = new Tape();
    const p = t.input(0.7), y = t.input(0.2);
    const s = sse(t, [p], nodes([y]));
    t.backward(s);
    expect(t.gradient(y)).toBeCloseTo(-1, 15);
    expect(() => sse(t, [p], [1, 2])).toThrow(/1 predictions for 2 targets/);
    expect(() => sse(t, [], [])).toThrow(/no predictions/);
  });

  it("bce: the usual value and a gradient that passes a gradient check, with numeric and node targets", () => {
    const t = new Tape();
    const ps = [0.2, 0.9, 0.6].map((v) => t.input(v));
    const l = bce(t, ps, [0, 1, 0.3]);
    const expected = -(Math.log(0.8) + Math.log(0.9) + 0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)) / 3;
    expect(Math.abs(t.value(l) - expected)).toBeLessThan(1e-11);
    const r = gradcheck((u, xs) => bce(u, xs.slice(0, 2), nodes(xs.slice(2))), [0.3, 0.8, 0.1, 0.7]);
    expect(r.pass).toBe(true);
  });

  it("bce at p = 0 or 1 stays finite (log(0) cannot happen silently) and is bounded by -ln(BCE_EPS)", () => {
    const t = new Tape();
    const ps = [t.input(0), t.input(1)];
    const l = bce(t, ps, [1, 0]);
    expect(Number.isFinite(t.value(l))).toBe(true);
    expect(t.value(l)).toBeCloseTo(-Math.log(BCE_EPS), 3);
    t.backward(l);
    expect(t.firstNonFinite()).toBe(-1);
    expect(ps.every((p) => Number.isFinite(t.gradient(p)))).toBe(true);
    expect(t.gradient(ps[0])).toBeLessThan(0);
    expect(t.gradient(ps[1])).toBeGreaterThan(0);
  });
});

describe("optimizers", () => {
  it("sgd: x -= lr g", () => {
    const v = Float64Array.of(1, 2, 3), g = Float64Array.of(0.5, -1, 9);
    sgd(0.1).step(v, g, 2);
    expect(Array.from(v)).toEqual([1 - 0.05, 2 + 0.1, 3]);
  });

  it("momentum: v = beta v + g, x -= lr v; reset forgets v", () => {
    const o = momentum(0.1, 0.5);
    const v = Float64Array.of(1), g = Float64Array.of(2);
    o.step(v, g, 1);
    expect(v[0]).toBeCloseTo(1 - 0.2, 15);
    o.step(v, g, 1);
    expect(v[0]).toBeCloseTo(0.8 - 0.1 * (0.5 * 2 + 2), 15);
    o.reset();
    const w = Float64Array.of(0);
    o.step(w, g, 1);
    expect(w[0]).toBeCloseTo(-0.2, 15);
  });

  it("adam: the first step moves each parameter by about lr, whatever the gradient's scale", () => {
    const o = adam(0.01);
    const v = Float64Array.of(0, 0, 0), g = Float64Array.of(1e-3, -50, 2);
    o.step(v, g, 3);
    expect(v[0]).toBeCloseTo(-0.01, 6);
    expect(v[1]).toBeCloseTo(0.01, 9);
    expect(v[2]).toBeCloseTo(-0.01, 9);
  });

  it("every optimizer minimises a quadratic, growing its state when parameters are added", () => {
    for (const name of ["sgd", "momentum", "adam"] as const) {
      const o = makeOptimizer(name, { lr: name === "adam" ? 0.05 : 0.1 });
      const v = Float64Array.of(3, -2), g = new Float64Array(2);
      for (let i = 0; i < 500; i++) {
        for (let k = 0; k < 2; k++) g[k] = 2 * (v[k] - (k + 1));
        o.step(v, g, i < 10 ? 1 : 2);
      }
      expect(v[0]).toBeCloseTo(1, 2);
      expect(v[1]).toBeCloseTo(2, 2);
    }
  });
});
