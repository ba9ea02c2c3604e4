// Runs anywhere (extension host, CLI, tests): the tensor tape. Like the scalar Tape, nodes are integer ids appended
// after their inputs (so the tape is in topological order and backward is one reverse sweep, no recursion), with
// per-node fields in typed arrays. Each node owns a value buffer; gradient buffers are allocated on first need and
// kept. Backward is a switch over op codes calling the kernels: no closures are recorded.
import { backwardNode, forwardNode } from "./dispatch";
import { TOp, isTensorLeaf, tOpName } from "./op";
import { type Shape, type TensorData, type TensorLike, colsOf, rowsOf, shapeText, sizeOf, tensor, checkShape } from "./shape";

const NONE = -1;

export class TensorTape {
  /** Number of nodes. */
  n = 0;
  op = new Uint8Array(64);
  /** First and second input (-1 when absent). */
  inA = new Int32Array(64);
  inB = new Int32Array(64);
  /** Op parameter: PowConst's exponent, Sum/Mean's axis, Row's index. */
  aux = new Float64Array(64);
  /** 1 when some Input or Param leaf reaches the node: only those get gradients. */
  needs = new Uint8Array(64);
  /** The backward sweep that last wrote the node's gradient; older gradients read as zero (no accumulation). */
  stamp = new Int32Array(64);
  readonly shapes: Shape[] = [];
  readonly vals: Float64Array[] = [];
  readonly grads: (Float64Array | undefined)[] = [];
  readonly names = new Map<number, string>();
  /** Scalar-tape ids of each Scalars node's elements. */
  readonly scalarIds: (Int32Array | undefined)[] = [];
  private sweep = 0;

  // ---- leaves ----

  constant(x: TensorLike): number { return this.leaf(TOp.Const, x); }
  /** A data leaf: gets a gradient (∂loss/∂x for views) but is not trained. */
  input(x: TensorLike, name?: string): number { return this.leaf(TOp.Input, x, name); }
  /** A trainable leaf; slot (kept in aux) is the first of its elements' slots in a ParamStore, or -1. */
  param(x: TensorLike, name?: string, slot = -1): number {
    const i = this.leaf(TOp.Param, x, name);
    this.aux[i] = slot;
    return i;
  }
  /** A tensor of the given shape whose elements are the scalar-tape nodes ids (values copied in by the caller). */
  scalars(shape: Shape, ids: ArrayLike<number>): number {
    const i = this.open(TOp.Scalars, NONE, NONE, 0, checkShape(shape, "tensor"));
    if (ids.length !== this.vals[i].length) throw new RangeError(`tensor: ${ids.length} elements for shape ${shapeText(shape)}`);
    this.scalarIds[i] = Int32Array.from(ids);
    this.needs[i] = 1;
    return i;
  }
  /** A rank-0 constant. */
  scalar(v: number): number { return this.leaf(TOp.Const, v); }

  // ---- primitives ----

  matmul(a: number, b: number): number {
    const sa = this.shapeOf(a), sb = this.shapeOf(b);
    if (sa.length !== 2 || sb.length !== 2 || sa[1] !== sb[0]) {
      throw new RangeError(`matmul: shapes ${shapeText(sa)} and ${shapeText(sb)} do not align`);
    }
    return this.node(TOp.MatMul, a, b, 0, [sa[0], sb[1]]);
  }

  /** Swaps the axes of a rank-2 tensor; ranks 0 and 1 are unchanged (as in NumPy). */
  transpose(a: number): number {
    const s = this.shapeOf(a);
    return this.node(TOp.Transpose, a, NONE, 0, s.length === 2 ? [s[1], s[0]] : s);
  }

  add(a: number, b: number): number { return this.binary(TOp.Add, a, b); }
  sub(a: number, b: number): number { return this.binary(TOp.Sub, a, b); }
  mul(a: number, b: number): number { return this.binary(TOp.Mul, a, b); }
  div(a: number, b: number): number { return this.binary(TOp.Div, a, b); }
  neg(a: number): number { return this.unary(TOp.Neg, a); }
  exp(a: number): number { return this.unary(TOp.Exp, a); }
  log(a: number): number { return this.unary(TOp.Log, a); }
  tanh(a: number): number { return this.unary(TOp.Tanh, a); }
  sigmoid(a: number): number { return this.unary(TOp.Sigmoid, a); }
  relu(a: number): number { return this.unary(TOp.Relu, a); }
  pow(a: number, k: number): number {
    if (!Number.isFinite(k)) throw new RangeError(`pow: exponent ${k} must be a finite number`);
    return this.unary(TOp.PowConst, a, k);
  }

