// Runs anywhere: the linear-algebra ops, each defined once: matmul (batched too) and transpose of the last two axes
// on tensors (kernels in matmul.ts), and linear, the scalar neuron b + Σ w_k x_k as one node.
import { Op } from "../op";
import { shapeText, sizeOf } from "../tensor/shape";
import { matmul as mm, matmulGradA, matmulGradB, transpose as transposeInto } from "./matmul";
import type { OpDef, OpTape, ScalarOpDef } from "./types";

/** Batches of a matmul node: B products [n,k]·[k,m]; aStep/bStep are 0 for an operand shared by every batch. */
function batches(t: OpTape, i: number): { B: number; n: number; k: number; m: number; aStep: number; bStep: number } {
  const s = t.start[i], sa = t.shape(t.in[s]), sb = t.shape(t.in[s + 1]);
  const n = sa[sa.length - 2], k = sa[sa.length - 1], m = sb[sb.length - 1];
  return { B: t.shape(i)[0], n, k, m, aStep: sa.length === 3 && sa[0] > 1 ? n * k : 0, bStep: sb.length === 3 && sb[0] > 1 ? k * m : 0 };
}

/**
 * a[n,k] b[k,m], and batched as torch.matmul: [B,n,k]·[B,k,m] → [B,n,m], a rank-2 operand (or a batch of 1) shared
 * by every batch. The gradient is g bᵀ into a and aᵀ g into b, summed over the batches for a shared operand. Two
 * matrices take the one-call path, as before batches existed.
 */
export const matmul: OpDef = {
  code: Op.MatMul, name: "matmul", symbol: "matmul", arity: 2,
  tensor: {
    shape: ([a, b]) => {
      const ra = a.length, rb = b.length, ba = ra === 3 ? a[0] : 1, bb = rb === 3 ? b[0] : 1;
      if (ra < 2 || ra > 3 || rb < 2 || rb > 3 || a[ra - 1] !== b[rb - 2] || (ba !== bb && ba !== 1 && bb !== 1)) {
        throw new RangeError(`matmul: shapes ${shapeText(a)} and ${shapeText(b)} do not align`);
      }
      return ra === 2 && rb === 2 ? [a[0], b[1]] : [Math.max(ba, bb), a[ra - 2], b[rb - 1]];
    },
    // n·k·m per batch: each element of the result is k multiply-adds.
    cost: ([a], out) => sizeOf(out) * a[a.length - 1],
    forward: (t, i) => {
      const s = t.start[i], a = t.in[s], b = t.in[s + 1], sa = t.shape(a), sb = t.shape(b);
      const va = t.tensorValue(a), vb = t.tensorValue(b), y = t.tensorValue(i);
      if (sa.length === 2 && sb.length === 2) return mm(va, vb, y, sa[0], sa[1], sb[1]);
      const { B, n, k, m, aStep, bStep } = batches(t, i);
      for (let p = 0; p < B; p++) {
        mm(va.subarray(p * aStep, p * aStep + n * k), vb.subarray(p * bStep, p * bStep + k * m), y.subarray(p * n * m), n, k, m);
      }
    },
    vjp: (t, i, g) => {
      const s = t.start[i], a = t.in[s], b = t.in[s + 1], sa = t.shape(a), sb = t.shape(b), ga = t.gradOf(a), gb = t.gradOf(b);
      const va = t.tensorValue(a), vb = t.tensorValue(b);
      if (sa.length === 2 && sb.length === 2) {
        const n = sa[0], k = sa[1], m = sb[1];
        if (ga) matmulGradA(g, vb, ga, n, k, m);
        if (gb) matmulGradB(g, va, gb, n, k, m);
        return;
      }
      const { B, n, k, m, aStep, bStep } = batches(t, i);
      for (let p = 0; p < B; p++) {
        const gp = g.subarray(p * n * m), ap = p * aStep, bp = p * bStep;
        if (ga) matmulGradA(gp, vb.subarray(bp, bp + k * m), ga.subarray(ap, ap + n * k), n, k, m);
        if (gb) matmulGradB(gp, va.subarray(ap, ap + n * k), gb.subarray(bp, bp + k * m), n, k, m);
      }
    },
  },
};

/** Swaps the last two axes (of a matrix, or of each matrix in a batch); ranks 0 and 1 are unchanged (as in NumPy). */
export const transpose: OpDef = {
  code: Op.Transpose, name: "transpose", symbol: "transpose", arity: 1,
  tensor: {
    shape: ([s]) => (s.length < 2 ? s : [...s.slice(0, -2), s[s.length - 1], s[s.length - 2]]),
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const a = t.in[t.start[i]], s = t.shape(a), x = t.tensorValue(a), y = t.tensorValue(i);
      if (s.length < 2) return y.set(x);
      const n = s[s.length - 2], m = s[s.length - 1], B = x.length / (n * m);
      if (B === 1) return transposeInto(x, y, n, m);
      for (let p = 0; p < B; p++) transposeInto(x.subarray(p * n * m, (p + 1) * n * m), y.subarray(p * n * m, (p + 1) * n * m), n, m);
    },
    vjp: (t, i, g) => {
      const a = t.in[t.start[i]], ga = t.gradOf(a), s = t.shape(a);
      if (!ga) return;
      if (s.length < 2) {
        for (let k = 0; k < g.length; k++) ga[k] += g[k];
        return;
      }
      const n = s[s.length - 2], m = s[s.length - 1], B = g.length / (n * m);
      for (let p = 0, o = 0; p < B; p++, o += n * m) {
        for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) ga[o + r * m + c] += g[o + c * n + r];
      }
    },
  },
};

/** b + Σ w_k x_k on scalars, edges w0, x0, w1, x1, ..., b: ∂/∂w_k = x_k, ∂/∂x_k = w_k, ∂/∂b = 1. */
export const linear: ScalarOpDef = {
  code: Op.Linear, name: "linear", symbol: "Σw·x+b", arity: -1,
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const last = t.start[i + 1] - 1;
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
  },
};
