// Runs anywhere: the softmax family, each one entry with its own VJP (not built from exp, sum and div, whose
// intermediate e^x overflows for logits around 710): logsumexp (a reduction kept with length 1, like sum's),
// softmax and logSoftmax along an axis, and the classification losses crossEntropy and nll on integer labels. Every
// forward subtracts the slice's max first, so logits around 1,000 stay finite; values and gradients as PyTorch's.
import { Op } from "../op";
import { type Shape, shapeText, sizeOf } from "../tensor/shape";
import { around, reduceShape } from "./reduce";
import type { OpDef, OpTape } from "./types";

/** The max of slice (base, len, inner) of x, or 0 when it is ±Infinity or NaN (as torch.logsumexp: no inf - inf). */
function shiftOf(x: Float64Array, base: number, len: number, inner: number): number {
  let m = -Infinity;
  for (let l = 0; l < len; l++) {
    const v = x[base + l * inner];
    if (v > m) m = v;
  }
  return Number.isFinite(m) ? m : 0;
}

/** The shift of the last logSumShifted call. */
let shift = 0;

/**
 * ln Σ e^(x - m) over slice (base, len, inner) of x, with m its shift (left in `shift`): ln Σ e^x = m + the result.
 * Kept apart, because (x - m) - result is exact to the last bits where x - (m + result) is not (x near 1,000 has an
 * ulp of 1e-13).
 */
function logSumShifted(x: Float64Array, base: number, len: number, inner: number): number {
  const m = shiftOf(x, base, len, inner);
  let s = 0;
  for (let l = 0; l < len; l++) s += Math.exp(x[base + l * inner] - m);
  shift = m;
  return Math.log(s);
}

/** The slices of node i's input along its axis (aux): outer × inner slices of len elements, inner apart. */
function slices(t: OpTape, i: number): { x: Float64Array; outer: number; len: number; inner: number } {
  const a = t.in[t.start[i]];
  return { x: t.tensorValue(a), ...around(t.shape(a), t.aux[i]) };
}

/** ln Σ e^x, all elements or along an axis kept with length 1; the gradient is softmax along it, times g. */
export const logsumexp: OpDef = {
  code: Op.LogSumExp, name: "logsumexp", symbol: "logsumexp", arity: 1,
  tensor: {
    shape: ([s], axis) => reduceShape("logsumexp", s, axis),
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const { x, outer, len, inner } = slices(t, i), y = t.tensorValue(i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) y[o * inner + j] = logSumShifted(x, o * len * inner + j, len, inner) + shift;
      }
    },
    vjp: (t, i, g) => {
      const gx = t.gradOf(t.in[t.start[i]]);
      if (!gx) return;
      const { x, outer, len, inner } = slices(t, i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j, gy = g[o * inner + j], ls = logSumShifted(x, base, len, inner), m = shift;
          for (let l = 0; l < len; l++) gx[base + l * inner] += gy * Math.exp(x[base + l * inner] - m - ls);
        }
      }
    },
  },
};

/** e^x / Σ e^x along an axis (aux -1: all elements); vjp gx = y ⊙ (g - Σ g ⊙ y). */
export const softmax: OpDef = {
  code: Op.Softmax, name: "softmax", symbol: "softmax", arity: 1,
  tensor: {
    shape: ([s]) => s,
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const { x, outer, len, inner } = slices(t, i), y = t.tensorValue(i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j, m = shiftOf(x, base, len, inner);
          let s = 0;
          for (let l = 0; l < len; l++) s += y[base + l * inner] = Math.exp(x[base + l * inner] - m);
          for (let l = 0; l < len; l++) y[base + l * inner] /= s;
        }
      }
    },
    vjp: (t, i, g) => {
      const gx = t.gradOf(t.in[t.start[i]]);
      if (!gx) return;
      const { outer, len, inner } = slices(t, i), y = t.tensorValue(i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j;
          let dot = 0;
          for (let l = 0; l < len; l++) dot += g[base + l * inner] * y[base + l * inner];
          for (let l = 0; l < len; l++) gx[base + l * inner] += y[base + l * inner] * (g[base + l * inner] - dot);
        }
      }
    },
  },
};

