// Runs anywhere: the ops that pick one of their inputs, each defined once: max and min (n-ary on scalars, maximum
// and minimum of two tensors with broadcasting), clamp and where (three inputs, broadcasting all three).
//
// Conventions at ties and bounds (stated in each entry's kink for the reports):
// - max/min: the gradient goes to the input that is the maximum; at a tie of k inputs each gets 1/k. That is
//   PyTorch's maximum/minimum (grad/2 to each at a tie) and its full max() reduction (split evenly), and it keeps the
//   scalar and the tensor forms alike: max(a, b) on numbers and maximum(a, b) on tensors give the same gradients.
// - clamp(x, lo, hi) = min(max(x, lo), hi): the gradient goes to the input the value came from; at x = lo or x = hi
//   to x (PyTorch: self >= min and self <= max), with lo > hi to hi (the value is hi).
// All flag the node NonDifferentiable there.
import { Flag, Op } from "../op";
import { sizeOf } from "../tensor/shape";
import { binary } from "./arith";
import { broadcastAll, elementMaps } from "./broadcast";
import type { OpDef, ScalarOpDef } from "./types";

const ND = Flag.NonDifferentiable;
const TIE = "at a tie: not differentiable, the gradient is split equally between the tied inputs";

/** Max (sign 1) or min (sign -1) of the node's edges; each edge's local derivative is 1/k for the k extreme inputs. */
function extremeKernel(sign: number): ScalarOpDef["kernel"] {
  return (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i], e = t.start[i + 1];
    let m = val[inp[s]];
    for (let k = s + 1; k < e; k++) {
      const v = val[inp[k]];
      // NaN wins, as in Math.max.
      if (sign * v > sign * m || v !== v) m = v;
    }
    let ties = 0;
    for (let k = s; k < e; k++) if (val[inp[k]] === m || m !== m) ties++;
    for (let k = s; k < e; k++) d[k] = val[inp[k]] === m || m !== m ? 1 / ties : 0;
    val[i] = m;
    t.flags[i] = ties > 1 && m === m ? ND : 0;
    return i;
  };
}

/** Flags a run of maximum/minimum where an element pair is equal. */
function tieFlag(a: Float64Array, ia: number, sa: number, b: Float64Array, ib: number, sb: number, n: number): number {
  for (let k = 0; k < n; k++) if (a[ia + k * sa] === b[ib + k * sb]) return ND;
  return 0;
}

/** max(a, b, …) of scalars; maximum(a, b) of tensors, broadcasting. */
export const max: ScalarOpDef = {
  ...binary({
    code: Op.Max, name: "max", symbol: "max", kernel: extremeKernel(1), kink: `max ${TIE}`, flag: tieFlag,
    run: (a, ia, sa, b, ib, sb, y, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        y[iy + k] = x > z || x !== x ? x : z;
      }
    },
    pullA: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        gx[ia + k * sa] += x > z ? g[iy + k] : x === z ? 0.5 * g[iy + k] : 0;
      }
    },
    pullB: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        gx[ib + k * sb] += z > x ? g[iy + k] : x === z ? 0.5 * g[iy + k] : 0;
      }
    },
  }),
  arity: -1,
};

/** min(a, b, …) of scalars; minimum(a, b) of tensors, broadcasting. */
export const min: ScalarOpDef = {
  ...binary({
    code: Op.Min, name: "min", symbol: "min", kernel: extremeKernel(-1), kink: `min ${TIE}`, flag: tieFlag,
    run: (a, ia, sa, b, ib, sb, y, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        y[iy + k] = x < z || x !== x ? x : z;
      }
    },
    pullA: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        gx[ia + k * sa] += x < z ? g[iy + k] : x === z ? 0.5 * g[iy + k] : 0;
      }
    },
    pullB: (g, a, ia, sa, b, ib, sb, gx, iy, n) => {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k * sa], z = b[ib + k * sb];
        gx[ib + k * sb] += z < x ? g[iy + k] : x === z ? 0.5 * g[iy + k] : 0;
      }
    },
  }),
  arity: -1,
};

/** Which input clamp's value comes from: 0 for x, 1 for lo, 2 for hi (see the header). */
function clampPick(x: number, lo: number, hi: number): number {
  const m = x < lo ? lo : x;
  return m > hi ? 2 : x < lo ? 1 : 0;
}

