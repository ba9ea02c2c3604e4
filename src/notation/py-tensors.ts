// Runs anywhere: NumPy's and PyTorch's ways over the notation's tensors in Python files: int arrays (an array made
// from ints stays an int array through `+ - * @`, transposes and sums, and prints without points), `@` with a vector
// on either side (a [n] vector is a column on the right, a row on the left, and the result drops that axis), NumPy's
// printing of arrays, and slicing (not yet).
import type { Interp } from "./interp";
import { npArrayStr } from "./python/nparray";
import { matmul, wrap } from "./tensors";
import type { ArithOp, Slice, Span } from "./tree";
import { Tensor, type Value } from "./values";

/** Tensor nodes (of the tape they are on) that hold NumPy int arrays. */
const ints = new WeakMap<object, Set<number>>();

export function markInt(t: Tensor): Tensor {
  let set = ints.get(t.tape);
  if (set === undefined) ints.set(t.tape, (set = new Set()));
  set.add(t.node);
  return t;
}

export function isIntTensor(t: Tensor): boolean {
  return ints.get(t.tape)?.has(t.node) === true;
}

/** An int operand: an int tensor, a plain int, an array of ints. */
function intLike(v: Value): boolean {
  if (v instanceof Tensor) return isIntTensor(v);
  if (typeof v === "number") return Number.isInteger(v);
  if (typeof v === "boolean") return true;
  return Array.isArray(v) && v.every(intLike);
}

/** A tensor result of `a op b` keeps NumPy's int dtype when both operands are ints and op keeps ints. */
export function tensorResult(op: ArithOp | "T" | "sum", r: Value, a: Value, b: Value = 0): Value {
  if (r instanceof Tensor && ["+", "-", "*", "@", "//", "mod", "T", "sum"].includes(op) && intLike(a) && intLike(b)) markInt(r);
  return r;
}

/** `a @ b` with NumPy's vector rules. */
export function pyMatmul(ip: Interp, a: Value, b: Value, site: Span): Value {
  const rank = (v: Value) => (v instanceof Tensor ? v.shape.length : 2);
  const av = rank(a) === 1 ? wrap(ip, ip.tape.reshape((a as Tensor).node, [1, (a as Tensor).shape[0]])) : a;
  const bv = rank(b) === 1 ? wrap(ip, ip.tape.reshape((b as Tensor).node, [(b as Tensor).shape[0], 1])) : b;
  let r: Tensor = matmul(ip, av, bv, site);
  if (rank(a) === 1 || rank(b) === 1) {
    const shape = r.shape.filter((_, k) => !((k === 0 && rank(a) === 1) || (k === 1 && rank(b) === 1)));
    r = wrap(ip, ip.tape.reshape(r.node, shape));
  }
  return tensorResult("@", r, a, b);
}

/** `print(a)`: NumPy's layout. */
export function tensorText(t: Tensor): string {
  const data = Array.from(t.tape.tensorValue(t.node));
  return npArrayStr(data, t.shape, isIntTensor(t) ? "int" : "float");
}

/** `a[1:3]`, `a[:, 0]`: not supported yet (rows by index are: `a[i]`). */
export function tensorSlice(ip: Interp, _t: Tensor, n: Slice): Value {
  throw ip.error("slicing a tensor is not supported yet (index its rows: `a[i]`)", n);
}

