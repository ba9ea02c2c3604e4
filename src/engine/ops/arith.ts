// Runs anywhere: the elementwise ops of two inputs, each defined once: its scalar kernel (value and the local
// derivatives ∂y/∂a, ∂y/∂b on the two edges) and its tensor loops over one broadcast run (see broadcast.ts): the
// value, and the gradient pulled into a (pullA) and into b (pullB). Written out per op for the reason given in
// elementwise.ts; binary() adds the broadcasting and the glue.
import { Flag, Op } from "../op";
import { sizeOf } from "../tensor/shape";
import { broadcastShape, runsOf } from "./broadcast";
import type { Kernel, ScalarOpDef } from "./types";

type F64 = Float64Array;
/** y[iy + k] = a[ia + k·sa] ∘ b[ib + k·sb] for k < n. */
type Run = (a: F64, ia: number, sa: number, b: F64, ib: number, sb: number, y: F64, iy: number, n: number) => void;
/** Adds g[iy + k] · ∂y/∂x into gx at x's element (ia + k·sa for pullA, ib + k·sb for pullB), for k < n. */
type Pull = (g: F64, a: F64, ia: number, sa: number, b: F64, ib: number, sb: number, gx: F64, iy: number, n: number) => void;

export interface BinarySpec {
  code: number;
  name: string;
  symbol: string;
  kernel: Kernel;
  run: Run;
  pullA: Pull;
  pullB: Pull;
  /** The convention at the op's ties (see OpDef.kink). */
  kink?: string;
  /** Node flags from one run of the inputs (a tie in maximum is NonDifferentiable); OR-ed over the runs. */
  flag?(a: F64, ia: number, sa: number, b: F64, ib: number, sb: number, n: number): number;
  /** No gradient to either input (comparisons). */
  noGrad?: boolean;
}

export function binary(u: BinarySpec): ScalarOpDef {
  const flag = u.flag;
  return {
    code: u.code, name: u.name, symbol: u.symbol, arity: 2, kernel: u.kernel, kink: u.kink, noGrad: u.noGrad,
    tensor: {
      shape: ([a, b]) => broadcastShape(u.name, a, b),
      cost: (_in, out) => sizeOf(out),
      forward: (t, i) => {
        const s = t.start[i], a = t.in[s], b = t.in[s + 1], y = t.tensorValue(i), va = t.tensorValue(a), vb = t.tensorValue(b);
        const r = runsOf(t.shape(a), t.shape(b), t.shape(i));
        for (let c = 0; c < r.count; c++) u.run(va, r.oa[c], r.sa, vb, r.ob[c], r.sb, y, c * r.n, r.n);
        if (!flag) return;
        let f = 0;
        for (let c = 0; c < r.count; c++) f |= flag(va, r.oa[c], r.sa, vb, r.ob[c], r.sb, r.n);
        t.flags[i] = f;
      },
      vjp: (t, i, g) => {
        const s = t.start[i], a = t.in[s], b = t.in[s + 1], ga = t.gradOf(a), gb = t.gradOf(b);
        if (!ga && !gb) return;
        const va = t.tensorValue(a), vb = t.tensorValue(b), r = runsOf(t.shape(a), t.shape(b), t.shape(i));
        for (let c = 0; c < r.count; c++) {
          if (ga) u.pullA(g, va, r.oa[c], r.sa, vb, r.ob[c], r.sb, ga, c * r.n, r.n);
          if (gb) u.pullB(g, va, r.oa[c], r.sa, vb, r.ob[c], r.sb, gb, c * r.n, r.n);
        }
      },
    },
  };
}

/** a + b; ∂/∂a = 1, ∂/∂b = 1. */
export const add = binary({
  code: Op.Add, name: "add", symbol: "+",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    val[i] = val[inp[s]] + val[inp[s + 1]];
    d[s] = 1;
    d[s + 1] = 1;
    t.flags[i] = 0;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] + b[ib + k * sb]; },
  pullA: (g, _a, ia, sa, _b, _ib, _sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ia + k * sa] += g[iy + k]; },
  pullB: (g, _a, _ia, _sa, _b, ib, sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ib + k * sb] += g[iy + k]; },
});

