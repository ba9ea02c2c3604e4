// Runs in vitest (Node): every op, table-driven, at several points: values against plain JavaScript math, local
// derivatives against hand-written formulas, gradients against central differences; plus the conventions.
import { describe, expect, it } from "vitest";
import { Flag, Op } from "../../../src/engine/op";
import { Tape } from "../../../src/engine/tape";

interface OpCase {
  name: string;
  op: number;
  rec: (t: Tape, ids: number[]) => number;
  /** Reference value, straight from Math. */
  f: (x: number[]) => number;
  /** Reference ∂out/∂input of each edge, in edge order (the convention at kinks). */
  df: (x: number[]) => number[];
  points: number[][];
}

const sig = (a: number): number => 1 / (1 + Math.exp(-a));

const cases: OpCase[] = [
  { name: "add", op: Op.Add, rec: (t, [a, b]) => t.add(a, b), f: ([a, b]) => a + b, df: () => [1, 1],
    points: [[2, 3], [-1.5, 0.25], [0, -7]] },
  { name: "sub", op: Op.Sub, rec: (t, [a, b]) => t.sub(a, b), f: ([a, b]) => a - b, df: () => [1, -1],
    points: [[2, 3], [-1.5, 0.25], [0, -7]] },
  { name: "mul", op: Op.Mul, rec: (t, [a, b]) => t.mul(a, b), f: ([a, b]) => a * b, df: ([a, b]) => [b, a],
    points: [[2, 3], [-1.5, 0.25], [0, -7]] },
  { name: "div", op: Op.Div, rec: (t, [a, b]) => t.div(a, b), f: ([a, b]) => a / b,
    df: ([a, b]) => [1 / b, -a / (b * b)], points: [[1, 2], [-3, 0.5], [2.5, -4]] },
  { name: "mod", op: Op.Mod, rec: (t, [a, b]) => t.mod(a, b), f: ([a, b]) => a % b,
    df: ([a, b]) => [1, -Math.trunc(a / b)], points: [[7.5, 2], [-7.5, 2], [5.3, -1.5]] },
  { name: "pow", op: Op.Pow, rec: (t, [a, b]) => t.pow(a, b), f: ([a, b]) => a ** b,
    df: ([a, b]) => [b * a ** (b - 1), a ** b * Math.log(a)], points: [[2, 3], [1.5, -0.5], [0.7, 2.2]] },
  { name: "powConst 3", op: Op.PowConst, rec: (t, [a]) => t.powConst(a, 3), f: ([a]) => a ** 3,
    df: ([a]) => [3 * a * a], points: [[2], [-2], [0.5]] },
  { name: "powConst -0.5", op: Op.PowConst, rec: (t, [a]) => t.powConst(a, -0.5), f: ([a]) => a ** -0.5,
    df: ([a]) => [-0.5 * a ** -1.5], points: [[4], [0.3]] },
  { name: "neg", op: Op.Neg, rec: (t, [a]) => t.neg(a), f: ([a]) => -a, df: () => [-1], points: [[3], [-2]] },
  { name: "exp", op: Op.Exp, rec: (t, [a]) => t.exp(a), f: ([a]) => Math.exp(a), df: ([a]) => [Math.exp(a)],
    points: [[-1], [0], [2.5]] },
  { name: "log", op: Op.Log, rec: (t, [a]) => t.log(a), f: ([a]) => Math.log(a), df: ([a]) => [1 / a],
    points: [[0.5], [1], [3]] },
  { name: "sqrt", op: Op.Sqrt, rec: (t, [a]) => t.sqrt(a), f: ([a]) => Math.sqrt(a),
    df: ([a]) => [0.5 / Math.sqrt(a)], points: [[0.25], [2], [9]] },
  { name: "sin", op: Op.Sin, rec: (t, [a]) => t.sin(a), f: ([a]) => Math.sin(a), df: ([a]) => [Math.cos(a)],
    points: [[-1], [0.3], [2]] },
  { name: "cos", op: Op.Cos, rec: (t, [a]) => t.cos(a), f: ([a]) => Math.cos(a), df: ([a]) => [-Math.sin(a)],
    points: [[-1], [0.3], [2]] },
  { name: "tan", op: Op.Tan, rec: (t, [a]) => t.tan(a), f: ([a]) => Math.tan(a),
    df: ([a]) => [1 / Math.cos(a) ** 2], points: [[-1], [0.3], [1.2]] },
  { name: "tanh", op: Op.Tanh, rec: (t, [a]) => t.tanh(a), f: ([a]) => Math.tanh(a),
    df: ([a]) => [1 / Math.cosh(a) ** 2], points: [[-2], [0], [0.7], [1e-12], [5]] },
  { name: "sigmoid", op: Op.Sigmoid, rec: (t, [a]) => t.sigmoid(a), f: ([a]) => sig(a),
    df: ([a]) => [sig(a) * (1 - sig(a))], points: [[-3], [0], [1.5], [-30]] },
  { name: "relu", op: Op.Relu, rec: (t, [a]) => t.relu(a), f: ([a]) => Math.max(a, 0), df: ([a]) => [a > 0 ? 1 : 0],
    points: [[-1], [2]] },
  { name: "abs", op: Op.Abs, rec: (t, [a]) => t.abs(a), f: ([a]) => Math.abs(a), df: ([a]) => [Math.sign(a)],
    points: [[-1.5], [2]] },
  { name: "sum", op: Op.Sum, rec: (t, ids) => t.sum(ids), f: (x) => x[0] + x[1] + x[2], df: () => [1, 1, 1],
    points: [[1, 2, 3], [-0.5, 4, 0.125]] },
  { name: "linear", op: Op.Linear, rec: (t, [w0, x0, w1, x1, b]) => t.linear([w0, w1], [x0, x1], b),
    f: ([w0, x0, w1, x1, b]) => b + w0 * x0 + w1 * x1, df: ([w0, x0, w1, x1]) => [x0, w0, x1, w1, 1],
    points: [[0.5, 2, -1, 3, 0.25], [-2, -1, 0.5, 0.5, -3]] },
];

