// Runs anywhere: the tensor tape's per-node dispatch, a switch over op codes into the kernels (no recorded
// closures, so a replayed or re-recorded graph runs the same code). Reads the tape's public arrays.
import * as K from "./kernels";
import { TOp } from "./op";
import { colsOf, rowsOf } from "./shape";
import type { TensorTape } from "./tape";

/** Compute node i's value from its inputs' (recording and replay). */
export function forwardNode(t: TensorTape, i: number): void {
  const op = t.op[i], a = t.inA[i], out = t.vals[i];
  const sa = t.shapes[a], va = t.vals[a];
  switch (op) {
    case TOp.MatMul: {
      const sb = t.shapes[t.inB[i]];
      K.matmul(va, t.vals[t.inB[i]], out, rowsOf(sa), colsOf(sa), colsOf(sb));
      return;
    }
    case TOp.Transpose:
      if (sa.length === 2) K.transpose(va, out, sa[0], sa[1]);
      else out.set(va);
      return;
    case TOp.Add: case TOp.Sub: case TOp.Mul: case TOp.Div: {
      const b = t.inB[i], sb = t.shapes[b], s = t.shapes[i];
      K.binary(op, va, K.strides(rowsOf(sa), colsOf(sa)), t.vals[b], K.strides(rowsOf(sb), colsOf(sb)), out,
        rowsOf(s), colsOf(s));
      return;
    }
    case TOp.Sum: case TOp.Mean:
      K.reduce(va, out, rowsOf(sa), colsOf(sa), t.aux[i], op === TOp.Sum ? 1 : 1 / (va.length / out.length));
      return;
    case TOp.Reshape:
      out.set(va);
      return;
    case TOp.Row: {
      const k = t.aux[i] * out.length;
      out.set(va.subarray(k, k + out.length));
      return;
    }
    default:
      K.unary(op, va, out, t.aux[i]);
  }
}

/** Add node i's gradient g, through its op, into its inputs' gradients ga and gb (undefined: not needed). */
export function backwardNode(t: TensorTape, i: number, g: Float64Array, ga: Float64Array | undefined,
  gb: Float64Array | undefined): void {
  const op = t.op[i], a = t.inA[i], b = t.inB[i], sa = t.shapes[a], va = t.vals[a];
  switch (op) {
    case TOp.MatMul: {
      const vb = t.vals[b], n = rowsOf(sa), k = colsOf(sa), m = colsOf(t.shapes[b]);
      if (ga) K.matmulGradA(g, vb, ga, n, k, m);
      if (gb) K.matmulGradB(g, va, gb, n, k, m);
      return;
    }
    case TOp.Transpose:
      if (!ga) return;
      if (sa.length === 2) {
        const n = sa[0], m = sa[1];
        for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) ga[r * m + c] += g[c * n + r];
      } else for (let k = 0; k < g.length; k++) ga[k] += g[k];
      return;
    case TOp.Add: case TOp.Sub: case TOp.Mul: case TOp.Div: {
      const sb = t.shapes[b], s = t.shapes[i];
      K.binaryGrad(op, g, va, K.strides(rowsOf(sa), colsOf(sa)), t.vals[b], K.strides(rowsOf(sb), colsOf(sb)),
        ga, gb, rowsOf(s), colsOf(s));
      return;
    }
    case TOp.Sum: case TOp.Mean:
      if (ga) K.reduceGrad(g, ga, rowsOf(sa), colsOf(sa), t.aux[i], op === TOp.Sum ? 1 : 1 / (va.length / g.length));
      return;
    case TOp.Reshape:
      if (ga) for (let k = 0; k < g.length; k++) ga[k] += g[k];
      return;
    case TOp.Row:
      if (ga) {
        const off = t.aux[i] * g.length;
        for (let k = 0; k < g.length; k++) ga[off + k] += g[k];
      }
      return;
    default:
      if (ga) K.unaryGrad(op, g, va, t.vals[i], ga, t.aux[i]);
  }
}
