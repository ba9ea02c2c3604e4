// Runs anywhere: tensor values in the notation. `tensor([[0, 1]])`, `matmul(a, b)`, `a.T`, `a.sum(0)` and friends
// record tensor nodes on the interpreter's tape; arithmetic, math functions, losses and
// `param` route here when a tensor is involved. Shape problems become positioned errors naming both shapes.
import type { Span } from "./tree";
import { BudgetError, MAX_RANK, sizeOf, tensor, tensorLosses, type LossName, type Tape, type TensorLike } from "../engine";
import type { Interp } from "./interp";
import { Num, Tensor, isNumber, typeName, type Value } from "./values";

export type Site = Span;

/** A param slot holds its value, its gradient and its name: it counts as this many elements against the budget. */
export const PARAM_SLOT_ELEMENTS = 8;

/** Run an engine call; its RangeError (a shape or index problem) or budget error becomes an error at the site. */
export function guard<T>(ip: Interp, site: Site, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof BudgetError) throw ip.overBudget(e, site);
    if (e instanceof RangeError) throw ip.error(e.message, site);
    throw e;
  }
}

export function wrap(ip: Interp, node: number): Tensor {
  return new Tensor(ip.tape, node);
}

/** A new leaf tensor takes the name it is bound to (`const X = tensor(…)` draws as X), like params do. */
function named(ip: Interp, t: Tensor): Tensor {
  if (ip.namePath !== undefined && !ip.tape.names.has(t.node)) ip.tape.setName(t.node, ip.namePath);
  return t;
}

/** Nested arrays of numbers (rank 1 to 3) as a shape and elements; undefined when v is not such an array. */
function nested(ip: Interp, v: Value, site: Site): { shape: number[]; elems: (number | Num)[] } | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  // The shape read down the first elements, then every element checked against it (no recursion: a shape has 3 axes).
  const shape: number[] = [];
  for (let x: Value = v; Array.isArray(x); x = x[0]) {
    if (x.length === 0 || shape.length === MAX_RANK) return undefined;
    shape.push(x.length);
  }
  // A list of rows is copied into one: its elements are counted (a flat list is used as it is).
  if (shape.length > 1) ip.allocate(shape.reduce((p, d) => p * d, 1), site);
  const elems: (number | Num)[] = [];
  let level: Value[] = [v];
  for (let d = 0; d < shape.length; d++) {
    const next: Value[] = [];
    for (const x of level) {
      if (!Array.isArray(x) || x.length !== shape[d]) return undefined;
      for (const y of x) next.push(y);
    }
    level = next;
  }
  for (const e of level) {
    if (!isNumber(e)) return undefined;
    elems.push(e);
  }
  return { shape, elems };
}

/** A value as a tensor node of this tape: tensors, numbers (rank 0) and nested arrays of numbers. */
export function tensorNode(ip: Interp, v: Value, who: string, site: Site): number {
  const T = ip.tape;
  if (v instanceof Tensor) {
    if (v.tape === ip.tape) return v.node;
    // Another tape's tensor (a gradient check's scratch) comes in as a copy, counted before it is made.
    return guard(ip, site, () => {
      T.budget?.require(v.size, who);
      return T.tensorConst(v.tape.tensorData(v.node));
    });
  }
  if (typeof v === "number") return T.tensorConst(v);
  if (v instanceof Num) return ip.node(v);
  const n = nested(ip, v, site);
  if (n === undefined) {
    throw ip.error(`\`${who}\` expects a tensor, a number or a list of equal-length rows of numbers, got ${typeName(v)}`, site);
  }
  ip.at(site);
  if (n.elems.every((e) => typeof e === "number")) {
    return guard(ip, site, () => {
      T.budget?.require(n.elems.length, "tensor");
      return T.tensorConst({ shape: n.shape, data: Float64Array.from(n.elems as number[]) });
    });
  }
  return guard(ip, site, () => T.fromScalars(n.shape, n.elems.map((e) => ip.node(e))));
}

/** `tensor(x)`: a tensor from a number or nested arrays (elements may be graph values: gradients reach them). */
export function makeTensor(ip: Interp, v: Value, site: Site): Tensor {
  if (v instanceof Tensor) return v;
  const node = tensorNode(ip, v, "tensor", site), T = ip.tape;
  return named(ip, wrap(ip, T.isTensor(node) ? node : T.fromScalars([], [node])));
}

export type TensorArith = "+" | "-" | "*" | "/" | "%" | "**";

