// Runs anywhere (extension host, CLI, tests): the tape. Nodes live in growable typed arrays, appended after their
// inputs, so the tape is already in topological order and backward is one reverse sweep. No recursion anywhere.
import {
  kAbs, kAdd, kCos, kDiv, kExp, kLinear, kLog, kMod, kMul, kNeg, kPow, kPowConst, kRelu, kSigmoid, kSin,
  kSqrt, kSub, kSum, kTan, kTanh, kernels,
} from "./kernels";
import { MIN_NORMAL, Op, isLeaf } from "./op";
import { Tensors } from "./tensors";


export type GroupKind = "call" | "layer" | "neuron" | "sample" | "loop" | "model";

export interface Group {
  readonly kind: GroupKind;
  readonly label: string;
  /** Enclosing group, or -1. */
  readonly parent: number;
}

export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export class Tape {
  /** Number of nodes. */
  n = 0;
  /** Number of edges. */
  edges = 0;

  op = new Uint8Array(0);
  val = new Float64Array(0);
  grad = new Float64Array(0);
  /** Op parameter: the constant exponent of PowConst, the param slot of Param. */
  aux = new Float64Array(0);
  flags = new Uint8Array(0);
  group = new Int32Array(0);
  srcStart = new Int32Array(0);
  srcEnd = new Int32Array(0);
  /** Node i's inputs are in[start[i] .. start[i + 1]); start has one more entry than there are nodes. */
  start = new Int32Array(1);
  /** Input node of each edge. */
  in = new Int32Array(0);
  /** Local derivative ∂node/∂input of each edge, recorded at forward time (the graph view draws them). */
  local = new Float64Array(0);

  readonly names = new Map<number, string>();
  readonly groups: Group[] = [];

  /** Number of Tensor and Item nodes: while 0, backward and recompute take the scalar-only paths. */
  private tensorNodes = 0;
  private ts: Tensors | undefined;
  private curGroup = -1;
  /** Scratch for backward(target, true). */
  private saved = new Float64Array(0);
  private curStart = -1;
  private curEnd = -1;

  constructor(nodeCapacity = 1024, edgeCapacity = 2048) {
    this.growNodes(nodeCapacity);
    this.growEdges(edgeCapacity);
  }

  // ---- context recorded on every new node ----

  /** Source range that new nodes come from (-1, -1 for none). */
  at(start: number, end: number): void {
    this.curStart = start;
    this.curEnd = end;
  }

  source(i: number): SourceRange | undefined {
    const s = this.srcStart[i];
    return s < 0 ? undefined : { start: s, end: this.srcEnd[i] };
  }

  beginGroup(kind: GroupKind, label: string): number {
    this.groups.push({ kind, label, parent: this.curGroup });
    this.curGroup = this.groups.length - 1;
    return this.curGroup;
  }

  endGroup(): void {
    if (this.curGroup >= 0) this.curGroup = this.groups[this.curGroup].parent;
  }

  get currentGroup(): number {
    return this.curGroup;
  }

  setName(i: number, name: string): void {
    this.names.set(i, name);
  }

  // ---- leaves ----

  const(v: number): number {
    return this.leaf(Op.Const, v, 0);
  }

  input(v: number, name?: string): number {
    const i = this.leaf(Op.Input, v, 0);
    if (name !== undefined) this.names.set(i, name);
    return i;
  }

  /** A trainable leaf; slot lets a model map it back to its parameter store. */
  param(v: number, name?: string, slot = -1): number {
    const i = this.leaf(Op.Param, v, slot);
    if (name !== undefined) this.names.set(i, name);
    return i;
  }

  // ---- primitives ----

  add(a: number, b: number): number { return kAdd(this, this.binary(Op.Add, a, b)); }
  sub(a: number, b: number): number { return kSub(this, this.binary(Op.Sub, a, b)); }
  mul(a: number, b: number): number { return kMul(this, this.binary(Op.Mul, a, b)); }
  div(a: number, b: number): number { return kDiv(this, this.binary(Op.Div, a, b)); }
  mod(a: number, b: number): number { return kMod(this, this.binary(Op.Mod, a, b)); }
  /** a ** b with b a node: the exponent gets an edge. */
  pow(a: number, b: number): number { return kPow(this, this.binary(Op.Pow, a, b)); }
  /** a ** k with k a plain number: no edge to the exponent. */
  powConst(a: number, k: number): number { return kPowConst(this, this.unary(Op.PowConst, a, k)); }
  neg(a: number): number { return kNeg(this, this.unary(Op.Neg, a)); }
  exp(a: number): number { return kExp(this, this.unary(Op.Exp, a)); }
  log(a: number): number { return kLog(this, this.unary(Op.Log, a)); }
  sqrt(a: number): number { return kSqrt(this, this.unary(Op.Sqrt, a)); }
  sin(a: number): number { return kSin(this, this.unary(Op.Sin, a)); }
  cos(a: number): number { return kCos(this, this.unary(Op.Cos, a)); }
  tan(a: number): number { return kTan(this, this.unary(Op.Tan, a)); }
  tanh(a: number): number { return kTanh(this, this.unary(Op.Tanh, a)); }
  sigmoid(a: number): number { return kSigmoid(this, this.unary(Op.Sigmoid, a)); }
  relu(a: number): number { return kRelu(this, this.unary(Op.Relu, a)); }
  abs(a: number): number { return kAbs(this, this.unary(Op.Abs, a)); }

  /** Σ xs, one node (a sum of one term is that term). */
  sum(xs: ArrayLike<number>): number {
    if (xs.length === 1) return xs[0];
    if (xs.length === 0) return this.const(0);
    const i = this.open(Op.Sum, 0, xs.length);
    const inp = this.in, s = this.edges;
    for (let k = 0; k < xs.length; k++) inp[s + k] = xs[k];
    this.close(i, s + xs.length);
    return kSum(this, i);
  }

  /** b + Σ w_k x_k as one node. */
  linear(ws: ArrayLike<number>, xs: ArrayLike<number>, b: number): number {
    if (ws.length !== xs.length) throw new RangeError(`linear: ${ws.length} weights for ${xs.length} inputs`);
    const i = this.open(Op.Linear, 0, 2 * ws.length + 1);
    const inp = this.in, s = this.edges;
    let e = s;
    for (let k = 0; k < ws.length; k++) {
      inp[e++] = ws[k];
      inp[e++] = xs[k];
    }
    inp[e++] = b;
    this.close(i, e);
    return kLinear(this, i);
  }

  // ---- tensors ----

  /** Tensor ops on this tape (Tape ids in and out). */
  get tensors(): Tensors {
    return (this.ts ??= new Tensors(this));
  }

  get hasTensors(): boolean {
    return this.tensorNodes > 0;
  }

  /** Append a Tensor node for tensor id t (called by Tensors); val mirrors a one-element tensor's value. */
  tensorNode(t: number, inputs: readonly number[], v: number): number {
    const i = this.open(Op.Tensor, t, inputs.length);
    const s = this.edges;
    for (let k = 0; k < inputs.length; k++) {
      this.in[s + k] = inputs[k];
      this.local[s + k] = NaN;
    }
    this.close(i, s + inputs.length);
    this.val[i] = v;
    this.tensorNodes++;
    return i;
  }

  /** Append an Item node: element k of tensor node a (called by Tensors.item). */
  itemNode(a: number, k: number, v: number): number {
    const i = this.unary(Op.Item, a, k);
    this.local[this.start[i]] = 1;
    this.val[i] = v;
    this.tensorNodes++;
    return i;
  }

  // ---- backward ----

  /**
   * Gradients of target with respect to every node, by one reverse sweep. Fresh each call: gradients are zeroed
   * first unless accumulate is set (micrograd accumulates silently; we only do when asked).
   * Nodes the target does not depend on end with gradient 0.
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
    if (this.tensorNodes > 0) this.tensors.sweep(target);
    else this.sweep(target);
    if (old) for (let i = 0; i < n; i++) g[i] += old[i];
  }

  private sweep(target: number): void {
    const g = this.grad;
    g[target] = 1;
    const start = this.start, inp = this.in, local = this.local;
    let e = start[target + 1];
    for (let i = target; i >= 0; i--) {
      const s = start[i], gi = g[i];
      if (gi !== 0) {
        if (gi < MIN_NORMAL && gi > -MIN_NORMAL) g[i] = 0;
        else {
          // Two edges per turn (wide Linear nodes dominate big models); the same input twice (x * x) still adds twice.
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

  // ---- replay ----

  /** Overwrite a leaf's value; call recompute() afterwards to bring the op nodes up to date. */
  setValue(i: number, v: number): void {
    this.val[i] = v;
  }

  /** Recompute values and local derivatives of every op node from index `from` on (the recorded graph, new leaves). */
  recompute(from = 0): void {
    const op = this.op;
    if (this.tensorNodes > 0) return this.tensors.recompute(from);
    for (let i = from, n = this.n; i < n; i++) {
      const o = op[i];
      if (!isLeaf(o)) kernels[o](this, i);
    }
  }

  /** Drop every node from index n on (keeps groups and names of the nodes that remain). */
  truncate(n: number): void {
    if (n >= this.n) return;
    let dropped = 0, firstTensor = -1;
    for (let i = n; i < this.n; i++) {
      if (this.op[i] === Op.Tensor) {
        if (firstTensor < 0) firstTensor = this.aux[i];
        dropped++;
      } else if (this.op[i] === Op.Item) dropped++;
    }
    if (firstTensor >= 0) this.tensors.store.truncate(firstTensor);
    this.tensorNodes -= dropped;
    this.n = n;
    this.edges = this.start[n];
    for (const k of this.names.keys()) if (k >= n) this.names.delete(k);
  }

  /** Forget everything, keeping the allocated arrays. */
  clear(): void {
    this.n = 0;
    this.edges = 0;
    this.start[0] = 0;
    this.names.clear();
    this.groups.length = 0;
    this.curGroup = -1;
    this.curStart = this.curEnd = -1;
    this.tensorNodes = 0;
    this.ts?.store.reset();
  }

  /** Value of node i. Safer than `t.val[t.op(...)]`, which reads `val` before recording may have replaced it. */
  value(i: number): number {
    return this.val[i];
  }

  /** Gradient of node i after backward(). */
  gradient(i: number): number {
    return this.grad[i];
  }

  /** Inputs of node i (a copy, for views; hot paths read start/in directly). */
  inputsOf(i: number): number[] {
    return Array.from(this.in.subarray(this.start[i], this.start[i + 1]));
  }

  /** The first node whose value is NaN or ±Infinity while all its inputs are finite: where it appeared. */
  firstNonFinite(upTo = this.n - 1): number {
    for (let i = 0; i <= upTo; i++) {
      if (this.op[i] === Op.Tensor ? this.tensors.firstNonFinite(i) < 0 : Number.isFinite(this.val[i])) continue;
      return i;
    }
    return -1;
  }

  // ---- recording ----

  private leaf(op: number, v: number, aux: number): number {
    const i = this.open(op, aux, 0);
    this.val[i] = v;
    this.start[i + 1] = this.edges;
    return i;
  }

  // unary/binary only append the node and its edges; each primitive then calls its own kernel, so every kernel
  // call site sees one function and V8 inlines it.
  private unary(op: number, a: number, aux = 0): number {
    const i = this.open(op, aux, 1);
    const s = this.edges;
    this.in[s] = a;
    return this.close(i, s + 1);
  }

  private binary(op: number, a: number, b: number): number {
    const i = this.open(op, 0, 2);
    const inp = this.in, s = this.edges;
    inp[s] = a;
    inp[s + 1] = b;
    return this.close(i, s + 2);
  }

  /** Append node i with room for `arity` edges; the caller writes the edges, then close() seals them. */
  private open(op: number, aux: number, arity: number): number {
    const i = this.n;
    if (i + 1 >= this.op.length) this.growNodes(this.op.length * 2);
    if (this.edges + arity > this.in.length) this.growEdges(Math.max(this.in.length * 2, this.edges + arity));
    this.op[i] = op;
    this.aux[i] = aux;
    this.flags[i] = 0;
    this.grad[i] = 0;
    this.group[i] = this.curGroup;
    this.srcStart[i] = this.curStart;
    this.srcEnd[i] = this.curEnd;
    this.start[i] = this.edges;
    this.n = i + 1;
    return i;
  }

  /** Seal node i, whose edges end at e; the caller then runs its kernel. */
  private close(i: number, e: number): number {
    this.edges = e;
    this.start[i + 1] = e;
    return i;
  }

  private growNodes(cap: number): void {
    cap = Math.max(cap, 16);
    this.op = grow(this.op, cap);
    this.val = grow(this.val, cap);
    this.grad = grow(this.grad, cap);
    this.aux = grow(this.aux, cap);
    this.flags = grow(this.flags, cap);
    this.group = grow(this.group, cap);
    this.srcStart = grow(this.srcStart, cap);
    this.srcEnd = grow(this.srcEnd, cap);
    this.start = grow(this.start, cap + 1);
  }

  private growEdges(cap: number): void {
    cap = Math.max(cap, 16);
    this.in = grow(this.in, cap);
    this.local = grow(this.local, cap);
  }
}

type Typed = Uint8Array | Int32Array | Float64Array;

function grow<T extends Typed>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