  /** Sum of all elements (rank 0), or along axis 0 / 1 keeping that axis with length 1, so it broadcasts back. */
  sum(a: number, axis?: 0 | 1): number { return this.reduce(TOp.Sum, a, axis); }
  mean(a: number, axis?: 0 | 1): number { return this.reduce(TOp.Mean, a, axis); }

  reshape(a: number, shape: readonly number[]): number {
    const s = this.shapeOf(a), to = checkShape(shape, "reshape");
    if (sizeOf(s) !== sizeOf(to)) throw new RangeError(`reshape: cannot reshape ${shapeText(s)} into ${shapeText(to)}`);
    return this.node(TOp.Reshape, a, NONE, 0, to);
  }

  /** a[i] along the first axis: a row [m] of an [n,m] tensor, an element of a vector. */
  row(a: number, i: number): number {
    const s = this.shapeOf(a);
    const len = s.length === 2 ? s[0] : s.length === 1 ? s[0] : 0;
    if (!Number.isInteger(i) || i < 0 || i >= len) throw new RangeError(`row: index ${i} out of range for shape ${shapeText(s)}`);
    return this.node(TOp.Row, a, NONE, i, s.length === 2 ? [s[1]] : []);
  }

  // ---- reading ----

  shapeOf(i: number): Shape {
    this.check(i, "shape");
    return this.shapes[i];
  }

  /** Value buffer of node i (live: replay overwrites it in place). */
  value(i: number): Float64Array {
    this.check(i, "value");
    return this.vals[i];
  }

  /** The value of a single-element node. */
  item(i: number): number {
    const v = this.value(i);
    if (v.length !== 1) throw new RangeError(`item: node ${i} has shape ${shapeText(this.shapes[i])}, not one element`);
    return v[0];
  }

  data(i: number): TensorData {
    return { shape: this.shapeOf(i), data: this.value(i).slice() };
  }

  /** Gradient of node i from the last backward(); zeros for nodes it did not reach. */
  gradient(i: number): Float64Array {
    this.check(i, "gradient");
    const g = this.grads[i];
    return g && this.stamp[i] === this.sweep && this.sweep > 0 ? g : new Float64Array(this.vals[i].length);
  }

  opName(i: number): string {
    return tOpName[this.op[i]];
  }

  // ---- backward ----

  /**
   * Gradients of the sum of target's elements (the target itself when it is a scalar) with respect to every node
   * that an Input or Param reaches, by one reverse sweep. Fresh each call: nothing accumulates across calls.
   */
  backward(target: number): void {
    this.check(target, "backward");
    this.beginSweep();
    if (!this.needs[target]) return;
    this.gradBuffer(target).fill(1);
    for (let i = target; i >= 0; i--) this.backwardStep(i);
  }

  // ---- one sweep driven from outside (the scalar Tape interleaves tensor and scalar nodes) ----

  /** Start a sweep; gradients of the previous one read as zero from now on. */
  beginSweep(): void {
    ++this.sweep;
  }

  /** Node i's gradient buffer in the current sweep, zeroed on first use. */
  gradInto(i: number): Float64Array {
    return this.gradBuffer(i);
  }

  /** Node i's gradient if the current sweep reached it. */
  liveGrad(i: number): Float64Array | undefined {
    return this.stamp[i] === this.sweep ? this.grads[i] : undefined;
  }

  /** Pass node i's gradient to its tensor inputs (no-op for leaves and nodes the sweep did not reach). */
  backwardStep(i: number): void {
    if (this.stamp[i] !== this.sweep || isTensorLeaf(this.op[i])) return;
    const a = this.inA[i], b = this.inB[i];
    const ga = this.needs[a] ? this.gradBuffer(a) : undefined;
    const gb = b >= 0 && this.needs[b] ? this.gradBuffer(b) : undefined;
    backwardNode(this, i, this.grads[i] as Float64Array, ga, gb);
  }

  /** Drop every node from index n on. */
  truncate(n: number): void {
    if (n >= this.n) return;
    this.n = n;
    this.shapes.length = n;
    for (const k of this.names.keys()) if (k >= n) this.names.delete(k);
  }

  // ---- replay and reuse ----

  /** Overwrite a leaf's value (same shape); call recompute() afterwards. */
  setValue(i: number, x: TensorLike): void {
    this.check(i, "setValue");
    if (this.op[i] > TOp.Param) throw new RangeError(`setValue: node ${i} is a ${this.opName(i)}, not a leaf`);
    const d = tensor(x);
    if (d.data.length !== this.vals[i].length || d.shape.length !== this.shapes[i].length) {
      throw new RangeError(`setValue: shape ${shapeText(d.shape)} for node ${i} of shape ${shapeText(this.shapes[i])}`);
    }
    this.vals[i].set(d.data);
  }

