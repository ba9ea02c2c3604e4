// Runs anywhere (extension host, CLI, tests): the tape's methods for the ops beyond arithmetic (tape.ts has those):
// max and min, clamp and where, comparisons, leakyRelu, gelu and softplus, the reductions that pick or log-sum an
// axis, softmax and logSoftmax, the label losses and detach; and the recording helpers both files share. As in
// tape.ts, each method records one entry of the op table: on scalars through its scalar kernel, on a tensor through
// its tensor rule. Axes: -1 is the last axis at every rank; no axis means all elements.
import { Op } from "./op";
import { opName, tensorRules } from "./ops";
import { gelu, leakyRelu, softplus } from "./ops/activations";
import { ge, gt, le, lt } from "./ops/compare";
import { clamp, max, min, where } from "./ops/minmax";
import { detach } from "./ops/shape";
import { TapePasses } from "./passes";
import { type Shape, shapeText } from "./tensor/shape";

const kMax = max.kernel, kMin = min.kernel, kClamp = clamp.kernel, kWhere = where.kernel;
const kLeaky = leakyRelu.kernel, kGelu = gelu.kernel, kSoftplus = softplus.kernel, kDetach = detach.kernel;
const kGt = gt.kernel, kLt = lt.kernel, kGe = ge.kernel, kLe = le.kernel;

export class TapeOps extends TapePasses {
  // ---- max and min: ties split the gradient equally between the tied inputs (ops/minmax.ts) ----

  /**
   * max(xs): the largest of scalar nodes as one node (tensors among them: maximum, pairwise). max(a, axis?): the max
   * of a tensor's elements, all (rank 0) or along axis kept with length 1; the gradient goes to the first maximum.
   */
  max(xs: ArrayLike<number>): number;
  max(a: number, axis?: number): number;
  max(x: number | ArrayLike<number>, axis?: number): number {
    return typeof x === "number" ? this.reduce(Op.ReduceMax, x, axis) : this.extreme(Op.Max, x);
  }

  /** min(xs) of scalar nodes; min(a, axis?) of a tensor's elements (as max). */
  min(xs: ArrayLike<number>): number;
  min(a: number, axis?: number): number;
  min(x: number | ArrayLike<number>, axis?: number): number {
    return typeof x === "number" ? this.reduce(Op.ReduceMin, x, axis) : this.extreme(Op.Min, x);
  }

