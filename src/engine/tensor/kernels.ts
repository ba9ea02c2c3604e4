// Runs anywhere: the tensor tape's kernels on plain row-major Float64Arrays. Forward kernels overwrite `out`;
// backward kernels add into gradient buffers (a node used twice gets both contributions). No allocation here.
import { sigmoidOf, tanhOf } from "../kernels";
import { TOp } from "./op";

/**
 * out[n,m] (+)= a[n,k] b[k,m], the one tuned loop all three matmul kernels use. Loop order i-k-j (the inner loop
 * walks b and out contiguously), blocked two rows of out by four rows of b: each b element loaded serves two
 * outputs and each out element is loaded and stored once per four multiply-adds. In V8 that is about four times
 * faster than the plain i-k-j loop.
 */
function mm(a: Float64Array, b: Float64Array, out: Float64Array, n: number, k: number, m: number, acc: boolean): void {
  if (!acc) out.fill(0, 0, n * m);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o0 = i * m, o1 = o0 + m, ra = i * k, rc = ra + k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = a[ra + p], a1 = a[ra + p + 1], a2 = a[ra + p + 2], a3 = a[ra + p + 3];
      const c0 = a[rc + p], c1 = a[rc + p + 1], c2 = a[rc + p + 2], c3 = a[rc + p + 3];
      const r0 = p * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
      for (let j = 0; j < m; j++) {
        const b0 = b[r0 + j], b1 = b[r1 + j], b2 = b[r2 + j], b3 = b[r3 + j];
        out[o0 + j] += a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3;
        out[o1 + j] += c0 * b0 + c1 * b1 + c2 * b2 + c3 * b3;
      }
    }
    for (; p < k; p++) {
      const av = a[ra + p], cv = a[rc + p], rb = p * m;
      for (let j = 0; j < m; j++) {
        const bv = b[rb + j];
        out[o0 + j] += av * bv;
        out[o1 + j] += cv * bv;
      }
    }
  }
  if (i < n) {
    const o = i * m, ra = i * k;
    for (let p = 0; p < k; p++) {
      const av = a[ra + p], rb = p * m;
      for (let j = 0; j < m; j++) out[o + j] += av * b[rb + j];
    }
  }
}

/** Scratch for the transposed operand of the gradient kernels: grown, never shrunk, so steps do not allocate. */
let scratch = new Float64Array(0);

function transposed(x: Float64Array, n: number, m: number): Float64Array {
  if (scratch.length < n * m) scratch = new Float64Array(n * m);
  transpose(x, scratch, n, m);
  return scratch;
}

/** out[n,m] = a[n,k] b[k,m]. */
export function matmul(a: Float64Array, b: Float64Array, out: Float64Array, n: number, k: number, m: number): void {
  mm(a, b, out, n, k, m, false);
}

/** ga[n,k] += g[n,m] b[k,m]ᵀ. Transposing b first (k·m moves against n·k·m multiply-adds) puts it in mm's order. */
export function matmulGradA(g: Float64Array, b: Float64Array, ga: Float64Array, n: number, k: number, m: number): void {
  mm(g, transposed(b, k, m), ga, n, m, k, true);
}

/** gb[k,m] += a[n,k]ᵀ g[n,m], through a transposed copy of a likewise. */
export function matmulGradB(g: Float64Array, a: Float64Array, gb: Float64Array, n: number, k: number, m: number): void {
  mm(transposed(a, n, k), g, gb, k, n, m, true);
}

export function transpose(a: Float64Array, out: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j * n + i] = a[i * m + j];
}

/**
 * Operand layout for broadcasting: element (i, j) of the result reads a[i * rs + j * cs]. A row or column of
 * length 1 gets stride 0, so the same element is read (and, backwards, accumulated into) along it.
 */
export interface Strides {
  rs: number;
  cs: number;
}

export function strides(rows: number, cols: number): Strides {
  return { rs: rows === 1 ? 0 : cols, cs: cols === 1 ? 0 : 1 };
}

export function binary(op: number, a: Float64Array, sa: Strides, b: Float64Array, sb: Strides, out: Float64Array,
  n: number, m: number): void {
  if (sa.cs === 1 && sb.cs === 1 && sa.rs === m && sb.rs === m) {
    // Same shape: one flat loop per op.
    const len = n * m;
    switch (op) {
      case TOp.Add: for (let k = 0; k < len; k++) out[k] = a[k] + b[k]; return;
      case TOp.Sub: for (let k = 0; k < len; k++) out[k] = a[k] - b[k]; return;
      case TOp.Mul: for (let k = 0; k < len; k++) out[k] = a[k] * b[k]; return;
      default: for (let k = 0; k < len; k++) out[k] = a[k] / b[k]; return;
    }
  }
  for (let i = 0; i < n; i++) {
    const o = i * m, ia = i * sa.rs, ib = i * sb.rs, ca = sa.cs, cb = sb.cs;
    switch (op) {
      case TOp.Add: for (let j = 0; j < m; j++) out[o + j] = a[ia + j * ca] + b[ib + j * cb]; break;
      case TOp.Sub: for (let j = 0; j < m; j++) out[o + j] = a[ia + j * ca] - b[ib + j * cb]; break;
      case TOp.Mul: for (let j = 0; j < m; j++) out[o + j] = a[ia + j * ca] * b[ib + j * cb]; break;
      default: for (let j = 0; j < m; j++) out[o + j] = a[ia + j * ca] / b[ib + j * cb]; break;
    }
  }
}