/** a op b where at least one side is a tensor (the other may be a number, a graph number or a nested array). */
export function tensorArith(ip: Interp, op: TensorArith, a: Value, b: Value, site: Site): Tensor {
  const T = ip.tape;
  if (op === "%") throw ip.error("`%` is not supported on tensors", site);
  if (op === "**") {
    if (!(a instanceof Tensor)) throw ip.error("`**` with a tensor exponent is not supported (use a number)", site);
    if (typeof b !== "number") throw ip.error(`a tensor's exponent must be a plain number, got ${typeName(b)}`, site);
    ip.at(site);
    return wrap(ip, guard(ip, site, () => T.powConst(tensorNode(ip, a, "**", site), b)));
  }
  const x = tensorNode(ip, a, op, site), y = tensorNode(ip, b, op, site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => {
    switch (op) {
      case "+": return T.add(x, y);
      case "-": return T.sub(x, y);
      case "*": return T.mul(x, y);
      case "/": return T.div(x, y);
    }
  }));
}

export function tensorNegate(ip: Interp, a: Tensor, site: Site): Tensor {
  ip.at(site);
  return wrap(ip, guard(ip, site, () => ip.tape.neg(tensorNode(ip, a, "-", site))));
}

const UNARY: Record<string, (T: Interp["tape"], a: number) => number> = {
  exp: (T, a) => T.exp(a),
  log: (T, a) => T.log(a),
  tanh: (T, a) => T.tanh(a),
  sigmoid: (T, a) => T.sigmoid(a),
  relu: (T, a) => T.relu(a),
  abs: (T, a) => T.abs(a),
  sin: (T, a) => T.sin(a),
  cos: (T, a) => T.cos(a),
  tan: (T, a) => T.tan(a),
  sqrt: (T, a) => T.powConst(a, 0.5),
  neg: (T, a) => T.neg(a),
};

/** `exp(a)`, `Math.tanh(a)`, `a.sigmoid()` on a tensor: elementwise. */
export function tensorUnary(ip: Interp, name: string, a: Tensor, site: Site): Tensor {
  const f = UNARY[name];
  if (f === undefined) {
    throw ip.error(`\`${name}\` is not supported on tensors (supported: ${Object.keys(UNARY).join(", ")})`, site);
  }
  ip.at(site);
  return wrap(ip, guard(ip, site, () => f(ip.tape, tensorNode(ip, a, name, site))));
}

/**
 * An axis argument: an integer, negative counting from the last (the engine names an axis the tensor lacks), or
 * undefined (absent, null) for all elements.
 */
export function axisValue(ip: Interp, v: Value, who: string, site: Site): number | undefined {
  if (v === undefined || v === null) return undefined;
  const k = isNumber(v) ? ip.plain(v) : NaN;
  if (Number.isInteger(k)) return k;
  throw ip.error(`\`${who}\`: an axis must be an integer, got ${typeof v === "number" ? v : typeName(v)}`, site);
}

/** A tensor op of one tensor and an optional axis (reductions, softmax). */
export function alongAxis(ip: Interp, who: string, a: Value, axis: Value, site: Site, rec: (T: Tape, x: number, ax: number | undefined) => number): Tensor {
  const x = tensorNode(ip, a, who, site), ax = axisValue(ip, axis, who, site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => rec(ip.tape, x, ax)));
}

export function matmul(ip: Interp, a: Value, b: Value, site: Site): Tensor {
  const x = tensorNode(ip, a, "matmul", site), y = tensorNode(ip, b, "matmul", site);
  const T = ip.tape;
  if (T.shape(x).length === 0 || T.shape(y).length === 0) {
    // The likely slip: `randn(2, 3)` is one number (mean 2, std 3); a random matrix is `randn([2, 3])`.
    throw ip.error(`matmul: shapes [${T.shape(x).join(",")}] and [${T.shape(y).join(",")}] do not align: one side is a ` +
      "number, not a matrix (a random matrix is `randn([rows, cols])`; `randn(mean, std)` is one number)", site);
  }
  ip.at(site);
  return wrap(ip, guard(ip, site, () => T.matmul(x, y)));
}

export function transpose(ip: Interp, a: Value, site: Site): Tensor {
  const x = tensorNode(ip, a, "transpose", site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => ip.tape.transpose(x)));
}

export function reduce(ip: Interp, kind: "sum" | "mean", a: Value, axis: Value, site: Site): Tensor {
  return alongAxis(ip, kind, a, axis, site, (T, x, ax) => (kind === "sum" ? T.sum(x, ax) : T.mean(x, ax)));
}

