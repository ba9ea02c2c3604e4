// Runs anywhere: tensor values in the notation. `tensor([[0, 1]])`, `matmul(a, b)`, `a.T`, `a.sum(0)` and friends
// record tensor nodes on the interpreter's tape (engine/tensors.ts); arithmetic, math functions, losses and
// `param` route here when a tensor is involved. Shape problems become positioned errors naming both shapes.
import type * as TS from "typescript";
import { tensor, tensorLosses, type LossName, type TensorLike } from "../engine";
import type { Interp } from "./interp";
import { Builtin, Num, Tensor, isNumber, typeName, type Value } from "./values";

type Site = TS.Node;

/** Run an engine call; its RangeError (a shape or index problem) becomes an error at the site. */
function guard<T>(ip: Interp, site: Site, f: () => T): T {
  try {
    return f();
  } catch (e) {
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

/** Nested arrays of numbers (rank 1 or 2) as a shape and elements; undefined when v is not such an array. */
function nested(v: Value): { shape: number[]; elems: (number | Num)[] } | undefined {
  if (!Array.isArray(v)) return undefined;
  if (v.length > 0 && v.every(Array.isArray)) {
    const rows = v as Value[][], m = rows[0].length, elems: (number | Num)[] = [];
    for (const r of rows) {
      if (r.length !== m || !r.every(isNumber)) return undefined;
      elems.push(...(r as (number | Num)[]));
    }
    return m === 0 ? undefined : { shape: [rows.length, m], elems };
  }
  return v.length > 0 && v.every(isNumber) ? { shape: [v.length], elems: v as (number | Num)[] } : undefined;
}

/** A value as a tensor node of this tape: tensors, numbers (rank 0) and nested arrays of numbers. */
export function tensorNode(ip: Interp, v: Value, who: string, site: Site): number {
  const T = ip.tape.tensors;
  if (v instanceof Tensor) {
    if (v.tape === ip.tape) return v.node;
    return T.constant(v.tape.tensors.data(v.node));
  }
  if (typeof v === "number") return T.constant(v);
  if (v instanceof Num) return ip.node(v);
  const n = nested(v);
  if (n === undefined) {
    throw ip.error(`\`${who}\` expects a tensor, a number or a list of equal-length rows of numbers, got ${typeName(v)}`, site);
  }
  ip.at(site);
  if (n.elems.every((e) => typeof e === "number")) {
    return T.constant({ shape: n.shape as [number, number], data: Float64Array.from(n.elems as number[]) });
  }
  return guard(ip, site, () => T.fromScalars(n.shape as [number, number], n.elems.map((e) => ip.node(e))));
}

/** `tensor(x)`: a tensor from a number or nested arrays (elements may be graph values: gradients reach them). */
export function makeTensor(ip: Interp, v: Value, site: Site): Tensor {
  if (v instanceof Tensor) return v;
  const node = tensorNode(ip, v, "tensor", site), T = ip.tape.tensors;
  return named(ip, wrap(ip, T.isTensor(node) ? node : T.fromScalars([], [node])));
}

export type TensorArith = "+" | "-" | "*" | "/" | "%" | "**";

/** a op b where at least one side is a tensor (the other may be a number, a graph number or a nested array). */
export function tensorArith(ip: Interp, op: TensorArith, a: Value, b: Value, site: Site): Tensor {
  const T = ip.tape.tensors;
  if (op === "%") throw ip.error("`%` is not supported on tensors", site);
  if (op === "**") {
    if (!(a instanceof Tensor)) throw ip.error("`**` with a tensor exponent is not supported (use a number)", site);
    if (typeof b !== "number") throw ip.error(`a tensor's exponent must be a plain number, got ${typeName(b)}`, site);
    ip.at(site);
    return wrap(ip, guard(ip, site, () => T.pow(tensorNode(ip, a, "**", site), b)));
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
  return wrap(ip, ip.tape.tensors.neg(tensorNode(ip, a, "-", site)));
}

const UNARY: Record<string, (T: Interp["tape"]["tensors"], a: number) => number> = {
  exp: (T, a) => T.exp(a),
  log: (T, a) => T.log(a),
  tanh: (T, a) => T.tanh(a),
  sigmoid: (T, a) => T.sigmoid(a),
  relu: (T, a) => T.relu(a),
  sqrt: (T, a) => T.pow(a, 0.5),
  neg: (T, a) => T.neg(a),
};

/** `exp(a)`, `Math.tanh(a)`, `a.sigmoid()` on a tensor: elementwise. */
export function tensorUnary(ip: Interp, name: string, a: Tensor, site: Site): Tensor {
  const f = UNARY[name];
  if (f === undefined) {
    throw ip.error(`\`${name}\` is not supported on tensors (supported: ${Object.keys(UNARY).join(", ")})`, site);
  }
  ip.at(site);
  return wrap(ip, f(ip.tape.tensors, tensorNode(ip, a, name, site)));
}

function axisArg(ip: Interp, v: Value, who: string, site: Site): 0 | 1 | undefined {
  if (v === undefined || v === null) return undefined;
  const k = isNumber(v) ? ip.plain(v) : NaN;
  if (k === 0 || k === 1) return k;
  if (k === -1) return 1;
  throw ip.error(`\`${who}\`: axis must be 0, 1 or -1, got ${typeof v === "number" ? v : typeName(v)}`, site);
}

export function matmul(ip: Interp, a: Value, b: Value, site: Site): Tensor {
  const x = tensorNode(ip, a, "matmul", site), y = tensorNode(ip, b, "matmul", site);
  const T = ip.tape.tensors;
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
  return wrap(ip, ip.tape.tensors.transpose(x));
}

export function reduce(ip: Interp, kind: "sum" | "mean", a: Value, axis: Value, site: Site): Tensor {
  const x = tensorNode(ip, a, kind, site), ax = axisArg(ip, axis, kind, site);
  ip.at(site);
  const T = ip.tape.tensors;
  return wrap(ip, guard(ip, site, () => (kind === "sum" ? T.sum(x, ax) : T.mean(x, ax))));
}

function shapeArgs(ip: Interp, args: Value[], who: string, site: Site): number[] {
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
  return wrap(ip, guard(ip, site, () => ip.tape.tensors.reshape(x, shape)));
}

/** `a[i]`: row i of a matrix, element i of a vector (a rank-0 tensor). */
export function row(ip: Interp, a: Tensor, k: Value, site: Site): Tensor {
  const i = isNumber(k) ? ip.plain(k) : NaN;
  ip.at(site);
  return wrap(ip, guard(ip, site, () => ip.tape.tensors.row(a.node, i)));
}

/** A constant tensor of the given shape from a generator (zeros, ones, random). */
export function filled(ip: Interp, args: Value[], who: string, site: Site, f: () => number): Tensor {
  const shape = shapeArgs(ip, args, who, site);
  if (shape.length > 2) throw ip.error(`\`${who}\`: shape [${shape.join(",")}] has rank ${shape.length}; tensors have rank 0 to 2`, site);
  const size = shape.reduce((p, d) => p * d, 1), data = new Float64Array(size);
  for (let k = 0; k < size; k++) data[k] = f();
  ip.at(site);
  return named(ip, wrap(ip, ip.tape.tensors.constant({ shape: shape as [number, number], data })));
}

/** A 0/1 mask (no gradient: a step function's derivative is 0 almost everywhere), e.g. seed 002's `inp > 0`. */
function mask(ip: Interp, a: Tensor, other: Value, cmp: (x: number, y: number) => boolean, who: string, site: Site): Tensor {
  const y = isNumber(other) ? ip.plain(other) : NaN;
  if (Number.isNaN(y)) throw ip.error(`\`${who}\` compares with a number, got ${typeName(other)}`, site);
  ip.controlOnValues = true;
  const T = ip.tape.tensors, v = T.value(a.node);
  const data = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) data[k] = cmp(v[k], y) ? 1 : 0;
  ip.at(site);
  return wrap(ip, T.constant({ shape: T.shape(a.node), data }));
}

/** Element values as nested plain arrays (for `.tolist()`, hovers, messages). */
export function toNestedValues(t: Tensor): number | number[] | number[][] {
  const v = t.tape.tensors.value(t.node), s = t.shape;
  if (s.length === 0) return v[0];
  if (s.length === 1) return Array.from(v);
  return Array.from({ length: s[0] }, (_, r) => Array.from(v.subarray(r * s[1], (r + 1) * s[1])));
}

/** Attributes the interpreter owns; a file may set any other (`inp.g = …`). */
export const TENSOR_MEMBERS = new Set([
  "T", "shape", "length", "t", "matmul", "mm", "dot", "sum", "mean", "pow", "exp", "log", "tanh", "sigmoid", "relu",
  "sqrt", "neg", "reshape", "view", "item", "add", "sub", "mul", "div", "gt", "lt", "clampMin", "clamp_min",
  "squeeze", "unsqueeze", "tolist", "row", "float",
]);

/** `a.T`, `a.shape`, `a.matmul(b)`, `a.sum(0)`, `a.g` and the rest. */
export function tensorMember(ip: Interp, a: Tensor, name: string, site: Site): Value {
  const m = (n: string, min: number, max: number, impl: (ip2: Interp, args: Value[], s: Site) => Value) =>
    new Builtin(n, impl, min, max);
  switch (name) {
    case "T": return transpose(ip, a, site);
    case "shape": return [...a.shape];
    case "length": return a.shape.length === 0 ? 1 : a.shape[0];
    case "t": return m("t", 0, 0, (ip2, _x, s) => transpose(ip2, a, s));
    case "matmul": case "mm": case "dot": return m(name, 1, 1, (ip2, [b], s) => matmul(ip2, a, b, s));
    case "sum": case "mean": return m(name, 0, 1, (ip2, [ax], s) => reduce(ip2, name, a, ax, s));
    case "pow": return m("pow", 1, 1, (ip2, [k], s) => tensorArith(ip2, "**", a, k, s));
    case "exp": case "log": case "tanh": case "sigmoid": case "relu": case "sqrt": case "neg":
      return m(name, 0, 0, (ip2, _x, s) => tensorUnary(ip2, name, a, s));
    case "add": case "sub": case "mul": case "div": {
      const op = ({ add: "+", sub: "-", mul: "*", div: "/" } as const)[name];
      return m(name, 1, 1, (ip2, [b], s) => tensorArith(ip2, op, a, b, s));
    }
    case "reshape": case "view": return m(name, 1, 2, (ip2, dims, s) => reshape(ip2, a, dims, s));
    case "squeeze": return m("squeeze", 0, 1, (ip2, _x, s) => reshape(ip2, a, a.shape.filter((d) => d !== 1).length > 0
      ? a.shape.filter((d) => d !== 1) : [], s));
    case "unsqueeze": return m("unsqueeze", 1, 1, (ip2, [ax], s) => {
      const k = isNumber(ax) ? ip2.plain(ax) : NaN, sh = a.shape;
      if (sh.length !== 1) throw ip2.error(`\`unsqueeze\` needs a vector, got shape [${sh.join(",")}]`, s);
      return reshape(ip2, a, k === 0 ? [1, sh[0]] : [sh[0], 1], s);
    });
    case "item": return m("item", 0, 0, (ip2, _x, s) => {
      if (a.size !== 1) throw ip2.error(`\`item\` needs a one-element tensor, got shape [${a.shape.join(",")}]`, s);
      ip2.at(s);
      return ip2.num(ip2.tape.tensors.item(tensorNode(ip2, a, "item", s)));
    });
    case "row": return m("row", 1, 1, (ip2, [k], s) => row(ip2, a, k, s));
    case "gt": return m("gt", 1, 1, (ip2, [y], s) => mask(ip2, a, y, (p, q) => p > q, "gt", s));
    case "lt": return m("lt", 1, 1, (ip2, [y], s) => mask(ip2, a, y, (p, q) => p < q, "lt", s));
    case "float": return m("float", 0, 0, () => a);
    case "clampMin": case "clamp_min": return m(name, 1, 1, (ip2, [c], s) => {
      const k = isNumber(c) ? ip2.plain(c) : NaN;
      if (k === 0) return tensorUnary(ip2, "relu", a, s);
      return tensorArith(ip2, "+", tensorUnary(ip2, "relu", tensorArith(ip2, "-", a, k, s), s), k, s);
    });
    case "tolist": return m("tolist", 0, 0, () => toNestedValues(a));
    default:
      if (a.props.has(name)) return a.props.get(name);
      return undefined;
  }
}

/** The losses on tensors: prediction and target must have the same shape (a target array is read as a tensor). */
export function tensorLoss(ip: Interp, name: LossName, pred: Value, target: Value, site: Site): Tensor {
  const p = tensorNode(ip, pred, name, site), y = tensorNode(ip, target, name, site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => tensorLosses[name](ip.tape.tensors, p, y)));
}

/** `param(t)` of a tensor (or nested array): one trainable tensor leaf, one store slot per element. */
export function tensorParam(ip: Interp, v: Value, label: string, site: Site): Tensor {
  const T = ip.tape.tensors;
  const init = v instanceof Tensor ? v.tape.tensors.data(v.node) : undefined;
  const n = init === undefined ? nested(v) : undefined;
  let data: TensorLike;
  if (init !== undefined) data = init;
  else if (n !== undefined) data = { shape: n.shape as [number, number], data: Float64Array.from(n.elems, (e) => (typeof e === "number" ? e : e.value)) };
  else throw ip.error(`\`param\` expects a number or a tensor as its initial value, got ${typeName(v)}`, site);
  const d = guard(ip, site, () => tensor(data));
  const shape = d.shape, cols = shape.length === 2 ? shape[1] : shape.length === 1 ? shape[0] : 1;
  const slot = ip.store.addTensor(d.data, label, cols, shape.length);
  const from = ip.valuesFrom;
  for (let k = 0; k < d.data.length; k++) {
    if (from !== undefined && slot + k < from.size) ip.store.values[slot + k] = from.values[slot + k];
  }
  ip.at(site);
  const node = T.param({ shape, data: ip.store.values.slice(slot, slot + d.data.length) }, label, slot);
  ip.params.push({ name: label, slot, node });
  return wrap(ip, node);
}

/** One-element tensors read as numbers where a number is needed (targets, comparisons, `if`). */
export function asNumber(ip: Interp, v: Value): Value {
  if (v instanceof Tensor && v.size === 1 && v.tape === ip.tape) return ip.num(v.node);
  return v;
}

/** `t.g = …`: a file's own attribute on a tensor; the interpreter's members cannot be overwritten. */
export function setTensorAttribute(ip: Interp, t: Tensor, name: string, v: Value, site: Site): void {
  if (TENSOR_MEMBERS.has(name)) throw ip.error(`cannot set \`${name}\` of a tensor`, site);
  t.props.set(name, v);
}

function fn(name: string, impl: Builtin["impl"], min: number, max = min): [string, Builtin] {
  return [name, new Builtin(name, impl, min, max)];
}

/** Random tensors from the file's seeded generator: `randn([r, c])`, `torch.randn(r, c)`. */
export function randomTensor(ip: Interp, dims: Value[], normal: boolean, who: string, site: Site): Tensor {
  return filled(ip, dims, who, site, () => (normal ? ip.rng.normal() : ip.rng.uniform()));
}

/** Global tensor functions. */
export function tensorGlobals(): [string, Builtin][] {
  return [
    fn("tensor", (ip, [x], s) => makeTensor(ip, x, s), 1),
    fn("matmul", (ip, [a, b], s) => matmul(ip, a, b, s), 2),
    fn("transpose", (ip, [a], s) => transpose(ip, a, s), 1),
    fn("sum", (ip, [a, ax], s) => reduce(ip, "sum", a, ax, s), 1, 2),
    fn("mean", (ip, [a, ax], s) => reduce(ip, "mean", a, ax, s), 1, 2),
    fn("reshape", (ip, [a, ...dims], s) => reshape(ip, a, dims, s), 2, 3),
    fn("zeros", (ip, dims, s) => filled(ip, dims, "zeros", s, () => 0), 1, 2),
    fn("ones", (ip, dims, s) => filled(ip, dims, "ones", s, () => 1), 1, 2),
  ];
}

/** Tensor spellings under `torch` and `np` (PyTorch's and NumPy's names), so pasted code reads. */
export function tensorNamespace(ns: string): [string, Value][] {
  const common: [string, Value][] = [
    ...tensorGlobals().filter(([k]) => k !== "tensor"),
    fn("randn", (ip, dims, s) => randomTensor(ip, dims, true, `${ns}.randn`, s), 1, 2),
    fn("rand", (ip, dims, s) => randomTensor(ip, dims, false, `${ns}.rand`, s), 1, 2),
  ];
  if (ns === "torch") {
    return [...common, fn("tensor", (ip, [x], s) => makeTensor(ip, x, s), 1), fn("mm", (ip, [a, b], s) => matmul(ip, a, b, s), 2),
      fn("t", (ip, [a], s) => transpose(ip, a, s), 1)];
  }
  if (ns === "np") {
    return [...common, fn("array", (ip, [x], s) => makeTensor(ip, x, s), 1), fn("dot", (ip, [a, b], s) => matmul(ip, a, b, s), 2)];
  }
  return [];
}