/** a - b; ∂/∂a = 1, ∂/∂b = -1. */
export const sub = binary({
  code: Op.Sub, name: "sub", symbol: "−",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    val[i] = val[inp[s]] - val[inp[s + 1]];
    d[s] = 1;
    d[s + 1] = -1;
    t.flags[i] = 0;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] - b[ib + k * sb]; },
  pullA: (g, _a, ia, sa, _b, _ib, _sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ia + k * sa] += g[iy + k]; },
  pullB: (g, _a, _ia, _sa, _b, ib, sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ib + k * sb] -= g[iy + k]; },
});

/** a · b; ∂/∂a = b, ∂/∂b = a. */
export const mul = binary({
  code: Op.Mul, name: "mul", symbol: "×",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const a = val[inp[s]], b = val[inp[s + 1]];
    val[i] = a * b;
    d[s] = b;
    d[s + 1] = a;
    t.flags[i] = 0;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] * b[ib + k * sb]; },
  pullA: (g, _a, ia, sa, b, ib, sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ia + k * sa] += g[iy + k] * b[ib + k * sb]; },
  pullB: (g, a, ia, sa, _b, ib, sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ib + k * sb] += g[iy + k] * a[ia + k * sa]; },
});

/** a / b; ∂/∂a = 1/b, ∂/∂b = -a/b². */
export const div = binary({
  code: Op.Div, name: "div", symbol: "÷",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const a = val[inp[s]], b = val[inp[s + 1]];
    val[i] = a / b;
    d[s] = 1 / b;
    d[s + 1] = -a / (b * b);
    t.flags[i] = 0;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] / b[ib + k * sb]; },
  pullA: (g, _a, ia, sa, b, ib, sb, gx, iy, n) => {
    for (let k = 0; k < n; k++) gx[ia + k * sa] += g[iy + k] * (1 / b[ib + k * sb]);
  },
  pullB: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
    for (let k = 0; k < n; k++) {
      const av = a[ia + k * sa], bv = b[ib + k * sb];
      gx[ib + k * sb] += g[iy + k] * (-av / (bv * bv));
    }
  },
});

/** JavaScript's % (truncated): a % b = a - b trunc(a / b), so ∂/∂a = 1, ∂/∂b = -trunc(a / b) away from the jumps. */
export const mod = binary({
  code: Op.Mod, name: "mod", symbol: "%",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const a = val[inp[s]], b = val[inp[s + 1]];
    val[i] = a % b;
    d[s] = 1;
    d[s + 1] = -Math.trunc(a / b);
    t.flags[i] = 0;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] % b[ib + k * sb]; },
  pullA: (g, _a, ia, sa, _b, _ib, _sb, gx, iy, n) => { for (let k = 0; k < n; k++) gx[ia + k * sa] += g[iy + k]; },
  pullB: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
    for (let k = 0; k < n; k++) gx[ib + k * sb] += g[iy + k] * -Math.trunc(a[ia + k * sa] / b[ib + k * sb]);
  },
});

/**
 * a ** b with b a node (an edge to the exponent); ∂/∂a = b a^(b-1), ∂/∂b = a^b ln a only for a > 0: for a <= 0 it
 * is undefined, reported as 0 (and flagged on a scalar node).
 */
export const pow = binary({
  code: Op.Pow, name: "pow", symbol: "^",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const a = val[inp[s]], b = val[inp[s + 1]], y = a ** b;
    val[i] = y;
    d[s] = b === 0 ? 0 : b * a ** (b - 1);
    d[s + 1] = a > 0 ? y * Math.log(a) : 0;
    t.flags[i] = a > 0 ? 0 : Flag.UndefinedDerivative;
    return i;
  },
  run: (a, ia, sa, b, ib, sb, y, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] ** b[ib + k * sb]; },
  pullA: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
    for (let k = 0; k < n; k++) {
      const av = a[ia + k * sa], bv = b[ib + k * sb];
      gx[ia + k * sa] += g[iy + k] * (bv === 0 ? 0 : bv * av ** (bv - 1));
    }
  },
  pullB: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
    for (let k = 0; k < n; k++) {
      const av = a[ia + k * sa];
      if (av > 0) gx[ib + k * sb] += g[iy + k] * (av ** b[ib + k * sb] * Math.log(av));
    }
  },
});

export const arith: readonly ScalarOpDef[] = [add, sub, mul, div, mod, pow];