  /** The larger of a and b, elementwise with broadcasting on tensors; max([a, b]) on scalars. */
  maximum(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Max, a, b) : this.extreme(Op.Max, [a, b]); }
  /** The smaller of a and b, as maximum. */
  minimum(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Min, a, b) : this.extreme(Op.Min, [a, b]); }

  /** min(max(x, lo), hi): lo and hi are nodes (constants, usually), broadcast against x on tensors. */
  clamp(x: number, lo: number, hi: number): number {
    return this.any3(x, lo, hi) ? this.tensorOpOf(Op.Clamp, [x, lo, hi]) : kClamp(this, this.ternary(Op.Clamp, x, lo, hi));
  }

  /** a where cond is non-zero, else b (cond a 0/1 mask, from a comparison; no gradient reaches it); broadcasting. */
  where(cond: number, a: number, b: number): number {
    return this.any3(cond, a, b) ? this.tensorOpOf(Op.Where, [cond, a, b]) : kWhere(this, this.ternary(Op.Where, cond, a, b));
  }

  // ---- comparisons: 0/1 masks, no gradient ----

  gt(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Gt, a, b) : kGt(this, this.binary(Op.Gt, a, b)); }
  lt(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Lt, a, b) : kLt(this, this.binary(Op.Lt, a, b)); }
  ge(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Ge, a, b) : kGe(this, this.binary(Op.Ge, a, b)); }
  le(a: number, b: number): number { return this.either(a, b) ? this.tensorOp(Op.Le, a, b) : kLe(this, this.binary(Op.Le, a, b)); }

  // ---- activations ----

  /** x for x > 0, else slope·x (PyTorch's default slope 0.01). */
  leakyRelu(a: number, slope = 0.01): number {
    if (!Number.isFinite(slope)) throw new RangeError(`leakyRelu: slope ${slope} must be a finite number`);
    return this.is(a) ? this.tensorOp(Op.LeakyRelu, a, -1, slope) : kLeaky(this, this.unary(Op.LeakyRelu, a, slope));
  }
  /** x Φ(x), the exact erf form (PyTorch's default gelu). */
  gelu(a: number): number { return this.is(a) ? this.tensorOp(Op.Gelu, a) : kGelu(this, this.unary(Op.Gelu, a)); }
  /** ln(1 + e^x), stable at both tails. */
  softplus(a: number): number { return this.is(a) ? this.tensorOp(Op.Softplus, a) : kSoftplus(this, this.unary(Op.Softplus, a)); }

  // ---- reductions along an axis, softmax, label losses ----

  /** Index of the first maximum: flat over all elements (rank 0), or along axis kept with length 1. No gradient. */
  argmax(a: number, axis?: number): number { return this.reduce(Op.ArgMax, a, axis); }
  /** ln Σ e^x, all elements or along axis kept with length 1; stable (max-shifted). */
  logsumexp(a: number, axis?: number): number { return this.reduce(Op.LogSumExp, a, axis); }
  /** e^x / Σ e^x along axis (default -1: the last); stable for logits around 1,000. */
  softmax(a: number, axis = -1): number { return this.along(Op.Softmax, a, axis); }
  /** x - logsumexp(x) along axis (default -1: the last). */
  logSoftmax(a: number, axis = -1): number { return this.along(Op.LogSoftmax, a, axis); }
  /** Mean over rows of -logSoftmax(logits)[i, labels[i]] (F.cross_entropy): logits [n, c], labels [n] class indices. */
  crossEntropy(logits: number, labels: number): number { return this.tensorOp(Op.CrossEntropy, logits, labels); }
  /** Mean over rows of -logProbs[i, labels[i]] (F.nll_loss): logProbs [n, c], labels [n] class indices. */
  nll(logProbs: number, labels: number): number { return this.tensorOp(Op.Nll, logProbs, labels); }

  /** The same value with no gradient through it; the graph draws the cut. */
  detach(a: number): number { return this.is(a) ? this.tensorOp(Op.Detach, a) : kDetach(this, this.unary(Op.Detach, a)); }

  // ---- recording helpers (tape.ts uses them too) ----

  /** Whether a is a tensor node; a counter check first, so scalar-only recording pays nothing more. */
  protected is(a: number): boolean {
    return this.specials > 0 && this.ten[a] >= 0;
  }

  protected either(a: number, b: number): boolean {
    return this.specials > 0 && (this.ten[a] >= 0 || this.ten[b] >= 0);
  }

  /** A reduction over all elements (no axis) or along one, kept with length 1 from rank 2 on. */
  protected reduce(code: number, a: number, axis: number | undefined): number {
    const la = this.lift(a), shapes = [this.shape(la)], ax = axis === undefined ? -1 : this.axisOf(code, shapes[0], axis);
    return this.tensorNode(code, [la], ax, tensorRules[code].shape(shapes, ax, undefined), shapes);
  }

  /**
   * Axis of shape s as the op table keeps it: non-negative, -1 standing for all elements, which is what any axis of a
   * rank-0 or rank-1 tensor means. -1 as given means the last axis; a RangeError names a missing one.
   */
  private axisOf(code: number, s: Shape, axis: number): number {
    const r = s.length;
    if (!Number.isInteger(axis) || axis >= Math.max(r, 1) || axis < -Math.max(r, 1)) {
      throw new RangeError(`${opName[code]}: no axis ${axis} in shape ${shapeText(s)}`);
    }
    return r <= 1 ? -1 : axis < 0 ? axis + r : axis;
  }

  /** An op along one axis that keeps the shape (softmax, logSoftmax). */
  private along(code: number, a: number, axis: number): number {
    const la = this.lift(a), shapes = [this.shape(la)], ax = this.axisOf(code, shapes[0], axis);
    return this.tensorNode(code, [la], ax, tensorRules[code].shape(shapes, ax, undefined), shapes);
  }

  /** max/min of scalar nodes as one n-ary node; tensors among them fold pairwise through the tensor form. */
  private extreme(code: number, xs: ArrayLike<number>): number {
    if (xs.length === 0) throw new RangeError(`${opName[code]}: no values`);
    if (xs.length === 1) return xs[0];
    let tensors = false;
    for (let k = 0; k < xs.length; k++) tensors ||= this.is(xs[k]);
    if (tensors) {
      let acc = xs[0];
      for (let k = 1; k < xs.length; k++) acc = this.tensorOp(code, acc, xs[k]);
      return acc;
    }
    const i = this.open(code, 0, xs.length), inp = this.in, s = this.edges;
    for (let k = 0; k < xs.length; k++) inp[s + k] = xs[k];
    this.close(i, s + xs.length);
    return code === Op.Max ? kMax(this, i) : kMin(this, i);
  }

  private any3(a: number, b: number, c: number): boolean {
    return this.specials > 0 && (this.ten[a] >= 0 || this.ten[b] >= 0 || this.ten[c] >= 0);
  }

  /** A scalar node of three inputs; the caller runs its kernel. */
  private ternary(op: number, a: number, b: number, c: number): number {
    const i = this.open(op, 0, 3), inp = this.in, s = this.edges;
    inp[s] = a;
    inp[s + 1] = b;
    inp[s + 2] = c;
    return this.close(i, s + 3);
  }

  /** Tensor op `code` on any number of inputs, scalar inputs lifted to rank 0. */
  private tensorOpOf(code: number, xs: readonly number[]): number {
    const ins = xs.map((x) => this.lift(x)), shapes = ins.map((x) => this.shape(x));
    return this.tensorNode(code, ins, 0, tensorRules[code].shape(shapes, 0, undefined), shapes);
  }
}
