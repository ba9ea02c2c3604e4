// Runs anywhere (extension host, CLI, tests): the tape. One kind of node for scalars and tensors (nodes.ts,
// tensor-nodes.ts); every op is an entry of the op table (ops/), and each method here records one: on scalars through
// the op's scalar kernel (one call site per op), on a tensor through its tensor rule. The ops beyond arithmetic and
// sums (max, softmax, crossEntropy, detach, …) have their methods in tape-ops.ts. One reverse sweep and one replay
// serve both (passes.ts). No recursion anywhere.
import { Op } from "./op";
import { tensorRules } from "./ops";
import { add, div, mod, mul, pow, sub } from "./ops/arith";
import { abs, cos, exp, log, neg, powConst, relu, sigmoid, sin, sqrt, tan, tanh } from "./ops/elementwise";
import { linear } from "./ops/linalg";
import { sum } from "./ops/reduce";
import { item } from "./ops/shape";
import { TapeOps } from "./tape-ops";
import { type Shape, type TensorLike, shapeText } from "./tensor/shape";

export type { Group, GroupKind, SourceRange } from "./nodes";

const SCALAR: Shape = [];

// The scalar kernels, each a distinct function called from its own method, so V8 inlines it there.
const kAdd = add.kernel, kSub = sub.kernel, kMul = mul.kernel, kDiv = div.kernel, kMod = mod.kernel, kPow = pow.kernel;
const kNeg = neg.kernel, kExp = exp.kernel, kLog = log.kernel, kSqrt = sqrt.kernel, kSin = sin.kernel;
const kCos = cos.kernel, kTan = tan.kernel, kTanh = tanh.kernel, kSigmoid = sigmoid.kernel, kRelu = relu.kernel;
const kAbs = abs.kernel, kPowConst = powConst.kernel, kSum = sum.kernel, kLinear = linear.kernel, kItem = item.kernel;

export class Tape extends TapeOps {
  constructor(nodeCapacity = 1024, edgeCapacity = 2048) {
    super(nodeCapacity, edgeCapacity);
  }

  // ---- scalar leaves ----

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

  // ---- elementwise ops: scalar nodes in, a scalar node out; a tensor in, a tensor out (scalars broadcast) ----

