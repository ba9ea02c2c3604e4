// Runs anywhere: the elementwise ops of one input, each defined once: its scalar kernel (value and local derivative
// dy/dx on the edge) and its tensor loops (y = f(x) and the vector-Jacobian product gx += g · dy/dx). The loops are
// written out per op, not made by the builder from the scalar formula: V8 shares type feedback between closures a
// builder makes, so a builder's loop would call every op's f through one megamorphic call per element (measured
// 2.7 times slower). unary() only adds the glue that reads the node's buffers.
import { Flag, Op } from "../op";
import { sizeOf } from "../tensor/shape";
import type { Kernel, ScalarOpDef } from "./types";

export interface UnarySpec {
  code: number;
  name: string;
  symbol: string;
  kernel: Kernel;
  /** The convention at the op's kinks (see OpDef.kink). */
  kink?: string;
  /** The node's flags from its input (a tensor with an element at a kink is flagged NonDifferentiable). */
  flag?(x: Float64Array, k: number): number;
  /** y = f(x) elementwise; k is aux (pow's exponent). */
  map(x: Float64Array, y: Float64Array, k: number): void;
  /** gx += g · dy/dx elementwise, where y = f(x). */
  pull(g: Float64Array, x: Float64Array, y: Float64Array, gx: Float64Array, k: number): void;
  /** Throws for an aux the op refuses on tensors. */
  check?(k: number): void;
}

export function unary(u: UnarySpec): ScalarOpDef {
  const flag = u.flag;
  return {
    code: u.code, name: u.name, symbol: u.symbol, arity: 1, kernel: u.kernel, kink: u.kink,
    tensor: {
      shape: ([s], k) => {
        u.check?.(k);
        return s;
      },
      cost: (_in, out) => sizeOf(out),
      forward: (t, i) => {
        const x = t.tensorValue(t.in[t.start[i]]);
        u.map(x, t.tensorValue(i), t.aux[i]);
        if (flag) t.flags[i] = flag(x, t.aux[i]);
      },
      vjp: (t, i, g) => {
        const a = t.in[t.start[i]], ga = t.gradOf(a);
        if (ga) u.pull(g, t.tensorValue(a), t.tensorValue(i), ga, t.aux[i]);
      },
    },
  };
}

/**
 * tanh from expm1, as fdlibm does, within about 2 ulp of Math.tanh. V8's Math.tanh has several times the latency
 * of expm1, and a deep tanh chain is one long dependency chain, so this doubles the speed of recording it.
 */
export function tanhOf(x: number): number {
  const a = Math.abs(x);
  if (a < 3.725290298461914e-9) return x; // 2^-28: tanh x = x to double precision (keeps -0)
  if (a > 19.1) return x > 0 ? 1 : -1; // tanh(19.1) rounds to 1
  const t = Math.expm1(2 * a);
  const y = t / (t + 2);
  return x < 0 ? -y : y;
}

/** Two branches so neither exp overflows: the value is exact at both tails. */
export function sigmoidOf(a: number): number {
  return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
}

/** NonDifferentiable when an element is exactly 0 (the kink of relu, abs and leakyRelu). */
export function zeroFlag(x: Float64Array): number {
  for (let k = 0; k < x.length; k++) if (x[k] === 0) return Flag.NonDifferentiable;
  return 0;
}

/** -x; dy/dx = -1. */
export const neg = unary({
  code: Op.Neg, name: "neg", symbol: "neg",
  kernel: (t, i) => {
    const s = t.start[i];
    t.val[i] = -t.val[t.in[s]];
    t.local[s] = -1;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = -x[k]; },
  pull: (g, _x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] -= g[k]; },
});

/** e^x; dy/dx = y. */
export const exp = unary({
  code: Op.Exp, name: "exp", symbol: "exp",
  kernel: (t, i) => {
    const s = t.start[i], y = Math.exp(t.val[t.in[s]]);
    t.val[i] = y;
    t.local[s] = y;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.exp(x[k]); },
  pull: (g, _x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * y[k]; },
});

/** ln x; dy/dx = 1/x. */
export const log = unary({
  code: Op.Log, name: "log", symbol: "log",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = Math.log(x);
    t.local[s] = 1 / x;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.log(x[k]); },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (1 / x[k]); },
});

/** √x; dy/dx = 1/(2y). */
export const sqrt = unary({
  code: Op.Sqrt, name: "sqrt", symbol: "sqrt",
  kernel: (t, i) => {
    const s = t.start[i], y = Math.sqrt(t.val[t.in[s]]);
    t.val[i] = y;
    t.local[s] = 0.5 / y;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.sqrt(x[k]); },
  pull: (g, _x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (0.5 / y[k]); },
});

