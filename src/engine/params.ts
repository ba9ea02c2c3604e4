// Runs anywhere: the parameter store. Values live here across steps; each evaluation puts them on a fresh tape
// as Param leaves (aux = slot), and gather() sums the leaves' gradients back per slot.
import { Op } from "./op";
import type { Tape } from "./tape";

export class ParamStore {
  values = new Float64Array(16);
  grads = new Float64Array(16);
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** A new parameter; returns its slot. */
  add(value: number, name: string): number {
    const slot = this.names.length;
    if (slot >= this.values.length) {
      const v = new Float64Array(this.values.length * 2), g = new Float64Array(this.values.length * 2);
      v.set(this.values);
      g.set(this.grads);
      this.values = v;
      this.grads = g;
    }
    this.values[slot] = value;
    this.names.push(name);
    return slot;
  }

  rename(slot: number, name: string): void {
    this.names[slot] = name;
  }

  /** Put a parameter on the tape as a Param leaf. */
  leaf(t: Tape, slot: number): number {
    return t.param(this.values[slot], this.names[slot], slot);
  }

  /** Sum the gradients of every Param leaf on the tape into grads, per slot (after tape.backward). */
  gather(t: Tape): void {
    const g = this.grads;
    g.fill(0, 0, this.size);
    const op = t.op, aux = t.aux, grad = t.grad;
    for (let i = 0, n = t.n; i < n; i++) if (op[i] === Op.Param && aux[i] >= 0) g[aux[i]] += grad[i];
  }

  /** Copy the current values into the Param leaves of a recorded tape (before tape.recompute). */
  scatter(t: Tape): void {
    const op = t.op, aux = t.aux, val = t.val, v = this.values;
    for (let i = 0, n = t.n; i < n; i++) if (op[i] === Op.Param && aux[i] >= 0) val[i] = v[aux[i]];
  }

  snapshot(): Float64Array {
    return this.values.slice(0, this.size);
  }

  restore(values: ArrayLike<number>): void {
    for (let i = 0; i < this.size; i++) this.values[i] = values[i];
  }
}
