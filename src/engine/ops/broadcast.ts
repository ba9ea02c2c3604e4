// Runs anywhere: NumPy's broadcasting for the elementwise ops of two inputs, for shapes of any rank: the result's
// shape (shapes right-aligned, an axis of length 1 stretches) and the split of the result into runs along its last
// axis, each run reading a and b at a start offset and a stride (0 where that side is stretched).
import { type Shape, shapeText, sizeOf } from "../tensor/shape";

/** The shape a and b broadcast to; a RangeError naming the op and both shapes when they do not. */
export function broadcastShape(name: string, a: Shape, b: Shape): Shape {
  const rank = Math.max(a.length, b.length), out = new Array<number>(rank);
  for (let d = 1; d <= rank; d++) {
    const x = a.length >= d ? a[a.length - d] : 1, y = b.length >= d ? b[b.length - d] : 1;
    if (x !== y && x !== 1 && y !== 1) throw new RangeError(`${name}: shapes ${shapeText(a)} and ${shapeText(b)} do not broadcast`);
    out[rank - d] = x === 1 ? y : x;
  }
  return out;
}

/** Runs of y = a ∘ b: run c covers y[c·n .. (c+1)·n) and reads a[oa[c] + k·sa], b[ob[c] + k·sb] for k < n. */
export interface Runs {
  count: number;
  n: number;
  sa: number;
  sb: number;
  oa: Int32Array;
  ob: Int32Array;
}

/** One plan, refilled by every runsOf call (no allocation per op; a plan is used before the next is made). */
const plan: Runs = { count: 0, n: 0, sa: 0, sb: 0, oa: new Int32Array(16), ob: new Int32Array(16) };

/** Element stride of x along each axis of out (x right-aligned to out): 0 where x has length 1. */
function stridesIn(x: Shape, out: Shape): number[] {
  const st = new Array<number>(out.length).fill(0);
  let step = 1;
  for (let d = out.length - 1, e = x.length - 1; e >= 0; d--, e--) {
    st[d] = x[e] === 1 ? 0 : step;
    step *= x[e];
  }
  return st;
}

/** The runs of y = a ∘ b for input shapes a, b and result shape out; one run when neither side stretches in part. */
export function runsOf(a: Shape, b: Shape, out: Shape): Runs {
  const size = sizeOf(out), na = sizeOf(a), nb = sizeOf(b), p = plan;
  if ((na === size || na === 1) && (nb === size || nb === 1)) {
    p.count = 1;
    p.n = size;
    p.sa = na === size ? 1 : 0;
    p.sb = nb === size ? 1 : 0;
    p.oa[0] = p.ob[0] = 0;
    return p;
  }
  const r = out.length, n = out[r - 1], count = size / n, stA = stridesIn(a, out), stB = stridesIn(b, out);
  if (p.oa.length < count) {
    p.oa = new Int32Array(count);
    p.ob = new Int32Array(count);
  }
  p.count = count;
  p.n = n;
  p.sa = stA[r - 1];
  p.sb = stB[r - 1];
  // An odometer over the outer axes, moving both start offsets along.
  const idx = new Array<number>(r).fill(0);
  let ia = 0, ib = 0;
  for (let c = 0; c < count; c++) {
    p.oa[c] = ia;
    p.ob[c] = ib;
    for (let d = r - 2; d >= 0; d--) {
      ia += stA[d];
      ib += stB[d];
      if (++idx[d] < out[d]) break;
      ia -= stA[d] * out[d];
      ib -= stB[d] * out[d];
      idx[d] = 0;
    }
  }
  return p;
}

/** The shape all of shapes broadcast to; a RangeError naming the op and every shape when they do not. */
export function broadcastAll(name: string, shapes: readonly Shape[]): Shape {
  let out: Shape = [];
  try {
    for (const s of shapes) out = broadcastShape(name, out, s);
  } catch {
    throw new RangeError(`${name}: shapes ${shapes.map(shapeText).join(", ")} do not broadcast`);
  }
  return out;
}

/** Scratch for elementMaps, grown and never shrunk (a map is used before the next is made). */
const maps: Int32Array[] = [];

/**
 * For ops of three inputs (clamp, where): maps[q][e] is the element of input q that element e of out (row-major)
 * reads. Simpler than runs and as general; these ops are not on a hot path.
 */
export function elementMaps(ins: readonly Shape[], out: Shape): readonly Int32Array[] {
  const size = sizeOf(out), r = out.length, st = ins.map((s) => stridesIn(s, out)), m = ins.length;
  for (let q = 0; q < m; q++) if (!(maps[q]?.length >= size)) maps[q] = new Int32Array(size);
  const idx = new Array<number>(r).fill(0), off = new Array<number>(m).fill(0);
  for (let e = 0; e < size; e++) {
    for (let q = 0; q < m; q++) maps[q][e] = off[q];
    for (let d = r - 1; d >= 0; d--) {
      for (let q = 0; q < m; q++) off[q] += st[q][d];
      if (++idx[d] < out[d]) break;
      for (let q = 0; q < m; q++) off[q] -= st[q][d] * out[d];
      idx[d] = 0;
    }
  }
  return maps;
}
