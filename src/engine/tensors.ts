// Runs anywhere (extension host, CLI, tests): tensor nodes on the scalar Tape. A tensor op is one Tape node (op
// Tensor, aux = its id in the TensorTape that holds shapes, value and gradient arrays), with edges to its inputs'
// Tape ids, so the graph, groups, source ranges and the one reverse sweep see scalars and tensors alike.
// Scalars enter tensors through Scalars nodes and leave them through Item nodes; both carry gradients.
import { kernels } from "./kernels";
import { MIN_NORMAL, Op, isLeaf } from "./op";
import type { Tape } from "./tape";
import { forwardNode } from "./tensor/dispatch";
import { TOp, tOpName } from "./tensor/op";
import { type Shape, type TensorData, type TensorLike, shapeText } from "./tensor/shape";
import { TensorTape } from "./tensor/tape";

export class Tensors {
  /** Shapes, value and gradient arrays, indexed by tensor id. */
  readonly store = new TensorTape();

  constructor(private readonly tape: Tape) {}

  // ---- leaves (Tape ids in and out) ----

  constant(x: TensorLike): number { return this.wrap(this.store.constant(x)); }
  input(x: TensorLike, name?: string): number { return this.named(this.wrap(this.store.input(x, name)), name); }
  /** A trainable leaf; slot is the first of its elements' slots in a ParamStore (see ParamStore.addTensor). */
  param(x: TensorLike, name?: string, slot = -1): number {
    return this.named(this.wrap(this.store.param(x, name, slot)), name);
  }

  /** A tensor whose elements are Tape nodes (scalar nodes or numbers), e.g. `tensor([[x, 1]])` with x a leaf. */
  fromScalars(shape: Shape, ids: readonly number[]): number {
    const s = this.store, t = s.scalars(shape, ids), v = s.vals[t], val = this.tape.val;
    for (let k = 0; k < ids.length; k++) {
      if (this.isTensor(ids[k])) throw new RangeError("tensor: elements must be numbers, not tensors");
      v[k] = val[ids[k]];
    }
    return this.wrap(t, ids);
  }

  // ---- ops (Tape ids; a scalar node used as a tensor becomes a rank-0 tensor) ----

  matmul(a: number, b: number): number { return this.op2(a, b, (x, y) => this.store.matmul(x, y)); }
  transpose(a: number): number { return this.op1(a, (x) => this.store.transpose(x)); }
  add(a: number, b: number): number { return this.op2(a, b, (x, y) => this.store.add(x, y)); }
  sub(a: number, b: number): number { return this.op2(a, b, (x, y) => this.store.sub(x, y)); }
  mul(a: number, b: number): number { return this.op2(a, b, (x, y) => this.store.mul(x, y)); }
  div(a: number, b: number): number { return this.op2(a, b, (x, y) => this.store.div(x, y)); }
  neg(a: number): number { return this.op1(a, (x) => this.store.neg(x)); }
  exp(a: number): number { return this.op1(a, (x) => this.store.exp(x)); }
  log(a: number): number { return this.op1(a, (x) => this.store.log(x)); }
  tanh(a: number): number { return this.op1(a, (x) => this.store.tanh(x)); }
  sigmoid(a: number): number { return this.op1(a, (x) => this.store.sigmoid(x)); }
  relu(a: number): number { return this.op1(a, (x) => this.store.relu(x)); }
  pow(a: number, k: number): number { return this.op1(a, (x) => this.store.pow(x, k)); }
  sum(a: number, axis?: 0 | 1): number { return this.op1(a, (x) => this.store.sum(x, axis)); }
  mean(a: number, axis?: 0 | 1): number { return this.op1(a, (x) => this.store.mean(x, axis)); }
  reshape(a: number, shape: readonly number[]): number { return this.op1(a, (x) => this.store.reshape(x, shape)); }
  row(a: number, i: number): number { return this.op1(a, (x) => this.store.row(x, i)); }
  /** A rank-0 constant (for losses built from primitives). */
  scalar(v: number): number { return this.constant(v); }

  /** Element k (row-major) of a tensor as a scalar Tape node; its gradient flows back into that element. */
  item(a: number, k = 0): number {
    const t = this.tid(a), v = this.store.vals[t];
    if (!Number.isInteger(k) || k < 0 || k >= v.length) {
      throw new RangeError(`item: index ${k} out of range for shape ${shapeText(this.store.shapes[t])}`);
    }
    return this.tape.itemNode(a, k, v[k]);
  }

  // ---- reading (Tape ids) ----

  isTensor(i: number): boolean {
    return this.tape.op[i] === Op.Tensor;
  }

  /** Same as shape(): the name the tensor losses use. */
  shapeOf(i: number): Shape {
    return this.shape(i);
  }

  /** Shape of a tensor node; [] for a scalar node. */
  shape(i: number): Shape {
    return this.isTensor(i) ? this.store.shapes[this.tape.aux[i]] : [];
  }

  /** Value array (live: replay overwrites it). */
  value(i: number): Float64Array {
    return this.store.value(this.tid(i));
  }

  /** Gradient from the last backward; zeros where it did not reach. */
  gradient(i: number): Float64Array {
    const t = this.tid(i);
    return this.store.liveGrad(t)?.slice() ?? new Float64Array(this.store.vals[t].length);
  }

