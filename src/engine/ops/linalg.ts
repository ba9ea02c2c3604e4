// Runs anywhere: the linear-algebra ops, each defined once: matmul and transpose on tensors (kernels in matmul.ts),
// and linear, the scalar neuron b + Σ w_k x_k as one node.
import { Op } from "../op";
import { shapeText, sizeOf } from "../tensor/shape";
import { matmul as mm, matmulGradA, matmulGradB, transpose as transposeInto } from "./matmul";
import type { OpDef, ScalarOpDef } from "./types";

/** a[n,k] b[k,m]; the gradient is g bᵀ into a and aᵀ g into b. */
export const matmul: OpDef = {
  code: Op.MatMul, name: "matmul", symbol: "matmul", arity: 2,
  tensor: {
    shape: ([a, b]) => {
      if (a.length !== 2 || b.length !== 2 || a[1] !== b[0]) {
        throw new RangeError(`matmul: shapes ${shapeText(a)} and ${shapeText(b)} do not align`);
      }
      return [a[0], b[1]];
    },
    cost: ([a, b]) => a[0] * a[1] * b[1],
    forward: (t, i) => {
      const s = t.start[i], a = t.in[s], b = t.in[s + 1], sa = t.shape(a);
      mm(t.tensorValue(a), t.tensorValue(b), t.tensorValue(i), sa[0], sa[1], t.shape(b)[1]);
    },
    vjp: (t, i, g) => {
      const s = t.start[i], a = t.in[s], b = t.in[s + 1], sa = t.shape(a), n = sa[0], k = sa[1], m = t.shape(b)[1];
      const ga = t.gradOf(a), gb = t.gradOf(b);
      if (ga) matmulGradA(g, t.tensorValue(b), ga, n, k, m);
      if (gb) matmulGradB(g, t.tensorValue(a), gb, n, k, m);
    },
  },
};

/** Swaps the axes of a rank-2 tensor; ranks 0 and 1 are unchanged (as in NumPy). The gradient swaps back. */
export const transpose: OpDef = {
  code: Op.Transpose, name: "transpose", symbol: "transpose", arity: 1,
  tensor: {
    shape: ([s]) => (s.length === 2 ? [s[1], s[0]] : s),
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const a = t.in[t.start[i]], s = t.shape(a);
      if (s.length === 2) transposeInto(t.tensorValue(a), t.tensorValue(i), s[0], s[1]);
      else t.tensorValue(i).set(t.tensorValue(a));
    },
    vjp: (t, i, g) => {
      const a = t.in[t.start[i]], ga = t.gradOf(a), s = t.shape(a);
      if (!ga) return;
      if (s.length === 2) {
        const n = s[0], m = s[1];
        for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) ga[r * m + c] += g[c * n + r];
      } else for (let k = 0; k < g.length; k++) ga[k] += g[k];
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