  add(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Add, a, b) : kAdd(this, this.binary(Op.Add, a, b)); }
  sub(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Sub, a, b) : kSub(this, this.binary(Op.Sub, a, b)); }
  mul(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Mul, a, b) : kMul(this, this.binary(Op.Mul, a, b)); }
  div(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Div, a, b) : kDiv(this, this.binary(Op.Div, a, b)); }
  mod(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Mod, a, b) : kMod(this, this.binary(Op.Mod, a, b)); }
  /** a ** b with b a node: the exponent gets an edge. */
  pow(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Pow, a, b) : kPow(this, this.binary(Op.Pow, a, b)); }
  /** a ** k with k a plain number: no edge to the exponent (on a tensor, k must be finite). */
  powConst(a: number, k: number): number {
    return this.is(a) ? this.tensorOp(Op.PowConst, a, -1, k) : kPowConst(this, this.unary(Op.PowConst, a, k));
  }
  neg(a: number): number { return this.is(a) ? this.tensorOp(Op.Neg, a) : kNeg(this, this.unary(Op.Neg, a)); }
  exp(a: number): number { return this.is(a) ? this.tensorOp(Op.Exp, a) : kExp(this, this.unary(Op.Exp, a)); }
  log(a: number): number { return this.is(a) ? this.tensorOp(Op.Log, a) : kLog(this, this.unary(Op.Log, a)); }
  sqrt(a: number): number { return this.is(a) ? this.tensorOp(Op.Sqrt, a) : kSqrt(this, this.unary(Op.Sqrt, a)); }
  sin(a: number): number { return this.is(a) ? this.tensorOp(Op.Sin, a) : kSin(this, this.unary(Op.Sin, a)); }
  cos(a: number): number { return this.is(a) ? this.tensorOp(Op.Cos, a) : kCos(this, this.unary(Op.Cos, a)); }
  tan(a: number): number { return this.is(a) ? this.tensorOp(Op.Tan, a) : kTan(this, this.unary(Op.Tan, a)); }
  tanh(a: number): number { return this.is(a) ? this.tensorOp(Op.Tanh, a) : kTanh(this, this.unary(Op.Tanh, a)); }
  sigmoid(a: number): number { return this.is(a) ? this.tensorOp(Op.Sigmoid, a) : kSigmoid(this, this.unary(Op.Sigmoid, a)); }
  relu(a: number): number { return this.is(a) ? this.tensorOp(Op.Relu, a) : kRelu(this, this.unary(Op.Relu, a)); }
  abs(a: number): number { return this.is(a) ? this.tensorOp(Op.Abs, a) : kAbs(this, this.unary(Op.Abs, a)); }

  // ---- sums ----

  /**
   * sum(xs): Σ of scalar nodes as one node (a sum of one term is that term). sum(a, axis?): the sum of a tensor's
   * elements, all (rank 0) or along one axis (-1: the last) kept with length 1, so it broadcasts back; a vector's
   * only axis is all of it.
   */
  sum(xs: ArrayLike<number>): number;
  sum(a: number, axis?: number): number;
  sum(x: number | ArrayLike<number>, axis?: number): number {
    if (typeof x === "number") return this.reduce(Op.ReduceSum, x, axis);
    if (x.length === 1) return x[0];
    if (x.length === 0) return this.const(0);
    const i = this.open(Op.Sum, 0, x.length);
    const inp = this.in, s = this.edges;
    for (let k = 0; k < x.length; k++) inp[s + k] = x[k];
    this.close(i, s + x.length);
    return kSum(this, i);
  }

  /** The mean of a tensor's elements, all or along an axis (as sum). */
  mean(a: number, axis?: number): number {
    return this.reduce(Op.Mean, a, axis);
  }

  /** b + Σ w_k x_k of scalar nodes as one node. */
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

  tensorConst(x: TensorLike): number { return this.tensorLeaf(Op.Const, x, 0, undefined); }
  /** A data leaf: gets a gradient (∂target/∂x, for views) but is not trained. */
  tensorInput(x: TensorLike, name?: string): number { return this.tensorLeaf(Op.Input, x, 0, name); }
  /** A trainable leaf; slot is the first of its elements' slots in a ParamStore (see ParamStore.addTensor). */
  tensorParam(x: TensorLike, name?: string, slot = -1): number { return this.tensorLeaf(Op.Param, x, slot, name); }

  /** A tensor whose elements are scalar nodes, e.g. `tensor([[x, 1]])` with x a leaf: gradients reach x. */
  fromScalars(shape: readonly number[], ids: readonly number[]): number {
    const shapes = ids.map(() => SCALAR), s = tensorRules[Op.FromScalars].shape(shapes, 0, shape);
    for (const id of ids) if (this.isTensor(id)) throw new RangeError("tensor: elements must be numbers, not tensors");
    return this.tensorNode(Op.FromScalars, ids, 0, s, shapes);
  }

  /** Element k (row-major) of a tensor as a scalar node; its gradient flows back into that element. */
  item(a: number, k = 0): number {
    const la = this.lift(a), size = this.tensorValue(la).length;
    if (!Number.isInteger(k) || k < 0 || k >= size) {
      throw new RangeError(`item: index ${k} out of range for shape ${shapeText(this.shape(la))}`);
    }
    const i = this.unary(Op.Item, la, k);
    this.markSpecial(i);
    return kItem(this, i);
  }

  /**
   * a·b of matrices, or batched as torch.matmul: [b,n,k]·[b,k,m] → [b,n,m], a matrix operand shared by every batch.
   */
  matmul(a: number, b: number): number { return this.tensorOp(Op.MatMul, a, b); }
  /** Swaps the last two axes (of a matrix, or of each matrix of a batch); ranks 0 and 1 are unchanged (as NumPy). */
  transpose(a: number): number { return this.tensorOp(Op.Transpose, a); }
  reshape(a: number, shape: readonly number[]): number { return this.tensorOp(Op.Reshape, a, -1, 0, shape); }
  /** a[i] along the first axis: a row [m] of an [n,m] tensor, an element of a vector. */
  row(a: number, i: number): number { return this.tensorOp(Op.Row, a, -1, i); }

  /** Drop every node from index n on (keeps groups, and names of the nodes that remain). */
  truncate(n: number): void {
    if (n >= this.n) return;
    let j = this.specials;
    while (j > 0 && this.special[j - 1] >= n) j--;
    this.dropSpecials(j);
    this.dropFrom(n);
  }

  /** Forget everything, keeping the allocated arrays and tensor buffers (recording the same graph reuses them). */
  clear(): void {
    this.dropSpecials(0);
    this.dropAll();
  }

  /** The first node whose value is NaN or ±Infinity while all its inputs are finite: where it appeared. */
  firstNonFinite(upTo = this.n - 1): number {
    for (let i = 0; i <= upTo; i++) {
      if (this.ten[i] >= 0 ? this.firstNonFiniteElement(i) < 0 : Number.isFinite(this.val[i])) continue;
      return i;
    }
    return -1;
  }
}