/** x - ln Σ e^x along an axis (aux -1: all elements); vjp gx = g - e^y Σ g. */
export const logSoftmax: OpDef = {
  code: Op.LogSoftmax, name: "logSoftmax", symbol: "logSoftmax", arity: 1,
  tensor: {
    shape: ([s]) => s,
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const { x, outer, len, inner } = slices(t, i), y = t.tensorValue(i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j, ls = logSumShifted(x, base, len, inner), m = shift;
          for (let l = 0; l < len; l++) y[base + l * inner] = x[base + l * inner] - m - ls;
        }
      }
    },
    vjp: (t, i, g) => {
      const gx = t.gradOf(t.in[t.start[i]]);
      if (!gx) return;
      const { outer, len, inner } = slices(t, i), y = t.tensorValue(i);
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * len * inner + j;
          let s = 0;
          for (let l = 0; l < len; l++) s += g[base + l * inner];
          for (let l = 0; l < len; l++) gx[base + l * inner] += g[base + l * inner] - Math.exp(y[base + l * inner]) * s;
        }
      }
    },
  },
};

/** Shape rule of the label losses: scores [n, c] with labels [n], or one row [c] with a rank-0 label. */
function labelShape(name: string, [x, y]: readonly Shape[]): Shape {
  const ok = (x.length === 2 && y.length === 1 && y[0] === x[0]) || (x.length === 1 && y.length === 0);
  if (!ok) {
    throw new RangeError(`${name}: scores ${shapeText(x)} and labels ${shapeText(y)} do not match ` +
      "(scores [n, c] take n labels, one class index per row)");
  }
  return [];
}

/** The label of row r as a class index in 0..c-1; a RangeError naming the row otherwise. */
function labelOf(name: string, labels: Float64Array, r: number, c: number): number {
  const k = labels[r];
  if (!Number.isInteger(k) || k < 0 || k >= c) throw new RangeError(`${name}: label ${k} of row ${r} is not a class index in 0..${c - 1}`);
  return k;
}

/** The scores, labels and sizes of a label loss node: n rows of c classes. */
function rowsOf(t: OpTape, i: number): { x: Float64Array; labels: Float64Array; n: number; c: number } {
  const s = t.start[i], a = t.in[s], sh = t.shape(a), c = sh[sh.length - 1];
  return { x: t.tensorValue(a), labels: t.tensorValue(t.in[s + 1]), n: sh.length === 2 ? sh[0] : 1, c };
}

/** Mean over rows of -ln softmax(logits)[r, label_r], as F.cross_entropy; vjp (softmax - one-hot) / n · g. */
export const crossEntropy: OpDef = {
  code: Op.CrossEntropy, name: "crossEntropy", symbol: "crossEntropy", arity: 2,
  tensor: {
    shape: (ins) => labelShape("crossEntropy", ins),
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const { x, labels, n, c } = rowsOf(t, i);
      let acc = 0;
      for (let r = 0; r < n; r++) {
        const ls = logSumShifted(x, r * c, c, 1);
        acc += ls - (x[r * c + labelOf("crossEntropy", labels, r, c)] - shift);
      }
      t.tensorValue(i)[0] = acc / n;
    },
    vjp: (t, i, g) => {
      const gx = t.gradOf(t.in[t.start[i]]);
      if (!gx) return;
      const { x, labels, n, c } = rowsOf(t, i), w = g[0] / n;
      for (let r = 0; r < n; r++) {
        const b = r * c, ls = logSumShifted(x, b, c, 1), m = shift;
        for (let k = 0; k < c; k++) gx[b + k] += w * Math.exp(x[b + k] - m - ls);
        gx[b + labels[r]] -= w;
      }
    },
  },
};

/** Mean over rows of -logProbs[r, label_r], as F.nll_loss; vjp -g / n at each row's label. */
export const nll: OpDef = {
  code: Op.Nll, name: "nll", symbol: "nll", arity: 2,
  tensor: {
    shape: (ins) => labelShape("nll", ins),
    cost: ([, labels]) => sizeOf(labels),
    forward: (t, i) => {
      const { x, labels, n, c } = rowsOf(t, i);
      let acc = 0;
      for (let r = 0; r < n; r++) acc -= x[r * c + labelOf("nll", labels, r, c)];
      t.tensorValue(i)[0] = acc / n;
    },
    vjp: (t, i, g) => {
      const gx = t.gradOf(t.in[t.start[i]]);
      if (!gx) return;
      const { labels, n, c } = rowsOf(t, i);
      for (let r = 0; r < n; r++) gx[r * c + labels[r]] -= g[0] / n;
    },
  },
};

export const softmaxFamily: readonly OpDef[] = [logsumexp, softmax, logSoftmax, crossEntropy, nll];
