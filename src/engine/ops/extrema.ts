// Runs anywhere: the reductions that pick an element, each defined once: max and min of a tensor (all elements, or
// along an axis kept with length 1 like sum's) and argmax. Convention: the gradient goes to the first maximal
// (minimal) element of each slice, the one argmax names, as torch.max(t, dim) and torch.argmax do; a slice with a tie
// flags the node NonDifferentiable. (torch.max(t) without a dim splits the gradient evenly instead; one rule for every
// reduction here keeps max and argmax in agreement.) NaN wins, as in PyTorch.
import { Flag, Op } from "../op";
import { sizeOf } from "../tensor/shape";
import { around, reduceShape } from "./reduce";
import type { OpDef, OpTape } from "./types";

/**
 * Index (along the axis, 0..len-1) of the first extreme element of slice (o, j) of x; sign 1 for max, -1 for min.
 * ties[0] is set to 1 when another element equals it.
 */
function pick(x: Float64Array, base: number, len: number, inner: number, sign: number, ties: Uint8Array): number {
  let best = 0, m = x[base];
  for (let l = 1; l < len; l++) {
    const v = x[base + l * inner];
    if (m !== m) break;
    if (sign * v > sign * m || v !== v) {
      m = v;
      best = l;
    }
  }
  for (let l = 0; l < len && ties[0] === 0; l++) if (l !== best && x[base + l * inner] === m) ties[0] = 1;
  return best;
}

const tie = new Uint8Array(1);

/** Calls f(index into x of the slice's first extreme, index into y) for every slice of node i's input. */
function eachPick(t: OpTape, i: number, sign: number, f: (xk: number, yk: number) => void): number {
  const a = t.in[t.start[i]], x = t.tensorValue(a), { outer, len, inner } = around(t.shape(a), t.aux[i]);
  tie[0] = 0;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * len * inner + j;
      f(base + pick(x, base, len, inner, sign, tie) * inner, o * inner + j);
    }
  }
  return tie[0] ? Flag.NonDifferentiable : 0;
}

function extreme(code: number, name: string, sign: number): OpDef {
  return {
    code, name, symbol: name, arity: 1,
    kink: `${name} along an axis at a tie: the gradient goes to the first ${sign > 0 ? "largest" : "smallest"} element (as torch.${name}(t, dim))`,
    tensor: {
      shape: ([s], axis) => reduceShape(name, s, axis),
      cost: ([s]) => sizeOf(s),
      forward: (t, i) => {
        const x = t.tensorValue(t.in[t.start[i]]), y = t.tensorValue(i);
        t.flags[i] = eachPick(t, i, sign, (xk, yk) => { y[yk] = x[xk]; });
      },
      vjp: (t, i, g) => {
        const gx = t.gradOf(t.in[t.start[i]]);
        if (gx) eachPick(t, i, sign, (xk, yk) => { gx[xk] += g[yk]; });
      },
    },
  };
}

/** Max of a tensor's elements, all or along an axis kept with length 1; the gradient goes to the first maximum. */
export const reduceMax = extreme(Op.ReduceMax, "max", 1);
/** Min, likewise. */
export const reduceMin = extreme(Op.ReduceMin, "min", -1);

/** Index of the first maximum: flat (row-major) over all elements, or along an axis kept with length 1. No gradient. */
export const argmax: OpDef = {
  code: Op.ArgMax, name: "argmax", symbol: "argmax", arity: 1, noGrad: true,
  tensor: {
    shape: ([s], axis) => reduceShape("argmax", s, axis),
    cost: ([s]) => sizeOf(s),
    forward: (t, i) => {
      const y = t.tensorValue(i), { len, inner } = around(t.shape(t.in[t.start[i]]), t.aux[i]);
      // The flat index xk of the pick is base + l·inner with base = o·len·inner + j: recover l.
      eachPick(t, i, 1, (xk, yk) => { y[yk] = Math.floor(xk / inner) % len; });
    },
    vjp: () => undefined,
  },
};

export const extrema: readonly OpDef[] = [reduceMax, reduceMin, argmax];
