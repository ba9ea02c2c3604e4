// Runs anywhere: Python's values beside numbers: tuples (arrays marked immutable), dictionaries (keys by value),
// ints vs floats (a float whose value is integral is boxed as a constant node, so it prints as `2.0`), iteration,
// item access with negative indexes, and assignment by Python's scoping (`global`/`nonlocal`).
import { Op } from "../engine";
import { evalExpr } from "./expressions";
import type { Interp, Scope } from "./interp";
import { tensorRows } from "./tensors";
import type { ObjectLit, Span, Unpack } from "./tree";
import { Num, Obj, Tensor, isNumber, typeName, type Value } from "./values";

const tuples = new WeakSet<Value[]>();

/** Mark an array as a Python tuple. */
export function tuple(items: Value[]): Value[] {
  tuples.add(items);
  return items;
}

export function isTuple(v: Value): boolean {
  return Array.isArray(v) && tuples.has(v);
}

/** A Python dict: values in props under an encoded key (a string key is itself), the keys as written in `keys`. */
export class PyDict extends Obj {
  readonly keys = new Map<string, Value>();
  get(ip: Interp, k: Value, site: Span): Value | undefined {
    return this.props.get(dictKey(ip, k, site));
  }
  set(ip: Interp, k: Value, v: Value, site: Span): void {
    const key = dictKey(ip, k, site);
    if (!this.keys.has(key)) this.keys.set(key, k);
    this.props.set(key, v);
  }
  delete(ip: Interp, k: Value, site: Span): boolean {
    const key = dictKey(ip, k, site);
    this.keys.delete(key);
    return this.props.delete(key);
  }
  /** `self.update(other)`: other's entries in its order (`dict(d)`, `{**d}`, `d.copy()`). */
  update(ip: Interp, other: PyDict, site: Span): void {
    for (const [key, k] of other.keys) this.set(ip, k, other.props.get(key), site);
  }
}

const ids = new WeakMap<object, number>();
let lastId = 0;

/** A dict key's identity: strings as themselves, numbers by value (`1 == 1.0 == True`), tuples by their items. */
export function dictKey(ip: Interp, k: Value, site: Span): string {
  if (typeof k === "string") return k;
  if (typeof k === "boolean") return `\u0000${k ? 1 : 0}`;
  if (isNumber(k)) return `\u0000${constant(ip, k)}`;
  if (k === null) return "\u0000None";
  if (Array.isArray(k) && isTuple(k)) return `\u0000(${k.map((x) => dictKey(ip, x, site)).join("\u0001")})`;
  if (k instanceof Obj && !(k instanceof PyDict)) {
    if (!ids.has(k)) ids.set(k, ++lastId);
    return `\u0000#${ids.get(k)}`;
  }
  throw ip.error(`unhashable type: '${pyTypeName(k)}'`, site);
}

/** Python's name of a value's type (for messages). */
export function pyTypeName(v: Value): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (v instanceof Num) return "float";
  if (isTuple(v)) return "tuple";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyDict) return "dict";
  return typeName(v);
}

/** A float's value as a Python float: integral floats become constant nodes (they print as `2.0`). */
export function pyFloat(ip: Interp, x: number): number | Num {
  return Number.isInteger(x) ? ip.num(ip.tape.const(x)) : x;
}

/** Whether v is a Python float (a graph value, a boxed integral float, or a number with a fraction, inf or nan). */
export function isFloat(v: Value): boolean {
  return v instanceof Num || (typeof v === "number" && !Number.isInteger(v));
}

/** A number's constant value (a boxed float's, a foreign tape's value too), or undefined for a graph value. */
export function constantOf(ip: Interp, v: number | Num): number | undefined {
  if (typeof v === "number") return v;
  return v.tape !== ip.tape || v.tape.op[v.node] === Op.Const ? v.value : undefined;
}

/** A number's plain value: its constant, else (a graph value) ip.plain's. */
export function constant(ip: Interp, v: number | Num): number {
  return constantOf(ip, v) ?? ip.plain(v);
}

/** The program's scope (where `global` names live, and names a selection assigns are declared). */
export function programScope(ip: Interp): Scope {
  let s = ip.scope;
  while (s.parent !== undefined && s.parent !== ip.global) s = s.parent;
  return s;
}

