// Runs anywhere: the side storage of a tape's tensor nodes, indexed by a dense tensor slot: shape, value buffer and
// (allocated on first need, then kept) gradient buffer. Slots are handed out in recording order, so recording the
// same graph again after tape.clear() gets every node its old buffers back: training re-records or replays every
// step without allocating.
import { type Shape, sizeOf } from "./tensor/shape";

export class TensorSlots {
  /** Slots in use. */
  count = 0;
  readonly shapes: Shape[] = [];
  readonly vals: Float64Array[] = [];
  readonly grads: (Float64Array | undefined)[] = [];
  /** 1 when an Input or Param leaf (or a scalar element) reaches the slot's node: only those get gradients. */
  needs = new Uint8Array(16);
  /** The sweep that last wrote the slot's gradient; older gradients read as zero (no accumulation across sweeps). */
  private stamp = new Int32Array(16);
  private sweep = 0;

  /** The next slot, for a tensor of this shape; its value buffer is reused when its size is unchanged. */
  alloc(shape: Shape, needs: number): number {
    const k = this.count++;
    if (k >= this.needs.length) this.grow(2 * this.needs.length);
    this.shapes[k] = shape;
    this.needs[k] = needs;
    this.stamp[k] = 0;
    const size = sizeOf(shape);
    if (this.vals[k]?.length !== size) {
      this.vals[k] = new Float64Array(size);
      this.grads[k] = undefined;
    }
    return k;
  }

  /** Forget slots from k on, keeping their buffers for the next recording. */
  truncate(k: number): void {
    if (k >= this.count) return;
    this.count = k;
    this.shapes.length = k;
  }

  /** Start a sweep: gradients of the previous one read as zero from now on. */
  beginSweep(): void {
    ++this.sweep;
  }

  /** Slot k's gradient buffer in this sweep: allocated once, zeroed the first time the sweep reaches it. */
  gradBuffer(k: number): Float64Array {
    let g = this.grads[k];
    if (!g) this.grads[k] = g = new Float64Array(this.vals[k].length);
    if (this.stamp[k] !== this.sweep) {
      g.fill(0);
      this.stamp[k] = this.sweep;
    }
    return g;
  }

  /** Slot k's gradient if the current (or last) sweep reached it. */
  live(k: number): Float64Array | undefined {
    return this.sweep > 0 && this.stamp[k] === this.sweep ? this.grads[k] : undefined;
  }

  private grow(cap: number): void {
    const needs = new Uint8Array(cap), stamp = new Int32Array(cap);
    needs.set(this.needs);
    stamp.set(this.stamp);
    this.needs = needs;
    this.stamp = stamp;
  }
}
