// Runs anywhere (extension host, CLI, tests): the tape's node storage. Nodes live in growable typed arrays, appended
// after their inputs, so the tape is already in topological order and backward is one reverse sweep; a node's inputs
// are its edges (CSR: in[start[i] .. start[i + 1])). Also the context every new node records: group, source range.
// The Tape (tape.ts) adds the ops on top. With a budget, the arrays grow no further than it allows (growth is rare,
// so recording a node pays nothing for the check).
import type { Budget } from "./budget";

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

export class TapeNodes {
  /** Number of nodes. */
  n = 0;
  /** Number of edges. */
  edges = 0;

  op = new Uint8Array(0);
  /** Value of a scalar node; of a tensor node, its one element when it has one, else 0. */
  val = new Float64Array(0);
  /** Gradient after backward() (a one-element tensor's too). */
  grad = new Float64Array(0);
  /** Op parameter: PowConst's exponent, Param's store slot, a reduction's axis, Row's and Item's index. */
  aux = new Float64Array(0);
  flags = new Uint8Array(0);
  group = new Int32Array(0);
  srcStart = new Int32Array(0);
  srcEnd = new Int32Array(0);
  /** Node i's inputs are in[start[i] .. start[i + 1]); start has one more entry than there are nodes. */
  start = new Int32Array(1);
  /** Input node of each edge. */
  in = new Int32Array(0);
  /** Local derivative ∂node/∂input of each edge of a scalar node, recorded at forward time (the graph draws them). */
  local = new Float64Array(0);

  readonly names = new Map<number, string>();
  readonly groups: Group[] = [];
  /** The evaluation's limits on this tape's growth and tensor work; undefined: unbounded. */
  budget: Budget | undefined = undefined;

  /** Tensor slot of each node, -1 for a scalar node (and beyond n, so scalar recording need not write it). */
  protected ten = new Int32Array(0);
  private curGroup = -1;
  private curStart = -1;
  private curEnd = -1;

  constructor(nodeCapacity: number, edgeCapacity: number) {
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

  // ---- reading ----

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

  /** Overwrite a scalar leaf's value; call recompute() afterwards to bring the op nodes up to date. */
  setValue(i: number, v: number): void {
    this.val[i] = v;
  }

  // ---- recording ----

  protected leaf(op: number, v: number, aux: number): number {
    const i = this.open(op, aux, 0);
    this.val[i] = v;
    this.start[i + 1] = this.edges;
    return i;
  }

  // unary/binary only append the node and its edges; each primitive then calls its op's kernel, so every kernel
  // call site sees one function and V8 inlines it.
  protected unary(op: number, a: number, aux = 0): number {
    const i = this.open(op, aux, 1);
    const s = this.edges;
    this.in[s] = a;
    return this.close(i, s + 1);
  }

  protected binary(op: number, a: number, b: number): number {
    const i = this.open(op, 0, 2);
    const inp = this.in, s = this.edges;
    inp[s] = a;
    inp[s + 1] = b;
    return this.close(i, s + 2);
  }

  /** Append node i with room for `arity` edges; the caller writes the edges, then close() seals them. */
  protected open(op: number, aux: number, arity: number): number {
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
  protected close(i: number, e: number): number {
    this.edges = e;
    this.start[i + 1] = e;
    return i;
  }

  /** Drop nodes from n on (groups stay; names of dropped nodes go). */
  protected dropFrom(n: number): void {
    this.n = n;
    this.edges = this.start[n];
    for (const k of this.names.keys()) if (k >= n) this.names.delete(k);
  }

  /** Forget every node and group, keeping the allocated arrays. */
  protected dropAll(): void {
    this.n = 0;
    this.edges = 0;
    this.start[0] = 0;
    this.names.clear();
    this.groups.length = 0;
    this.curGroup = -1;
    this.curStart = this.curEnd = -1;
  }

  private growNodes(cap: number): void {
    cap = Math.max(cap, 16);
    // open() needs room for node n and the start entry after it.
    if (this.budget !== undefined) cap = this.budget.nodeCapacity(this.op.length, cap, this.n + 2);
    this.op = grow(this.op, cap);
    this.val = grow(this.val, cap);
    this.grad = grow(this.grad, cap);
    this.aux = grow(this.aux, cap);
    this.flags = grow(this.flags, cap);
    this.group = grow(this.group, cap);
    this.srcStart = grow(this.srcStart, cap);
    this.srcEnd = grow(this.srcEnd, cap);
    this.start = grow(this.start, cap + 1);
    const old = this.ten.length;
    this.ten = grow(this.ten, cap);
    this.ten.fill(-1, old);
  }

  private growEdges(cap: number): void {
    cap = Math.max(cap, 16);
    this.budget?.allocate(cap - this.in.length, "graph edges");
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