/** `name = v` by Python's rules: local to the function running, unless declared `global` or `nonlocal` there. */
export function assignPyName(ip: Interp, name: string, v: Value): void {
  const s = ip.scope;
  if (s.globals?.has(name) === true) return programScope(ip).declare(name, v, false);
  if (s.nonlocals?.has(name) === true) {
    const b = s.parent?.lookup(name);
    if (b !== undefined) {
      b.value = v;
      return;
    }
  }
  s.declare(name, v, false);
}

/** A Python index (negative counts from the end) into a sequence of length n. */
export function pyIndex(ip: Interp, k: Value, n: number, site: Span, what = "list"): number {
  if (typeof k === "boolean") k = k ? 1 : 0;
  if (!isNumber(k)) throw ip.error(`${what} indices must be integers, not ${pyTypeName(k)}`, site);
  const i0 = constant(ip, k);
  if (!Number.isInteger(i0) || isFloat(k)) throw ip.error(`${what} indices must be integers, not float`, site);
  const i = i0 < 0 ? i0 + n : i0;
  if (i < 0 || i >= n) throw ip.error(`${what} index out of range (index ${i0}, length ${n})`, site);
  return i;
}

/** `o[k]` in Python: lists, tuples and strings by index, dicts by key, tensors by row. */
export function getItem(ip: Interp, o: Value, k: Value, site: Span): Value {
  if (Array.isArray(o)) return o[pyIndex(ip, k, o.length, site, isTuple(o) ? "tuple" : "list")];
  if (typeof o === "string") return o[pyIndex(ip, k, o.length, site, "string")];
  if (o instanceof PyDict) {
    const v = o.get(ip, k, site);
    if (v === undefined && !o.props.has(dictKey(ip, k, site))) throw ip.error(`KeyError: ${typeof k === "string" ? `'${k}'` : String(isNumber(k) ? constant(ip, k) : k)}`, site);
    return v;
  }
  return undefined;
}

/** `o[k] = v` in Python. */
export function setItem(ip: Interp, o: Value, k: Value, v: Value, site: Span): void {
  if (isTuple(o)) throw ip.error("'tuple' object does not support item assignment", site);
  if (Array.isArray(o)) {
    o[pyIndex(ip, k, o.length, site)] = v;
    return;
  }
  if (o instanceof PyDict) return o.set(ip, k, v, site);
  if (o instanceof Obj && typeof k === "string") {
    o.props.set(k, v);
    return;
  }
  if (o instanceof Tensor) throw ip.error("tensors are immutable: build a new one (e.g. with `tensor(...)` or arithmetic)", site);
  throw ip.error(`'${pyTypeName(o)}' object does not support item assignment`, site);
}

/** The values an unpacking assigns, one per element (a starred one gets a list). */
export function unpackValues(ip: Interp, target: Unpack, v: Value): Value[] {
  const items = iterate(ip, v, target, "cannot unpack");
  const n = target.elements.length, star = target.elements.findIndex((e) => e?.starred === true);
  if (star < 0) {
    if (ip.lang === "py" && items.length !== n) {
      throw ip.error(items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`, target);
    }
    return items;
  }
  const after = n - star - 1;
  if (items.length < n - 1) throw ip.error(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`, target);
  return [...items.slice(0, star), items.slice(star, items.length - after), ...items.slice(items.length - after)];
}

/** The items a loop or an unpacking walks: an array's elements, a tensor's rows; Python's strings and dict keys. */
export function iterate(ip: Interp, v: Value, site: Span, what: string): Value[] {
  // A tensor iterates over its rows (its elements, for a vector), as in NumPy and PyTorch.
  if (v instanceof Tensor) return tensorRows(ip, v, site);
  if (Array.isArray(v)) return v;
  if (ip.lang === "py") {
    if (typeof v === "string") return [...v];
    if (v instanceof PyDict) return [...v.keys.values()];
    throw ip.error(`'${pyTypeName(v)}' object is not iterable`, site);
  }
  throw ip.error(`${what}, got ${typeName(v)}`, site);
}

/** `{k: v, **d}`. */
export function pyDict(ip: Interp, n: ObjectLit): PyDict {
  const d = new PyDict();
  ip.allocate(n.entries.length, n);
  for (const e of n.entries) {
    if (e.kind === "spread") {
      const v = evalExpr(ip, e.value);
      if (!(v instanceof PyDict)) throw ip.error(`'${pyTypeName(v)}' object is not a mapping`, e.span);
      d.update(ip, v, e.span);
      continue;
    }
    const k = typeof e.key === "string" ? e.key : evalExpr(ip, e.key);
    d.set(ip, k, evalExpr(ip, e.value), e.keySpan);
  }
  return d;
}