/**
 * Gradients of a broadcast binary into ga and gb (either may be undefined when that input needs none), summing
 * over the broadcast rows and columns through the zero strides.
 */
export function binaryGrad(op: number, g: Float64Array, a: Float64Array, sa: Strides, b: Float64Array, sb: Strides,
  ga: Float64Array | undefined, gb: Float64Array | undefined, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const o = i * m, ia = i * sa.rs, ib = i * sb.rs, ca = sa.cs, cb = sb.cs;
    switch (op) {
      case TOp.Add:
        if (ga) for (let j = 0; j < m; j++) ga[ia + j * ca] += g[o + j];
        if (gb) for (let j = 0; j < m; j++) gb[ib + j * cb] += g[o + j];
        break;
      case TOp.Sub:
        if (ga) for (let j = 0; j < m; j++) ga[ia + j * ca] += g[o + j];
        if (gb) for (let j = 0; j < m; j++) gb[ib + j * cb] -= g[o + j];
        break;
      case TOp.Mul:
        if (ga) for (let j = 0; j < m; j++) ga[ia + j * ca] += g[o + j] * b[ib + j * cb];
        if (gb) for (let j = 0; j < m; j++) gb[ib + j * cb] += g[o + j] * a[ia + j * ca];
        break;
      default:
        if (ga) for (let j = 0; j < m; j++) ga[ia + j * ca] += g[o + j] * (1 / b[ib + j * cb]);
        if (gb) {
          for (let j = 0; j < m; j++) {
            const av = a[ia + j * ca], bv = b[ib + j * cb];
            gb[ib + j * cb] += g[o + j] * (-av / (bv * bv));
          }
        }
    }
  }
}

/** Elementwise unary ops; k is PowConst's exponent. */
export function unary(op: number, a: Float64Array, out: Float64Array, k: number): void {
  const len = out.length;
  switch (op) {
    case TOp.Neg: for (let i = 0; i < len; i++) out[i] = -a[i]; return;
    case TOp.Exp: for (let i = 0; i < len; i++) out[i] = Math.exp(a[i]); return;
    case TOp.Log: for (let i = 0; i < len; i++) out[i] = Math.log(a[i]); return;
    case TOp.Tanh: for (let i = 0; i < len; i++) out[i] = tanhOf(a[i]); return;
    case TOp.Sigmoid: for (let i = 0; i < len; i++) out[i] = sigmoidOf(a[i]); return;
    case TOp.Relu: for (let i = 0; i < len; i++) out[i] = a[i] > 0 ? a[i] : 0; return;
    case TOp.PowConst:
      if (k === 2) for (let i = 0; i < len; i++) out[i] = a[i] * a[i];
      else for (let i = 0; i < len; i++) out[i] = a[i] ** k;
      return;
  }
}

/** ga += g · f'(a); y is the op's output, which exp, tanh and sigmoid derive from (as the scalar tape does). */
export function unaryGrad(op: number, g: Float64Array, a: Float64Array, y: Float64Array, ga: Float64Array, k: number): void {
  const len = g.length;
  switch (op) {
    case TOp.Neg: for (let i = 0; i < len; i++) ga[i] -= g[i]; return;
    case TOp.Exp: for (let i = 0; i < len; i++) ga[i] += g[i] * y[i]; return;
    case TOp.Log: for (let i = 0; i < len; i++) ga[i] += g[i] * (1 / a[i]); return;
    case TOp.Tanh: for (let i = 0; i < len; i++) ga[i] += g[i] * (1 - y[i] * y[i]); return;
    case TOp.Sigmoid: for (let i = 0; i < len; i++) ga[i] += g[i] * (y[i] * (1 - y[i])); return;
    case TOp.Relu: for (let i = 0; i < len; i++) ga[i] += a[i] > 0 ? g[i] : 0; return;
    case TOp.PowConst:
      if (k === 0) return;
      if (k === 2) for (let i = 0; i < len; i++) ga[i] += g[i] * (2 * a[i]);
      else for (let i = 0; i < len; i++) ga[i] += g[i] * (k * a[i] ** (k - 1));
      return;
  }
}

/** Sum of a[n,m] over all elements (axis -1), over rows (axis 0: out[1,m]) or over columns (axis 1: out[n,1]). */
export function reduce(a: Float64Array, out: Float64Array, n: number, m: number, axis: number, scale: number): void {
  out.fill(0);
  if (axis < 0) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i];
    out[0] = s * scale;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = i * m;
    if (axis === 0) for (let j = 0; j < m; j++) out[j] += a[r + j];
    else {
      let s = 0;
      for (let j = 0; j < m; j++) s += a[r + j];
      out[i] = s;
    }
  }
  if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
}

export function reduceGrad(g: Float64Array, ga: Float64Array, n: number, m: number, axis: number, scale: number): void {
  if (axis < 0) {
    const v = g[0] * scale;
    for (let i = 0; i < ga.length; i++) ga[i] += v;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = i * m;
    if (axis === 0) for (let j = 0; j < m; j++) ga[r + j] += g[j] * scale;
    else {
      const v = g[i] * scale;
      for (let j = 0; j < m; j++) ga[r + j] += v;
    }
  }
}
