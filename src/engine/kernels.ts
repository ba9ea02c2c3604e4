// Runs anywhere: the math of every op, in one place. A kernel computes node i's value, the local derivatives
// ∂node/∂input of its edges and its flags from its inputs' values, and returns i. Each tape primitive calls its own
// kernel (one call site per op, so V8 inlines it: no dispatch when recording); replay goes through the table.
import { Flag, OP_COUNT, Op } from "./op";

/** The arrays a kernel reads and writes (the Tape). */
export interface KernelTape {
  val: Float64Array;
  in: Int32Array;
  local: Float64Array;
  start: Int32Array;
  aux: Float64Array;
  flags: Uint8Array;
}

/** Computes node i in place; returns i. */
export type Kernel = (t: KernelTape, i: number) => number;

export const kAdd: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  val[i] = val[inp[s]] + val[inp[s + 1]];
  d[s] = 1;
  d[s + 1] = 1;
  t.flags[i] = 0;
  return i;
};

export const kSub: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  val[i] = val[inp[s]] - val[inp[s + 1]];
  d[s] = 1;
  d[s + 1] = -1;
  t.flags[i] = 0;
  return i;
};

export const kMul: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]], b = val[inp[s + 1]];
  val[i] = a * b;
  d[s] = b;
  d[s + 1] = a;
  t.flags[i] = 0;
  return i;
};

export const kDiv: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]], b = val[inp[s + 1]];
  val[i] = a / b;
  d[s] = 1 / b;
  d[s + 1] = -a / (b * b);
  t.flags[i] = 0;
  return i;
};

/** JavaScript's % (truncated): a % b = a - b trunc(a / b), so ∂/∂b = -trunc(a / b) away from the jumps. */
export const kMod: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]], b = val[inp[s + 1]];
  val[i] = a % b;
  d[s] = 1;
  d[s + 1] = -Math.trunc(a / b);
  t.flags[i] = 0;
  return i;
};

export const kNeg: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  val[i] = -val[inp[s]];
  d[s] = -1;
  t.flags[i] = 0;
  return i;
};

/** a ** b: d/db = a ** b ln a only for a > 0; for a <= 0 it is undefined, reported as 0 and flagged. */
export const kPow: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]], b = val[inp[s + 1]];
  const y = a ** b;
  val[i] = y;
  d[s] = b === 0 ? 0 : b * a ** (b - 1);
  if (a > 0) {
    d[s + 1] = y * Math.log(a);
    t.flags[i] = 0;
  return i;
  }
  d[s + 1] = 0;
  t.flags[i] = Flag.UndefinedDerivative;
  return i;
};

/** a ** k with k constant (aux): no exponent edge, so no exponent edge case. */
export const kPowConst: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const k = t.aux[i];
  const a = val[inp[s]];
  val[i] = a ** k;
  d[s] = k === 0 ? 0 : k * a ** (k - 1);
  t.flags[i] = 0;
  return i;
};

export const kExp: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const y = Math.exp(val[inp[s]]);
  val[i] = y;
  d[s] = y;
  t.flags[i] = 0;
  return i;
};

export const kLog: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]];
  val[i] = Math.log(a);
  d[s] = 1 / a;
  t.flags[i] = 0;
  return i;
};

export const kSqrt: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const y = Math.sqrt(val[inp[s]]);
  val[i] = y;
  d[s] = 0.5 / y;
  t.flags[i] = 0;
  return i;
};

export const kSin: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]];
  val[i] = Math.sin(a);
  d[s] = Math.cos(a);
  t.flags[i] = 0;
  return i;
};

export const kCos: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]];
  val[i] = Math.cos(a);
  d[s] = -Math.sin(a);
  t.flags[i] = 0;
  return i;
};

export const kTan: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const y = Math.tan(val[inp[s]]);
  val[i] = y;
  d[s] = 1 + y * y;
  t.flags[i] = 0;
  return i;
};

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

export const kTanh: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const y = tanhOf(val[inp[s]]);
  val[i] = y;
  d[s] = 1 - y * y;
  t.flags[i] = 0;
  return i;
};

/** Two branches so neither exp overflows: the value is exact at both tails. */
export function sigmoidOf(a: number): number {
  return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
}

export const kSigmoid: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const y = sigmoidOf(val[inp[s]]);
  val[i] = y;
  d[s] = y * (1 - y);
  t.flags[i] = 0;
  return i;
};

/** relu'(0) = 0 by convention, flagged as a non-differentiable point. */
export const kRelu: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]];
  val[i] = a > 0 ? a : 0;
  d[s] = a > 0 ? 1 : 0;
  t.flags[i] = a === 0 ? Flag.NonDifferentiable : 0;
  return i;
};

/** abs'(0) = 0 by convention, flagged as a non-differentiable point. */
export const kAbs: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const a = val[inp[s]];
  val[i] = Math.abs(a);
  d[s] = a > 0 ? 1 : a < 0 ? -1 : 0;
  t.flags[i] = a === 0 ? Flag.NonDifferentiable : 0;
  return i;
};

export const kSum: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const e = t.start[i + 1];
  let acc = 0;
  for (let k = s; k < e; k++) {
    acc += val[inp[k]];
    d[k] = 1;
  }
  val[i] = acc;
  t.flags[i] = 0;
  return i;
};

/** Edges w0, x0, w1, x1, ..., b. */
export const kLinear: Kernel = (t, i) => {
  const val = t.val, inp = t.in, d = t.local, s = t.start[i];
  const e = t.start[i + 1];
  const last = e - 1;
  let acc = val[inp[last]];
  d[last] = 1;
  for (let k = s; k < last; k += 2) {
    const w = val[inp[k]], x = val[inp[k + 1]];
    acc += w * x;
    d[k] = x;
    d[k + 1] = w;
  }
  val[i] = acc;
  t.flags[i] = 0;
  return i;
};

/** Leaves keep the value they were given. */
const kLeaf: Kernel = (_t, i) => i;

/** Kernel of each op code. */
export const kernels: readonly Kernel[] = (() => {
  const k = new Array<Kernel>(OP_COUNT).fill(kLeaf);
  k[Op.Add] = kAdd; k[Op.Sub] = kSub; k[Op.Mul] = kMul; k[Op.Div] = kDiv; k[Op.Mod] = kMod; k[Op.Neg] = kNeg;
  k[Op.Pow] = kPow; k[Op.PowConst] = kPowConst; k[Op.Exp] = kExp; k[Op.Log] = kLog; k[Op.Sqrt] = kSqrt;
  k[Op.Sin] = kSin; k[Op.Cos] = kCos; k[Op.Tan] = kTan; k[Op.Tanh] = kTanh; k[Op.Sigmoid] = kSigmoid;
  k[Op.Relu] = kRelu; k[Op.Abs] = kAbs; k[Op.Sum] = kSum; k[Op.Linear] = kLinear;
  return k;
})();