  /** Recompute every op node from index `from` on: the recorded graph with new leaf values, no allocation. */
  recompute(from = 0): void {
    for (let i = from; i < this.n; i++) if (!isTensorLeaf(this.op[i])) forwardNode(this, i);
  }

  /**
   * Forget every node but keep the buffers: recording the same graph shape again reuses them (a node whose size
   * differs gets a fresh buffer). Values read before reset() are overwritten by the new recording.
   */
  reset(): void {
    this.n = 0;
    this.shapes.length = 0;
    this.names.clear();
  }

  // ---- recording ----

  private leaf(op: number, x: TensorLike, name?: string): number {
    const d = tensor(x);
    const i = this.open(op, NONE, NONE, 0, d.shape);
    this.vals[i].set(d.data);
    this.scalarIds[i] = undefined;
    this.needs[i] = op === TOp.Const ? 0 : 1;
    if (name !== undefined) this.names.set(i, name);
    return i;
  }

  private unary(op: number, a: number, k = 0): number {
    return this.node(op, a, NONE, k, this.shapeOf(a));
  }

  private binary(op: number, a: number, b: number): number {
    const sa = this.shapeOf(a), sb = this.shapeOf(b);
    const ra = rowsOf(sa), ca = colsOf(sa), rb = rowsOf(sb), cb = colsOf(sb);
    const r = ra === rb || rb === 1 ? ra : ra === 1 ? rb : -1;
    const c = ca === cb || cb === 1 ? ca : ca === 1 ? cb : -1;
    if (r < 0 || c < 0) throw new RangeError(`${tOpName[op]}: shapes ${shapeText(sa)} and ${shapeText(sb)} do not broadcast`);
    const rank = Math.max(sa.length, sb.length);
    const shape: Shape = rank === 2 ? [r, c] : rank === 1 ? [c] : [];
    return this.node(op, a, b, 0, shape);
  }

  private reduce(op: number, a: number, axis: 0 | 1 | undefined): number {
    const s = this.shapeOf(a);
    if (axis === undefined || s.length < 2) {
      if (axis !== undefined && axis >= s.length) throw new RangeError(`${tOpName[op]}: no axis ${axis} in shape ${shapeText(s)}`);
      return this.node(op, a, NONE, -1, []);
    }
    if (axis !== 0 && axis !== 1) throw new RangeError(`${tOpName[op]}: axis ${String(axis)} is not 0 or 1`);
    const [n, m] = s as readonly [number, number];
    return this.node(op, a, NONE, axis, axis === 0 ? [1, m] : [n, 1]);
  }

  private node(op: number, a: number, b: number, aux: number, shape: Shape): number {
    const i = this.open(op, a, b, aux, shape);
    this.needs[i] = this.needs[a] | (b >= 0 ? this.needs[b] : 0);
    forwardNode(this, i);
    return i;
  }

  private open(op: number, a: number, b: number, aux: number, shape: Shape): number {
    const i = this.n;
    if (i >= this.op.length) this.grow(this.op.length * 2);
    this.op[i] = op;
    this.inA[i] = a;
    this.inB[i] = b;
    this.aux[i] = aux;
    this.stamp[i] = 0;
    this.shapes[i] = shape;
    const size = sizeOf(shape);
    if (this.vals[i]?.length !== size) {
      this.vals[i] = new Float64Array(size);
      this.grads[i] = undefined;
    }
    this.n = i + 1;
    return i;
  }

  /** Node i's gradient buffer for this sweep: allocated once, zeroed the first time the sweep reaches it. */
  private gradBuffer(i: number): Float64Array {
    let g = this.grads[i];
    if (!g) this.grads[i] = g = new Float64Array(this.vals[i].length);
    if (this.stamp[i] !== this.sweep) {
      g.fill(0);
      this.stamp[i] = this.sweep;
    }
    return g;
  }

  private check(i: number, who: string): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.n)) throw new RangeError(`${who}: no tensor node ${i} (tape has ${this.n})`);
  }

  private grow(cap: number): void {
    const g = <T extends Uint8Array | Int32Array | Float64Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(cap);
      y.set(x);
      return y;
    };
    this.op = g(this.op);
    this.inA = g(this.inA);
    this.inB = g(this.inB);
    this.aux = g(this.aux);
    this.needs = g(this.needs);
    this.stamp = g(this.stamp);
  }
}