export function shapeArgs(ip: Interp, args: Value[], who: string, site: Site): number[] {
  const dims = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  return dims.map((d) => {
    const k = isNumber(d) ? ip.plain(d) : NaN;
    if (!Number.isInteger(k) || k < 1) throw ip.error(`\`${who}\`: sizes must be positive integers, got ${typeName(d)} ${String(k)}`, site);
    return k;
  });
}

export function reshape(ip: Interp, a: Value, dims: Value[], site: Site): Tensor {
  const x = tensorNode(ip, a, "reshape", site), shape = shapeArgs(ip, dims, "reshape", site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => ip.tape.reshape(x, shape)));
}

/** `a[i]`: row i of a matrix, element i of a vector (a rank-0 tensor). */
export function row(ip: Interp, a: Tensor, k: Value, site: Site): Tensor {
  const i = isNumber(k) ? ip.plain(k) : NaN;
  ip.at(site);
  return wrap(ip, guard(ip, site, () => ip.tape.row(a.node, i)));
}

/** The rows of a matrix (the elements of a vector, as rank-0 tensors), for `for (const row of X)`. */
export function tensorRows(ip: Interp, a: Tensor, site: Site): Tensor[] {
  if (a.shape.length === 0) throw ip.error("cannot iterate over a one-element tensor (rank 0)", site);
  ip.allocate(a.shape[0], site);
  return Array.from({ length: a.shape[0] }, (_, i) => row(ip, a, i, site));
}

/** A constant tensor of the given shape from a generator (zeros, ones, random). */
export function filled(ip: Interp, args: Value[], who: string, site: Site, f: () => number): Tensor {
  const shape = shapeArgs(ip, args, who, site);
  if (shape.length > MAX_RANK) throw ip.error(`\`${who}\`: shape [${shape.join(",")}] has rank ${shape.length}; tensors have rank 0 to ${MAX_RANK}`, site);
  const size = sizeOf(shape);
  // Checked before the buffer exists: `zeros([20000, 20000])` never allocates its 3.2 GB.
  guard(ip, site, () => ip.tape.budget?.require(size, who));
  const data = new Float64Array(size);
  for (let k = 0; k < size; k++) data[k] = f();
  ip.at(site);
  return named(ip, wrap(ip, guard(ip, site, () => ip.tape.tensorConst({ shape, data }))));
}

/** The losses on tensors: prediction and target must have the same shape (a target array is read as a tensor). */
export function tensorLoss(ip: Interp, name: LossName, pred: Value, target: Value, site: Site): Tensor {
  const p = tensorNode(ip, pred, name, site), y = tensorNode(ip, target, name, site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => tensorLosses[name](ip.tape, p, y)));
}

/** `param(t)` of a tensor (or nested array): one trainable tensor leaf, one store slot per element. */
export function tensorParam(ip: Interp, v: Value, label: string, site: Site): Tensor {
  // Its slots are counted before any copy of its values is made.
  if (v instanceof Tensor) ip.allocate(PARAM_SLOT_ELEMENTS * v.size, site);
  const init = v instanceof Tensor ? v.tape.tensorData(v.node) : undefined;
  const n = init === undefined ? nested(ip, v, site) : undefined;
  if (n !== undefined) ip.allocate(PARAM_SLOT_ELEMENTS * n.elems.length, site);
  let data: TensorLike;
  if (init !== undefined) data = init;
  else if (n !== undefined) data = { shape: n.shape, data: Float64Array.from(n.elems, (e) => (typeof e === "number" ? e : e.value)) };
  else throw ip.error(`\`param\` expects a number or a tensor as its initial value, got ${typeName(v)}`, site);
  const d = guard(ip, site, () => tensor(data));
  const shape = d.shape, slot = ip.store.addTensor(d.data, label, shape);
  const from = ip.valuesFrom;
  for (let k = 0; k < d.data.length; k++) {
    if (from !== undefined && slot + k < from.size) ip.store.values[slot + k] = from.values[slot + k];
  }
  ip.at(site);
  const node = guard(ip, site, () => ip.tape.tensorParam({ shape, data: ip.store.values.slice(slot, slot + d.data.length) }, label, slot));
  ip.params.push({ name: label, slot, node });
  return wrap(ip, node);
}

/** One-element tensors read as numbers where a number is needed (targets, comparisons, `if`). */
export function asNumber(ip: Interp, v: Value): Value {
  if (v instanceof Tensor && v.size === 1 && v.tape === ip.tape) return ip.num(v.node);
  return v;
}
