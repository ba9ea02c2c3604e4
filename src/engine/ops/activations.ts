// Runs anywhere: the activations beyond the classic ones, each one entry built like elementwise.ts's (scalar kernel
// with its local derivative, tensor loops written out per op): leakyRelu, gelu (the exact erf form, PyTorch's
// default) and softplus (stable at both tails). Conventions as PyTorch's.
import { Flag, Op } from "../op";
import { sigmoidOf, unary, zeroFlag } from "./elementwise";
import { erfc } from "./erf";
import type { ScalarOpDef } from "./types";

const SQRT1_2 = Math.SQRT1_2, INV_SQRT_2PI = 0.3989422804014327;

/** Φ(x), the standard normal distribution function, from erfc so it stays accurate in the left tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** gelu(x) = x Φ(x). */
export function geluOf(x: number): number {
  return x * normalCdf(x);
}

/**
 * d gelu/dx = Φ(x) + x φ(x), with Φ(x) read back from y = gelu(x) as y / x (within 2 ulp of it): the backward pass
 * needs no second erfc.
 */
export function geluSlope(x: number, y: number): number {
  return (x !== 0 ? y / x : 0.5) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** ln(1 + e^x) = ln(1 + e^-|x|) + max(x, 0): no overflow for large x, no loss of digits for very negative x. */
export function softplusOf(x: number): number {
  return Math.log1p(Math.exp(-Math.abs(x))) + (x > 0 ? x : 0);
}

/**
 * x for x > 0, else slope·x (slope in aux, 0.01 by default); dy/dx = 1 for x > 0, else slope: at exactly 0 the
 * slope, as PyTorch, flagged as a non-differentiable point.
 */
export const leakyRelu = unary({
  code: Op.LeakyRelu, name: "leakyRelu", symbol: "leakyRelu", flag: zeroFlag,
  kink: "leakyRelu at 0: not differentiable, the convention gives the slope",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]], a = t.aux[i];
    t.val[i] = x > 0 ? x : a * x;
    t.local[s] = x > 0 ? 1 : a;
    t.flags[i] = x === 0 ? Flag.NonDifferentiable : 0;
    return i;
  },
  map: (x, y, a) => { for (let k = 0; k < y.length; k++) y[k] = x[k] > 0 ? x[k] : a * x[k]; },
  pull: (g, x, _y, gx, a) => { for (let k = 0; k < g.length; k++) gx[k] += x[k] > 0 ? g[k] : a * g[k]; },
  check: (a) => {
    if (!Number.isFinite(a)) throw new RangeError(`leakyRelu: slope ${a} must be a finite number`);
  },
});

/** x Φ(x) with Φ from erf (not the tanh approximation); dy/dx = Φ(x) + x φ(x). */
export const gelu = unary({
  code: Op.Gelu, name: "gelu", symbol: "gelu",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]], y = geluOf(x);
    t.val[i] = y;
    t.local[s] = geluSlope(x, y);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = geluOf(x[k]); },
  pull: (g, x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * geluSlope(x[k], y[k]); },
});

/** ln(1 + e^x), stably; dy/dx = sigmoid(x). */
export const softplus = unary({
  code: Op.Softplus, name: "softplus", symbol: "softplus",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = softplusOf(x);
    t.local[s] = sigmoidOf(x);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = softplusOf(x[k]); },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * sigmoidOf(x[k]); },
});

export const activationOps: readonly ScalarOpDef[] = [leakyRelu, gelu, softplus];
