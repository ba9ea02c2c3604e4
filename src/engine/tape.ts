// Runs anywhere (extension host, CLI, tests): the tape. Nodes live in growable typed arrays, appended after their
// inputs, so the tape is already in topological order and backward is one reverse sweep. No recursion anywhere.
import { Flag, Op, isLeaf } from "./op";

/** Smallest normal double: gradients below it are flushed to zero, because subnormal arithmetic is ~8x slower. */
const MIN_NORMAL = 2.2250738585072014e-308;

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

  private curGroup = -1;
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

  add(a: number, b: number): number { return this.binary(Op.Add, a, b); }
  sub(a: number, b: number): number { return this.binary(Op.Sub, a, b); }
  mul(a: number, b: number): number { return this.binary(Op.Mul, a, b); }
  div(a: number, b: number): number { return this.binary(Op.Div, a, b); }
  mod(a: number, b: number): number { return this.binary(Op.Mod, a, b); }
  /** a ** b with b a node: the exponent gets an edge. */
  pow(a: number, b: number): number { return this.binary(Op.Pow, a, b); }
  /** a ** k with k a plain number: no edge to the exponent. */
  powConst(a: number, k: number): number {
    const i = this.unary(Op.PowConst, a, k);
    return i;
  }
  neg(a: number): number { return this.unary(Op.Neg, a); }
  exp(a: number): number { return this.unary(Op.Exp, a); }
  log(a: number): number { return this.unary(Op.Log, a); }
  sqrt(a: number): number { return this.unary(Op.Sqrt, a); }
  sin(a: number): number { return this.unary(Op.Sin, a); }
  cos(a: number): number { return this.unary(Op.Cos, a); }
  tan(a: number): number { return this.unary(Op.Tan, a); }
  tanh(a: number): number { return this.unary(Op.Tanh, a); }
  sigmoid(a: number): number { return this.unary(Op.Sigmoid, a); }
  relu(a: number): number { return this.unary(Op.Relu, a); }
  abs(a: number): number { return this.unary(Op.Abs, a); }

  /** Σ xs, one node (a sum of one term is that term). */
  sum(xs: ArrayLike<number>): number {
    if (xs.length === 1) return xs[0];
    if (xs.length === 0) return this.const(0);
    const i = this.open(Op.Sum, 0, xs.length);
    for (let k = 0; k < xs.length; k++) this.in[this.edges++] = xs[k];
    return this.close(i);
  }

  /** b + Σ w_k x_k as one node. */
  linear(ws: ArrayLike<number>, xs: ArrayLike<number>, b: number): number {
    if (ws.length !== xs.length) throw new RangeError(`linear: ${ws.length} weights for ${xs.length} inputs`);
    const i = this.open(Op.Linear, 0, 2 * ws.length + 1);
    for (let k = 0; k < ws.length; k++) {
      this.in[this.edges++] = ws[k];
      this.in[this.edges++] = xs[k];
    }
    this.in[this.edges++] = b;
    return this.close(i);
  }

  // ---- backward ----

  /**
   * Gradients of target with respect to every node, by one reverse sweep. Fresh each call: gradients are zeroed
   * first unless accumulate is set (micrograd accumulates silently; we only do when asked).
   * Nodes the target does not depend on end with gradient 0.
   */
  backward(target: number, accumulate = false): void {
    const g = this.grad, start = this.start, inp = this.in, local = this.local;
    if (!accumulate) g.fill(0, 0, this.n);
    g[target] += 1;
    for (let i = target; i >= 0; i--) {
      const gi = g[i];
      if (gi === 0) continue;
      if (gi < MIN_NORMAL && gi > -MIN_NORMAL) {
        g[i] = 0;
        continue;
      }
      for (let k = start[i], e = start[i + 1]; k < e; k++) g[inp[k]] += gi * local[k];
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
    for (let i = from, n = this.n; i < n; i++) if (!isLeaf(op[i])) this.compute(i);
  }

  /** Drop every node from index n on (keeps groups and names of the nodes that remain). */
  truncate(n: number): void {
    if (n >= this.n) return;
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
  }

  /** Inputs of node i (a copy, for views; hot paths read start/in directly). */
  inputsOf(i: number): number[] {
    return Array.from(this.in.subarray(this.start[i], this.start[i + 1]));
  }

  /** The first node whose value is NaN or ±Infinity while all its inputs are finite: where it appeared. */
  firstNonFinite(upTo = this.n - 1): number {
    for (let i = 0; i <= upTo; i++) {
      if (Number.isFinite(this.val[i])) continue;
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

  private unary(op: number, a: number, aux = 0): number {
    const i = this.open(op, aux, 1);
    this.in[this.edges++] = a;
    return this.close(i);
  }

  private binary(op: number, a: number, b: number): number {
    const i = this.open(op, 0, 2);
    this.in[this.edges++] = a;
    this.in[this.edges++] = b;
    return this.close(i);
  }

  /** Append node i with room for `arity` edges; the caller writes the edges, then close() computes it. */
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

  private close(i: number): number {
    this.start[i + 1] = this.edges;
    this.compute(i);
    return i;
  }

  /** Value and local derivatives of op node i from its inputs' values. The one place each op's math lives. */
  private compute(i: number): void {
    const val = this.val, inp = this.in, d = this.local;
    const s = this.start[i];
    let flag = 0;
    switch (this.op[i]) {
      case Op.Add:
        val[i] = val[inp[s]] + val[inp[s + 1]];
        d[s] = 1;
        d[s + 1] = 1;
        break;
      case Op.Sub:
        val[i] = val[inp[s]] - val[inp[s + 1]];
        d[s] = 1;
        d[s + 1] = -1;
        break;
      case Op.Mul: {
        const a = val[inp[s]], b = val[inp[s + 1]];
        val[i] = a * b;
        d[s] = b;
        d[s + 1] = a;
        break;
      }
      case Op.Div: {
        const a = val[inp[s]], b = val[inp[s + 1]];
        val[i] = a / b;
        d[s] = 1 / b;
        d[s + 1] = -a / (b * b);
        break;
      }
      case Op.Mod: {
        const a = val[inp[s]], b = val[inp[s + 1]];
        val[i] = a % b;
        d[s] = 1;
        d[s + 1] = -Math.trunc(a / b);
        break;
      }
      case Op.Neg:
        val[i] = -val[inp[s]];
        d[s] = -1;
        break;
      case Op.Pow: {
        const a = val[inp[s]], b = val[inp[s + 1]];
        const y = a ** b;
        val[i] = y;
        d[s] = b === 0 ? 0 : b * a ** (b - 1);
        if (a > 0) d[s + 1] = y * Math.log(a);
        else {
          d[s + 1] = 0;
          flag = Flag.UndefinedDerivative;
        }
        break;
      }
      case Op.PowConst: {
        const a = val[inp[s]], k = this.aux[i];
        val[i] = a ** k;
        d[s] = k === 0 ? 0 : k * a ** (k - 1);
        break;
      }
      case Op.Exp: {
        const y = Math.exp(val[inp[s]]);
        val[i] = y;
        d[s] = y;
        break;
      }
      case Op.Log: {
        const a = val[inp[s]];
        val[i] = Math.log(a);
        d[s] = 1 / a;
        break;
      }
      case Op.Sqrt: {
        const y = Math.sqrt(val[inp[s]]);
        val[i] = y;
        d[s] = 0.5 / y;
        break;
      }
      case Op.Sin: {
        const a = val[inp[s]];
        val[i] = Math.sin(a);
        d[s] = Math.cos(a);
        break;
      }
      case Op.Cos: {
        const a = val[inp[s]];
        val[i] = Math.cos(a);
        d[s] = -Math.sin(a);
        break;
      }
      case Op.Tan: {
        const y = Math.tan(val[inp[s]]);
        val[i] = y;
        d[s] = 1 + y * y;
        break;
      }
      case Op.Tanh: {
        const y = Math.tanh(val[inp[s]]);
        val[i] = y;
        d[s] = 1 - y * y;
        break;
      }
      case Op.Sigmoid: {
        const a = val[inp[s]];
        // Two branches so neither exp overflows: the value is exact at both tails.
        const y = a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
        val[i] = y;
        d[s] = y * (1 - y);
        break;
      }
      case Op.Relu: {
        const a = val[inp[s]];
        val[i] = a > 0 ? a : 0;
        d[s] = a > 0 ? 1 : 0;
        if (a === 0) flag = Flag.NonDifferentiable;
        break;
      }
      case Op.Abs: {
        const a = val[inp[s]];
        val[i] = Math.abs(a);
        d[s] = a > 0 ? 1 : a < 0 ? -1 : 0;
        if (a === 0) flag = Flag.NonDifferentiable;
        break;
      }
      case Op.Sum: {
        let acc = 0;
        for (let k = s, e = this.start[i + 1]; k < e; k++) {
          acc += val[inp[k]];
          d[k] = 1;
        }
        val[i] = acc;
        break;
      }
      case Op.Linear: {
        const e = this.start[i + 1] - 1;
        let acc = val[inp[e]];
        d[e] = 1;
        for (let k = s; k < e; k += 2) {
          const w = val[inp[k]], x = val[inp[k + 1]];
          acc += w * x;
          d[k] = x;
          d[k + 1] = w;
        }
        val[i] = acc;
        break;
      }
      default:
        throw new Error(`tape: unknown op ${this.op[i]} at node ${i}`);
    }
    this.flags[i] = flag;
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
