// Runs anywhere: the inner loop of the tape's reverse sweep, over a run of scalar nodes. Backward (tape.ts) runs it
// once over a scalar-only tape, or over each run between the special (tensor and item) nodes.
import { MIN_NORMAL } from "./op";

/**
 * Reverse sweep over the scalar nodes hi down to lo + 1, adding each node's gradient times the local derivative of
 * each edge into its input's. Two edges per turn (wide Linear nodes dominate big models); the same input twice
 * (x * x) still adds twice. Gradients below the smallest normal double are flushed to zero.
 */
export function sweep(g: Float64Array, start: Int32Array, inp: Int32Array, local: Float64Array, hi: number, lo: number): void {
  let e = start[hi + 1];
  for (let i = hi; i > lo; i--) {
    const s = start[i], gi = g[i];
    if (gi !== 0) {
      if (gi < MIN_NORMAL && gi > -MIN_NORMAL) g[i] = 0;
      else {
        let k = s;
        for (; k + 1 < e; k += 2) {
          const a = inp[k], b = inp[k + 1];
          g[a] += gi * local[k];
          g[b] += gi * local[k + 1];
        }
        if (k < e) g[inp[k]] += gi * local[k];
      }
    }
    e = s;
  }
}
