// Runs anywhere: the sums, each defined once: sum of scalars (one n-ary node, ∂/∂x_k = 1), and the reductions of a
// tensor, sum and mean, over all elements (aux -1, a rank-0 result) or along one axis kept with length 1, so the
// result broadcasts back against its input. The loops take any rank: outer × len × inner around the axis (around(),
// shared with the other reductions and softmax).
import { Op } from "../op";
import { type Shape, shapeText, sizeOf } from "../tensor/shape";
import type { OpDef, ScalarOpDef, TensorRule } from "./types";

/** Σ x_k over the node's edges. */
export const sum: ScalarOpDef = {
  code: Op.Sum, name: "sum", symbol: "Σ", arity: -1,
  kernel: (t, i) => {
    const val = t.val, inp = t.in, d = t.local, s = t.start[i], e = t.start[i + 1];
    let acc = 0;
    for (let k = s; k < e; k++) {
      acc += val[inp[k]];
      d[k] = 1;
    }
    val[i] = acc;
    t.flags[i] = 0;
    return i;
  },
};

/**
 * Shape of a reduction along axis (-1: all elements, a rank-0 result). A rank-0 or rank-1 input always reduces whole
 * (the tape passes -1 for it); a higher rank keeps the reduced axis with length 1. Axes are non-negative here: the
 * tape resolves -1 as the last axis before recording.
 */
export function reduceShape(name: string, s: Shape, axis: number): Shape {
  if (axis >= s.length) throw new RangeError(`${name}: no axis ${axis} in shape ${shapeText(s)}`);
  if (axis < 0 || s.length < 2) return [];
  return s.map((d, k) => (k === axis ? 1 : d));
}

/** Elements before (outer), along (len) and after (inner) axis of shape s; all of them along axis -1. */
export function around(s: Shape, axis: number): { outer: number; len: number; inner: number } {
  const size = sizeOf(s);
  if (axis < 0) return { outer: 1, len: size, inner: 1 };
  let inner = 1;
  for (let k = axis + 1; k < s.length; k++) inner *= s[k];
  return { outer: size / (s[axis] * inner), len: s[axis], inner };
}

/** y = scale · Σ x along axis (all elements for axis < 0). */
function reduceInto(x: Float64Array, y: Float64Array, s: Shape, axis: number, scale: number): void {
  y.fill(0);
  if (axis < 0) {
    let acc = 0;
    for (let k = 0; k < x.length; k++) acc += x[k];
    y[0] = acc * scale;
    return;
  }
  const { outer, len, inner } = around(s, axis);
  for (let o = 0; o < outer; o++) {
    for (let l = 0; l < len; l++) {
      const xb = (o * len + l) * inner, yb = o * inner;
      for (let j = 0; j < inner; j++) y[yb + j] += x[xb + j];
    }
  }
  if (scale !== 1) for (let k = 0; k < y.length; k++) y[k] *= scale;
}

/** gx += scale · g, spread back along axis. */
function spreadInto(g: Float64Array, gx: Float64Array, s: Shape, axis: number, scale: number): void {
  if (axis < 0) {
    const v = g[0] * scale;
    for (let k = 0; k < gx.length; k++) gx[k] += v;
    return;
  }
  const { outer, len, inner } = around(s, axis);
  for (let o = 0; o < outer; o++) {
    for (let l = 0; l < len; l++) {
      const xb = (o * len + l) * inner, gb = o * inner;
      for (let j = 0; j < inner; j++) gx[xb + j] += g[gb + j] * scale;
    }
  }
}

function reduction(code: number, name: string, symbol: string, mean: boolean): OpDef {
  // The mean's scale: 1 / (elements summed into each result element).
  const scale = (x: Float64Array, y: Float64Array): number => (mean ? 1 / (x.length / y.length) : 1);
  const rule: TensorRule = {
    shape: ([s], axis) => reduceShape(name, s, axis),
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const a = t.in[t.start[i]], x = t.tensorValue(a), y = t.tensorValue(i);
      reduceInto(x, y, t.shape(a), t.aux[i], scale(x, y));
    },
    vjp: (t, i, g) => {
      const a = t.in[t.start[i]], ga = t.gradOf(a);
      if (ga) spreadInto(g, ga, t.shape(a), t.aux[i], scale(ga, g));
    },
  };
  return { code, name, symbol, arity: 1, tensor: rule };
}

/** Σ of a tensor's elements, all or along an axis; the gradient spreads g back over the summed elements. */
export const reduceSum = reduction(Op.ReduceSum, "sum", "Σ", false);
/** Σ / n; the gradient spreads g / n back. */
export const mean = reduction(Op.Mean, "mean", "mean", true);
