// Runs anywhere (extension host, CLI, tests): the tape's two passes over all its nodes, scalar and tensor alike: the
// reverse sweep (backward) and the replay (recompute). Both walk the runs of scalar nodes between the special nodes
// (tensors and items) with a tight loop, and run the op table on each special node; a scalar-only tape is one run.
import { MIN_NORMAL, isLeaf } from "./op";
import { kernels, pulls, tensorRules } from "./ops";
import { TensorNodes } from "./tensor-nodes";

export class TapePasses extends TensorNodes {
  /** Scratch for backward(target, true). */
  private saved = new Float64Array(0);

  /**
   * Gradients of target with respect to every node, by one reverse sweep (a tensor target: of the sum of its
   * elements). Fresh each call: gradients are zeroed first unless accumulate is set (micrograd accumulates silently;
   * we only do when asked, and only for scalar nodes: tensor gradients are always fresh). Nodes the target does not
   * depend on end with gradient 0.
   */
  backward(target: number, accumulate = false): void {
    if (!(target >= 0 && target < this.n)) throw new RangeError(`backward: no node ${target} (tape has ${this.n})`);
    const g = this.grad, n = this.n;
    // The sweep uses grad as its working storage, so old gradients must not be in it: inner nodes would pass
    // them on again. Accumulating means a fresh sweep, then adding the old gradients back.
    let old: Float64Array | undefined;
    if (accumulate) {
      if (this.saved.length < n) this.saved = new Float64Array(this.grad.length);
      old = this.saved;
      old.set(g.subarray(0, n));
    }
    g.fill(0, 0, n);
    if (this.specials === 0) {
      g[target] = 1;
      this.sweepRun(target, -1);
    } else this.sweepSpecial(target);
    if (old) for (let i = 0; i < n; i++) g[i] += old[i];
  }

  /**
   * The tight loop of the sweep, over the scalar nodes hi down to lo + 1: each node's gradient times the local
   * derivative of each edge, added into its input's. Two edges per turn (wide Linear nodes dominate big models); the
   * same input twice (x * x) still adds twice. Gradients below the smallest normal double are flushed to zero.
   */
  private sweepRun(hi: number, lo: number): void {
    const g = this.grad, start = this.start, inp = this.in, local = this.local;
    let e = start[hi + 1];
    // A bound V8 can see is >= 0 lets it drop index checks in the loop (`i > lo` is about 6% slower).
    const stop = lo < 0 ? 0 : lo + 1;
    for (let i = hi; i >= stop; i--) {
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

  /** The sweep on a tape with special nodes: the scalar runs between them by the tight loop, each one by the table. */
  private sweepSpecial(target: number): void {
    const g = this.grad, sp = this.special;
    this.slots.beginSweep();
    if (this.ten[target] >= 0) this.slots.gradBuffer(this.ten[target]).fill(1);
    else g[target] = 1;
    let j = this.specials - 1, hi = target;
    while (j >= 0 && sp[j] > target) j--;
    for (; j >= 0; j--) {
      const i = sp[j];
      if (hi > i) this.sweepRun(hi, i);
      this.pullSpecial(i);
      hi = i - 1;
    }
    if (hi >= 0) this.sweepRun(hi, -1);
  }

  /** Backward step of special node i: a tensor's VJP (its gradient mirrored when it has one element), or an item's. */
  private pullSpecial(i: number): void {
    const k = this.ten[i], g = this.grad;
    if (k >= 0) {
      const gt = this.slots.live(k);
      if (gt === undefined) return;
      if (gt.length === 1) g[i] = gt[0];
      tensorRules[this.op[i]].vjp(this, i, gt);
      return;
    }
    const gi = g[i];
    if (gi === 0) return;
    if (gi < MIN_NORMAL && gi > -MIN_NORMAL) g[i] = 0;
    else pulls[this.op[i]](this, i, gi);
  }

  // ---- replay ----

  /** Recompute values and local derivatives of every op node from index `from` on (the recorded graph, new leaves). */
  recompute(from = 0): void {
    const sp = this.special;
    let j = 0, lo = from;
    while (j < this.specials && sp[j] < from) j++;
    for (; j < this.specials; j++) {
      const i = sp[j];
      this.recomputeRun(lo, i);
      if (this.ten[i] < 0) kernels[this.op[i]](this, i);
      else if (!isLeaf(this.op[i])) {
        tensorRules[this.op[i]].forward(this, i);
        this.mirror(i);
      }
      lo = i + 1;
    }
    this.recomputeRun(lo, this.n);
  }

  private recomputeRun(from: number, to: number): void {
    const op = this.op;
    for (let i = from; i < to; i++) {
      const o = op[i];
      if (!isLeaf(o)) kernels[o](this, i);
    }
  }
}
