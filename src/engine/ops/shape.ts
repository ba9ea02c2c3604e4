// Runs anywhere: the leaves and the ops that move elements without arithmetic, each defined once: a tensor from
// scalar nodes and an element back out (item), reshape, a row, and detach. Their gradients move the same elements
// back (detach's stops).
import { Op } from "../op";
import { checkShape, shapeText, sizeOf } from "../tensor/shape";
import type { Kernel, OpDef, ScalarOpDef, TensorRule } from "./types";

/** Leaves keep the value they were given (setValue / setTensorValue change it between replays). */
const keep: Kernel = (_t, i) => i;
const leafRule: TensorRule = {
  shape: (_s, _aux, to) => checkShape(to ?? [], "tensor"),
  cost: (_in, out) => sizeOf(out),
  forward: () => undefined,
  vjp: () => undefined,
};
const leaf = (code: number, name: string): ScalarOpDef => ({ code, name, symbol: name, arity: 0, kernel: keep, tensor: leafRule });

/** A constant: no gradient is asked of it. */
export const constant = leaf(Op.Const, "const");
/** A data leaf: gets a gradient (∂target/∂x, for views) but is not trained. */
export const input = leaf(Op.Input, "input");
/** A trainable leaf; aux is its slot in a ParamStore (a tensor's first element's), or -1. */
export const param = leaf(Op.Param, "param");

/** A tensor of the requested shape whose elements are the scalar nodes on its edges; each gets its element's gradient. */
export const fromScalars: OpDef = {
  code: Op.FromScalars, name: "tensor", symbol: "tensor", arity: -1,
  tensor: {
    shape: (elems, _aux, to) => {
      const s = checkShape(to ?? [], "tensor");
      if (elems.length !== sizeOf(s)) throw new RangeError(`tensor: ${elems.length} elements for shape ${shapeText(s)}`);
      return s;
    },
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const y = t.tensorValue(i), val = t.val, inp = t.in, s = t.start[i];
      for (let k = 0; k < y.length; k++) y[k] = val[inp[s + k]];
    },
    vjp: (t, i, g) => {
      const grad = t.grad, inp = t.in, s = t.start[i];
      for (let k = 0; k < g.length; k++) grad[inp[s + k]] += g[k];
    },
  },
};

/** Element aux (row-major) of a tensor, as a scalar node; its gradient adds into that element's. */
export const item: ScalarOpDef = {
  code: Op.Item, name: "item", symbol: "item", arity: 1,
  kernel: (t, i) => {
    const s = t.start[i];
    t.val[i] = t.tensorValue(t.in[s])[t.aux[i]];
    t.local[s] = 1;
    t.flags[i] = 0;
    return i;
  },
  pull: (t, i, g) => {
    t.gradBuffer(t.in[t.start[i]])[t.aux[i]] += g;
  },
};

/** The same elements (row-major) in another shape of the same size. */
export const reshape: OpDef = {
  code: Op.Reshape, name: "reshape", symbol: "reshape", arity: 1,
  tensor: {
    shape: ([s], _aux, to) => {
      const want = checkShape(to ?? [], "reshape");
      if (sizeOf(s) !== sizeOf(want)) throw new RangeError(`reshape: cannot reshape ${shapeText(s)} into ${shapeText(want)}`);
      return want;
    },
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => t.tensorValue(i).set(t.tensorValue(t.in[t.start[i]])),
    vjp: (t, i, g) => {
      const ga = t.gradOf(t.in[t.start[i]]);
      if (ga) for (let k = 0; k < g.length; k++) ga[k] += g[k];
    },
  },
};

/** a[aux] along the first axis: a row [m] of an [n,m] tensor, an element (rank 0) of a vector. */
export const row: OpDef = {
  code: Op.Row, name: "row", symbol: "row", arity: 1,
  tensor: {
    shape: ([s], i) => {
      if (!Number.isInteger(i) || i < 0 || i >= (s.length > 0 ? s[0] : 0)) {
        throw new RangeError(`row: index ${i} out of range for shape ${shapeText(s)}`);
      }
      return s.slice(1);
    },
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => {
      const y = t.tensorValue(i), k = t.aux[i] * y.length;
      y.set(t.tensorValue(t.in[t.start[i]]).subarray(k, k + y.length));
    },
    vjp: (t, i, g) => {
      const ga = t.gradOf(t.in[t.start[i]]), off = t.aux[i] * g.length;
      if (ga) for (let k = 0; k < g.length; k++) ga[off + k] += g[k];
    },
  },
};

/**
 * The same value with no gradient through it (torch's detach): a scalar node's edge has local derivative 0, a tensor
 * node needs no gradient buffer. Its own op code, so the graph can draw the cut.
 */
export const detach: ScalarOpDef = {
  code: Op.Detach, name: "detach", symbol: "detach", arity: 1, noGrad: true,
  kernel: (t, i) => {
    const s = t.start[i];
    t.val[i] = t.val[t.in[s]];
    t.local[s] = 0;
    t.flags[i] = 0;
    return i;
  },
  tensor: {
    shape: ([s]) => s,
    cost: (_in, out) => sizeOf(out),
    forward: (t, i) => t.tensorValue(i).set(t.tensorValue(t.in[t.start[i]])),
    vjp: () => undefined,
  },
};
