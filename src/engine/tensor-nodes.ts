// Runs anywhere (extension host, CLI, tests): tensor nodes on the tape. A tensor node is an ordinary node (op, aux,
// flags, group, source, edges to its inputs) with a tensor slot: its shape, value buffer and gradient buffer live in
// TensorSlots. Tensor nodes and items are the tape's "special" nodes, kept in a sorted list: backward and recompute
// run the op table on them and the tight scalar loops on the runs between them. Reading tensors is here too.
import { TapeNodes } from "./nodes";
import { Op, isLeaf } from "./op";
import { noGrad, opName, tensorRules } from "./ops";
import type { OpTape } from "./ops/types";
import { TensorSlots } from "./slots";
import { type Shape, type TensorData, type TensorLike, shapeText, sizeOf, tensor, tensorData } from "./tensor/shape";

const SCALAR: Shape = [];
const ONE_SCALAR: readonly Shape[] = [SCALAR];

export class TensorNodes extends TapeNodes implements OpTape {
  protected readonly slots = new TensorSlots();
  /** Tensor and item nodes, ascending. */
  protected special = new Int32Array(16);
  protected specials = 0;

  /** Whether the tape holds tensor (or item) nodes. */
  get hasTensors(): boolean {
    return this.specials > 0;
  }

  isTensor(i: number): boolean {
    return i >= 0 && i < this.n && this.ten[i] >= 0;
  }

  /** Shape of node i: [] for a scalar node. */
  shape(i: number): Shape {
    const k = this.ten[i];
    return k >= 0 ? this.slots.shapes[k] : SCALAR;
  }

  /** The op's name ("matmul", "param", "tensor" for a tensor built from scalars, …). */
  opName(i: number): string {
    return opName[this.op[i]];
  }

  /** Value buffer of tensor node i (live: replay overwrites it in place). */
  tensorValue(i: number): Float64Array {
    return this.slots.vals[this.slotOf(i)];
  }

  /** Gradient of tensor node i from the last backward (a copy); zeros where it did not reach. */
  tensorGradient(i: number): Float64Array {
    const k = this.slotOf(i);
    return this.slots.live(k)?.slice() ?? new Float64Array(this.slots.vals[k].length);
  }

  /** The live gradient buffer of tensor node i if the last backward reached it (the next backward overwrites it). */
  liveGradient(i: number): Float64Array | undefined {
    return this.slots.live(this.slotOf(i));
  }

  tensorData(i: number): TensorData {
    return { shape: this.shape(i), data: this.tensorValue(i).slice() };
  }

  /** First element of tensor node i that is NaN or ±Infinity, or -1. */
  firstNonFiniteElement(i: number): number {
    const v = this.tensorValue(i);
    for (let k = 0; k < v.length; k++) if (!Number.isFinite(v[k])) return k;
    return -1;
  }

  /** Overwrite a tensor leaf's value (same shape); call recompute() afterwards. */
  setTensorValue(i: number, x: TensorLike): void {
    const k = this.slotOf(i);
    if (!isLeaf(this.op[i])) throw new RangeError(`setValue: node ${i} is a ${this.opName(i)}, not a leaf`);
    const d = tensor(x), s = this.slots.shapes[k];
    if (d.data.length !== this.slots.vals[k].length || d.shape.length !== s.length) {
      throw new RangeError(`setValue: shape ${shapeText(d.shape)} for node ${i} of shape ${shapeText(s)}`);
    }
    this.slots.vals[k].set(d.data);
    this.mirror(i);
  }

  // ---- for the op table (ops/types.ts OpTape) during backward ----

  /** Node i's gradient buffer in the current sweep, or undefined when no input or param leaf reaches i. */
  gradOf(i: number): Float64Array | undefined {
    const k = this.ten[i];
    return this.slots.needs[k] ? this.slots.gradBuffer(k) : undefined;
  }

  /** Node i's gradient buffer in the current sweep, whether or not it needs one. */
  gradBuffer(i: number): Float64Array {
    return this.slots.gradBuffer(this.ten[i]);
  }

  // ---- recording ----