/** clamp(x, lo, hi) = min(max(x, lo), hi); NaN x stays NaN. */
export const clamp: ScalarOpDef = {
  code: Op.Clamp, name: "clamp", symbol: "clamp", arity: 3,
  kink: "clamp at a bound: not differentiable, the gradient goes to x (as PyTorch)",
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i];
    const x = val[inp[s]], lo = val[inp[s + 1]], hi = val[inp[s + 2]], p = clampPick(x, lo, hi);
    val[i] = p === 0 ? x : p === 1 ? lo : hi;
    d[s] = p === 0 ? 1 : 0;
    d[s + 1] = p === 1 ? 1 : 0;
    d[s + 2] = p === 2 ? 1 : 0;
    t.flags[i] = x === lo || x === hi ? ND : 0;
    return i;
  },
  tensor: {
    shape: (ins) => broadcastAll("clamp", ins),
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const s = t.start[i], ids = [t.in[s], t.in[s + 1], t.in[s + 2]];
      const [mx, ml, mh] = elementMaps(ids.map((q) => t.shape(q)), t.shape(i));
      const x = t.tensorValue(ids[0]), lo = t.tensorValue(ids[1]), hi = t.tensorValue(ids[2]), y = t.tensorValue(i);
      let f = 0;
      for (let e = 0; e < y.length; e++) {
        const xv = x[mx[e]], l = lo[ml[e]], h = hi[mh[e]], p = clampPick(xv, l, h);
        y[e] = p === 0 ? xv : p === 1 ? l : h;
        if (xv === l || xv === h) f = ND;
      }
      t.flags[i] = f;
    },
    vjp: (t, i, g) => {
      const s = t.start[i], ids = [t.in[s], t.in[s + 1], t.in[s + 2]], gs = ids.map((q) => t.gradOf(q));
      if (!gs[0] && !gs[1] && !gs[2]) return;
      const maps = elementMaps(ids.map((q) => t.shape(q)), t.shape(i));
      const x = t.tensorValue(ids[0]), lo = t.tensorValue(ids[1]), hi = t.tensorValue(ids[2]);
      for (let e = 0; e < g.length; e++) {
        const p = clampPick(x[maps[0][e]], lo[maps[1][e]], hi[maps[2][e]]), gp = gs[p];
        if (gp) gp[maps[p][e]] += g[e];
      }
    },
  },
};

/** where(cond, a, b): a where cond is non-zero (NaN counts as true, as in NumPy), else b; no gradient to cond. */
export const where: ScalarOpDef = {
  code: Op.Where, name: "where", symbol: "where", arity: 3,
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i], c = val[inp[s]] !== 0;
    val[i] = c ? val[inp[s + 1]] : val[inp[s + 2]];
    d[s] = 0;
    d[s + 1] = c ? 1 : 0;
    d[s + 2] = c ? 0 : 1;
    t.flags[i] = 0;
    return i;
  },
  tensor: {
    shape: (ins) => broadcastAll("where", ins),
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const s = t.start[i], ids = [t.in[s], t.in[s + 1], t.in[s + 2]];
      const [mc, ma, mb] = elementMaps(ids.map((q) => t.shape(q)), t.shape(i));
      const c = t.tensorValue(ids[0]), a = t.tensorValue(ids[1]), b = t.tensorValue(ids[2]), y = t.tensorValue(i);
      for (let e = 0; e < y.length; e++) y[e] = c[mc[e]] !== 0 ? a[ma[e]] : b[mb[e]];
    },
    vjp: (t, i, g) => {
      const s = t.start[i], ids = [t.in[s], t.in[s + 1], t.in[s + 2]], ga = t.gradOf(ids[1]), gb = t.gradOf(ids[2]);
      if (!ga && !gb) return;
      const [mc, ma, mb] = elementMaps(ids.map((q) => t.shape(q)), t.shape(i)), c = t.tensorValue(ids[0]);
      for (let e = 0; e < g.length; e++) {
        if (c[mc[e]] !== 0) {
          if (ga) ga[ma[e]] += g[e];
        } else if (gb) gb[mb[e]] += g[e];
      }
    },
  },
};

export const picks: readonly OpDef[] = [max, min, clamp, where];