  data(i: number): TensorData {
    return this.store.data(this.tid(i));
  }

  /** The tensor op's name ("matmul", "param", "tensor" for Scalars, …). */
  opName(i: number): string {
    return tOpName[this.store.op[this.tid(i)]];
  }

  /** TOp code of a tensor node. */
  opOf(i: number): number {
    return this.store.op[this.tid(i)];
  }

  /** Tensor id of a tensor node (for code reading the store directly). */
  idOf(i: number): number {
    if (!this.isTensor(i)) throw new RangeError(`node ${i} is not a tensor`);
    return this.tape.aux[i];
  }

  /** First element that is NaN or ±Infinity, or -1. */
  firstNonFinite(i: number): number {
    const v = this.value(i);
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k])) return k;
    return -1;
  }

  // ---- replay ----

  /** Overwrite a tensor leaf's value (same shape); call tape.recompute() afterwards. */
  setValue(i: number, x: TensorLike): void {
    this.store.setValue(this.tid(i), x);
    this.mirror(i);
  }

  /** Recompute tensor node i of the Tape from its inputs (Tape.recompute calls this). */
  forward(i: number): void {
    const s = this.store, t = this.tape.aux[i], o = s.op[t];
    if (o === TOp.Scalars) {
      const ids = s.scalarIds[t] as Int32Array, v = s.vals[t], val = this.tape.val;
      for (let k = 0; k < ids.length; k++) v[k] = val[ids[k]];
    } else if (o > TOp.Param) forwardNode(s, t);
    this.mirror(i);
  }

  // ---- the tape's sweeps when it holds tensor nodes (Tape.backward and Tape.recompute call these) ----

  /**
   * Tape.backward's reverse sweep over a tape holding tensor nodes (grad already zeroed): a Tensor node passes its
   * array gradient on through the store (a Scalars node into its scalar elements), an Item node adds its gradient
   * into its tensor's element. A one-element tensor's gradient is mirrored into grad, so `gradient(loss)` reads the
   * same for tensor losses.
   */
  sweep(target: number): void {
    const t = this.tape, g = t.grad, op = t.op, aux = t.aux, start = t.start, inp = t.in, local = t.local;
    const st = this.store;
    st.beginSweep();
    if (op[target] === Op.Tensor) st.gradInto(aux[target]).fill(1);
    else g[target] = 1;
    for (let i = target; i >= 0; i--) {
      const o = op[i];
      if (o === Op.Tensor) {
        const k = aux[i], gt = st.liveGrad(k);
        if (gt === undefined) continue;
        if (gt.length === 1) g[i] = gt[0];
        if (st.op[k] === TOp.Scalars) {
          const ids = st.scalarIds[k] as Int32Array;
          for (let e = 0; e < ids.length; e++) g[ids[e]] += gt[e];
        } else st.backwardStep(k);
        continue;
      }
      const gi = g[i];
      if (gi === 0) continue;
      if (gi < MIN_NORMAL && gi > -MIN_NORMAL) {
        g[i] = 0;
        continue;
      }
      if (o === Op.Item) {
        st.gradInto(aux[inp[start[i]]])[aux[i]] += gi;
        continue;
      }
      for (let e = start[i], end = start[i + 1]; e < end; e++) g[inp[e]] += gi * local[e];
    }
  }

  /** Tape.recompute over a tape holding tensor nodes: tensor ops through the store, scalar ops through kernels. */
  recompute(from: number): void {
    const t = this.tape, op = t.op, aux = t.aux;
    for (let i = from, n = t.n; i < n; i++) {
      const o = op[i];
      if (o === Op.Tensor) this.forward(i);
      else if (o === Op.Item) t.val[i] = this.store.vals[aux[t.in[t.start[i]]]][aux[i]];
      else if (!isLeaf(o)) kernels[o](t, i);
    }
  }

  // ---- internals ----

  /** The Tape's scalar arrays hold a one-element tensor's value, so `tape.val[loss]` works for a tensor loss. */
  private mirror(i: number): void {
    const v = this.store.vals[this.tape.aux[i]];
    this.tape.val[i] = v.length === 1 ? v[0] : 0;
  }

  private tid(i: number): number {
    return this.tape.aux[this.lift(i)];
  }

  /** Tape id of a as a tensor node: a scalar node is lifted into a rank-0 tensor first. */
  private lift(a: number): number {
    if (this.isTensor(a)) return a;
    if (!(Number.isInteger(a) && a >= 0 && a < this.tape.n)) throw new RangeError(`no node ${a} (tape has ${this.tape.n})`);
    return this.fromScalars([], [a]);
  }

  private op1(a: number, f: (x: number) => number): number {
    const la = this.lift(a);
    return this.wrap(f(this.tape.aux[la]), [la]);
  }

  private op2(a: number, b: number, f: (x: number, y: number) => number): number {
    const la = this.lift(a), lb = this.lift(b);
    return this.wrap(f(this.tape.aux[la], this.tape.aux[lb]), [la, lb]);
  }

  private wrap(t: number, inputs: readonly number[] = []): number {
    const v = this.store.vals[t];
    return this.tape.tensorNode(t, inputs, v.length === 1 ? v[0] : 0);
  }

  private named(i: number, name: string | undefined): number {
    if (name !== undefined) this.tape.setName(i, name);
    return i;
  }
}