  /** A tensor leaf (Const, Input or Param; aux is a Param's store slot). */
  protected tensorLeaf(op: number, x: TensorLike, aux: number, name: string | undefined): number {
    const d = tensorData(x);
    this.budget?.allocate(d.data.length, "tensor");
    const i = this.open(op, aux, 0);
    this.close(i, this.edges);
    this.attach(i, d.shape, op === Op.Const ? 0 : 1);
    this.slots.vals[this.ten[i]].set(d.data);
    this.mirror(i);
    if (name !== undefined) this.setName(i, name);
    return i;
  }

  /** Tensor op `code` on a (and b unless -1), scalar inputs lifted to rank 0; `to` is the requested shape (reshape). */
  protected tensorOp(code: number, a: number, b = -1, aux = 0, to?: readonly number[]): number {
    const la = this.lift(a), lb = b < 0 ? -1 : this.lift(b);
    const inputs = lb < 0 ? [la] : [la, lb], shapes = inputs.map((x) => this.shape(x));
    return this.tensorNode(code, inputs, aux, tensorRules[code].shape(shapes, aux, to), shapes);
  }

  /**
   * Append tensor node `code` of the given shape on inputs (tensor nodes, or a FromScalars node's elements) whose
   * shapes are `shapes`. With a budget, its cost and its buffer are checked first: nothing is allocated or run past it.
   */
  protected tensorNode(code: number, inputs: readonly number[], aux: number, shape: Shape, shapes: readonly Shape[]): number {
    const b = this.budget;
    if (b !== undefined) {
      b.work(tensorRules[code].cost(shapes, shape), opName[code]);
      b.allocate(sizeOf(shape), opName[code]);
    }
    const i = this.open(code, aux, inputs.length), s = this.edges;
    let needs = code === Op.FromScalars ? 1 : 0;
    for (let k = 0; k < inputs.length; k++) {
      this.in[s + k] = inputs[k];
      this.local[s + k] = NaN;
      if (needs === 0) needs = this.slots.needs[this.ten[inputs[k]]];
    }
    this.close(i, s + inputs.length);
    this.attach(i, shape, noGrad[code] === 1 ? 0 : needs);
    tensorRules[code].forward(this, i);
    this.mirror(i);
    return i;
  }

  /** Node a as a tensor node: a scalar node is lifted into a rank-0 tensor first. */
  protected lift(a: number): number {
    if (this.isTensor(a)) return a;
    if (!(Number.isInteger(a) && a >= 0 && a < this.n)) throw new RangeError(`no node ${a} (tape has ${this.n})`);
    return this.tensorNode(Op.FromScalars, [a], 0, SCALAR, ONE_SCALAR);
  }

  protected slotOf(i: number): number {
    const k = i >= 0 && i < this.n ? this.ten[i] : -1;
    if (k < 0) throw new RangeError(`node ${i} is not a tensor`);
    return k;
  }

  /** Mark node i special (a tensor or an item): it is the last node, so the list stays sorted. */
  protected markSpecial(i: number): void {
    if (this.specials === this.special.length) {
      const s = new Int32Array(2 * this.special.length);
      s.set(this.special);
      this.special = s;
    }
    this.special[this.specials++] = i;
  }

  /** The scalar arrays hold a one-element tensor's value, so `tape.value(loss)` works for a tensor loss. */
  protected mirror(i: number): void {
    const v = this.slots.vals[this.ten[i]];
    this.val[i] = v.length === 1 ? v[0] : 0;
  }

  /** Forget the special nodes from index j of the list on (their tensor slots too). */
  protected dropSpecials(j: number): void {
    let slot = -1;
    for (let q = this.specials - 1; q >= j; q--) {
      const i = this.special[q];
      if (this.ten[i] >= 0) {
        slot = this.ten[i];
        this.ten[i] = -1;
      }
    }
    this.specials = j;
    if (slot >= 0) this.slots.truncate(slot);
  }

  private attach(i: number, shape: Shape, needs: number): void {
    this.ten[i] = this.slots.alloc(shape, needs);
    this.markSpecial(i);
  }
}