function closeTo(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

function central(f: (x: number[]) => number, x: number[], k: number, h = 1e-6): number {
  const up = x.slice(), down = x.slice();
  up[k] += h;
  down[k] -= h;
  return (f(up) - f(down)) / (2 * h);
}

describe("every op", () => {
  for (const c of cases) {
    for (const x of c.points) {
      it(`${c.name} at (${x.join(", ")})`, () => {
        const t = new Tape();
        const ids = x.map((v) => t.input(v));
        const out = c.rec(t, ids);
        expect(t.op[out]).toBe(c.op);
        // Transcendental values may differ from Math's in the last bits (tanh is computed from expm1).
        closeTo(t.val[out], c.f(x), 1e-15);
        expect(t.flags[out]).toBe(0);
        const s = t.start[out], e = t.start[out + 1];
        expect(Array.from(t.in.subarray(s, e))).toEqual(ids);
        const ref = c.df(x);
        for (let k = 0; k < ref.length; k++) closeTo(t.local[s + k], ref[k], 1e-14);
        t.backward(out);
        expect(t.grad[out]).toBe(1);
        for (let k = 0; k < ids.length; k++) {
          expect(t.grad[ids[k]]).toBe(t.local[s + k]);
          closeTo(t.grad[ids[k]], central(c.f, x, k), 1e-7);
        }
      });
    }
  }
});

describe("conventions at the edges", () => {
  it("relu'(0) = 0 and abs'(0) = 0, flagged non-differentiable", () => {
    const t = new Tape();
    const x = t.input(0);
    const r = t.relu(x), a = t.abs(x);
    expect([t.val[r], t.val[a]]).toEqual([0, 0]);
    expect([t.local[t.start[r]], t.local[t.start[a]]]).toEqual([0, 0]);
    expect(t.flags[r]).toBe(Flag.NonDifferentiable);
    expect(t.flags[a]).toBe(Flag.NonDifferentiable);
    const s = t.add(r, a);
    t.backward(s);
    expect(t.grad[x]).toBe(0);
  });

  it("pow with a <= 0: d/db reported 0 and flagged; d/da still right", () => {
    for (const [a, b, value, da] of [[-2, 3, -8, 12], [0, 2, 0, 0], [-3, 2, 9, -6]]) {
      const t = new Tape();
      const ia = t.input(a), ib = t.input(b);
      const y = t.pow(ia, ib);
      expect(t.val[y]).toBe(value);
      expect(t.flags[y] & Flag.UndefinedDerivative).toBeTruthy();
      t.backward(y);
      expect(t.grad[ib]).toBe(0);
      expect(t.grad[ia]).toBe(da);
    }
  });

  it("powConst has no exponent edge and no exponent edge case", () => {
    const t = new Tape();
    const x = t.input(-2);
    const y = t.powConst(x, 3);
    expect(t.start[y + 1] - t.start[y]).toBe(1);
    expect(t.flags[y]).toBe(0);
    expect(t.val[y]).toBe(-8);
    t.backward(y);
    expect(t.grad[x]).toBe(12);
    const z = t.powConst(x, 0);
    expect([t.val[z], t.local[t.start[z]]]).toEqual([1, 0]);
  });

  it("pow with a zero exponent has d/da = 0 even at a = 0", () => {
    const t = new Tape();
    const y = t.pow(t.input(0), t.input(0));
    expect(t.val[y]).toBe(1);
    expect(t.local[t.start[y]]).toBe(0);
  });

  it("sigmoid and tanh are exact at both tails, with no NaN", () => {
    const t = new Tape();
    const ys = [t.sigmoid(t.input(-800)), t.sigmoid(t.input(800)), t.tanh(t.input(-400)), t.tanh(t.input(400))];
    expect(ys.map((y) => t.val[y])).toEqual([0, 1, -1, 1]);
    expect(ys.map((y) => t.local[t.start[y]])).toEqual([0, 0, 0, 0]);
    expect(t.firstNonFinite()).toBe(-1);
  });

  it("tanh stays within 4 ulp of Math.tanh, is odd and keeps -0", () => {
    const t = new Tape();
    for (let k = -4000; k <= 4000; k++) {
      const x = k * 0.00537 + (k % 7) * 1e-9;
      const y = t.value(t.tanh(t.input(x)));
      expect(Math.abs(y - Math.tanh(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(Math.tanh(x)));
      expect(t.value(t.tanh(t.input(-x))) === -y).toBe(true);
    }
    expect(Object.is(t.value(t.tanh(t.input(-0))), -0)).toBe(true);
  });

  it("firstNonFinite finds where NaN or Infinity first appeared", () => {
    const t = new Tape();
    const x = t.input(0), one = t.input(1);
    const ok = t.add(x, one);
    const bad = t.log(x); // -Infinity
    const worse = t.mul(bad, x); // -Infinity * 0 = NaN
    t.add(worse, ok);
    expect(t.val[bad]).toBe(-Infinity);
    expect(Number.isNaN(t.val[worse])).toBe(true);
    expect(t.firstNonFinite()).toBe(bad);
    expect(t.firstNonFinite(ok)).toBe(-1);

    const u = new Tape();
    const n = u.sqrt(u.input(-1));
    expect(u.firstNonFinite()).toBe(n);
    const d = new Tape();
    const q = d.div(d.input(1), d.input(0));
    expect(d.val[q]).toBe(Infinity);
    expect(d.firstNonFinite()).toBe(q);
  });

  it("sqrt at 0 has an infinite local derivative, not a silent number", () => {
    const t = new Tape();
    const y = t.sqrt(t.input(0));
    expect(t.val[y]).toBe(0);
    expect(t.local[t.start[y]]).toBe(Infinity);
  });
});