/** sin x; dy/dx = cos x. */
export const sin = unary({
  code: Op.Sin, name: "sin", symbol: "sin",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = Math.sin(x);
    t.local[s] = Math.cos(x);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.sin(x[k]); },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * Math.cos(x[k]); },
});

/** cos x; dy/dx = -sin x. */
export const cos = unary({
  code: Op.Cos, name: "cos", symbol: "cos",
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = Math.cos(x);
    t.local[s] = -Math.sin(x);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.cos(x[k]); },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * -Math.sin(x[k]); },
});

/** tan x; dy/dx = 1 + y². */
export const tan = unary({
  code: Op.Tan, name: "tan", symbol: "tan",
  kernel: (t, i) => {
    const s = t.start[i], y = Math.tan(t.val[t.in[s]]);
    t.val[i] = y;
    t.local[s] = 1 + y * y;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.tan(x[k]); },
  pull: (g, _x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (1 + y[k] * y[k]); },
});

/** tanh x; dy/dx = 1 - y². */
export const tanh = unary({
  code: Op.Tanh, name: "tanh", symbol: "tanh",
  kernel: (t, i) => {
    const s = t.start[i], y = tanhOf(t.val[t.in[s]]);
    t.val[i] = y;
    t.local[s] = 1 - y * y;
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = tanhOf(x[k]); },
  pull: (g, _x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (1 - y[k] * y[k]); },
});

/** 1/(1 + e^-x); dy/dx = y(1 - y). */
export const sigmoid = unary({
  code: Op.Sigmoid, name: "sigmoid", symbol: "sigmoid",
  kernel: (t, i) => {
    const s = t.start[i], y = sigmoidOf(t.val[t.in[s]]);
    t.val[i] = y;
    t.local[s] = y * (1 - y);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = sigmoidOf(x[k]); },
  pull: (g, _x, y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (y[k] * (1 - y[k])); },
});

/** max(x, 0); dy/dx = 1 for x > 0, else 0: at exactly 0 by convention, flagged as a non-differentiable point. */
export const relu = unary({
  code: Op.Relu, name: "relu", symbol: "relu", kink: "relu at 0: not differentiable, the convention gives 0", flag: zeroFlag,
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = x > 0 ? x : 0;
    t.local[s] = x > 0 ? 1 : 0;
    t.flags[i] = x === 0 ? Flag.NonDifferentiable : 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = x[k] > 0 ? x[k] : 0; },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += x[k] > 0 ? g[k] : 0; },
});

/** |x|; dy/dx = sign x: 0 at exactly 0 by convention, flagged as a non-differentiable point. */
export const abs = unary({
  code: Op.Abs, name: "abs", symbol: "abs", kink: "abs at 0: not differentiable, the convention gives 0", flag: zeroFlag,
  kernel: (t, i) => {
    const s = t.start[i], x = t.val[t.in[s]];
    t.val[i] = Math.abs(x);
    t.local[s] = x > 0 ? 1 : x < 0 ? -1 : 0;
    t.flags[i] = x === 0 ? Flag.NonDifferentiable : 0;
    return i;
  },
  map: (x, y) => { for (let k = 0; k < y.length; k++) y[k] = Math.abs(x[k]); },
  pull: (g, x, _y, gx) => { for (let k = 0; k < g.length; k++) gx[k] += g[k] * (x[k] > 0 ? 1 : x[k] < 0 ? -1 : 0); },
});

/** x ** k with k a constant (aux): no edge to the exponent; dy/dx = k x^(k-1). */
export const powConst = unary({
  code: Op.PowConst, name: "pow", symbol: "^",
  kernel: (t, i) => {
    const s = t.start[i], k = t.aux[i], x = t.val[t.in[s]];
    t.val[i] = x ** k;
    t.local[s] = k === 0 ? 0 : k * x ** (k - 1);
    t.flags[i] = 0;
    return i;
  },
  map: (x, y, k) => {
    if (k === 2) for (let j = 0; j < y.length; j++) y[j] = x[j] * x[j];
    else for (let j = 0; j < y.length; j++) y[j] = x[j] ** k;
  },
  pull: (g, x, _y, gx, k) => {
    if (k === 0) return;
    if (k === 2) for (let j = 0; j < g.length; j++) gx[j] += g[j] * (2 * x[j]);
    else for (let j = 0; j < g.length; j++) gx[j] += g[j] * (k * x[j] ** (k - 1));
  },
  check: (k) => {
    if (!Number.isFinite(k)) throw new RangeError(`pow: exponent ${k} must be a finite number`);
  },
});

export const elementwise: readonly ScalarOpDef[] = [neg, exp, log, sqrt, sin, cos, tan, tanh, sigmoid, relu, abs, powConst];
