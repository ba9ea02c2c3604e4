// Runs anywhere: the parameter store. Values live here across steps; each evaluation puts them on a fresh tape
// as Param leaves (aux = slot), and gather() sums the leaves' gradients back per slot.
import { Op } from "./op";
import type { Tape } from "./tape";
import { elementIndex } from "./tensor/shape";

/** A tensor Param leaf of a tape and the store slots of its elements (slot .. slot + size - 1, row-major). */
export interface TensorParamLeaf {
  readonly node: number;
  readonly slot: number;
  readonly size: number;
}

/** The tensor Param leaves of a tape that belong to a store (slot >= 0). */
export function tensorParamLeaves(t: Tape): TensorParamLeaf[] {
  const out: TensorParamLeaf[] = [];
  if (!t.hasTensors) return out;
  for (let i = 0; i < t.n; i++) {
    if (t.op[i] === Op.Param && t.aux[i] >= 0 && t.isTensor(i)) out.push({ node: i, slot: t.aux[i], size: t.tensorValue(i).length });
  }
  return out;
}

/** Add a tensor Param leaf's gradient from the last backward (none when it was not reached) into its slots of g. */
export function addTensorGrad(t: Tape, p: TensorParamLeaf, g: Float64Array): void {
  // The live buffer, not tensorGradient(): that copies, and this runs every training step.
  const tg = t.liveGradient(p.node);
  if (tg !== undefined) for (let k = 0; k < p.size; k++) g[p.slot + k] += tg[k];
}

/** A tensor parameter's place in a store: elements are slots slot .. slot + size - 1, row-major over shape. */
export interface ParamTensor {
  readonly name: string;
  readonly slot: number;
  readonly shape: readonly number[];
}

export class ParamStore {
  values = new Float64Array(16);
  grads = new Float64Array(16);
  readonly names: string[] = [];
  /** Tensor params in the order addTensor made them, so views can group their element slots without parsing names. */
  readonly tensors: ParamTensor[] = [];

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

  /**
   * A tensor parameter of the given shape (rank 0 to 3, row-major values): one slot per element, named name[r][c]
   * (name[k] for a vector); returns the first slot.
   */
  addTensor(values: ArrayLike<number>, name: string, shape: readonly number[]): number {
    const first = this.size;
    this.tensors.push({ name, slot: first, shape: [...shape] });
    for (let k = 0; k < values.length; k++) this.add(values[k], `${name}${elementIndex(shape, k)}`);
    return first;
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
    for (let i = 0, n = t.n; i < n; i++) if (op[i] === Op.Param && aux[i] >= 0 && !t.isTensor(i)) g[aux[i]] += grad[i];
    for (const p of tensorParamLeaves(t)) addTensorGrad(t, p, g);
  }

  /** Copy the current values into the Param leaves of a recorded tape (before tape.recompute). */
  scatter(t: Tape): void {
    const op = t.op, aux = t.aux, val = t.val, v = this.values;
    for (let i = 0, n = t.n; i < n; i++) if (op[i] === Op.Param && aux[i] >= 0 && !t.isTensor(i)) val[i] = v[aux[i]];
    for (const p of tensorParamLeaves(t)) t.tensorValue(p.node).set(v.subarray(p.slot, p.slot + p.size));
  }

  snapshot(): Float64Array {
    return this.values.slice(0, this.size);
  }

  restore(values: ArrayLike<number>): void {
    for (let i = 0; i < this.size; i++) this.values[i] = values[i];
  }
}
