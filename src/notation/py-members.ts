// Runs anywhere: Python's attributes and methods of built-in values: list methods (`append`, `extend`, `pop`, …),
// dict methods (`items`, `keys`, `values`, `get`, …), string methods (`join`, `split`, `format`, …), a method read
// as a value (bound to its object), and `o[k]` (a class's `__getitem__` too).
import { Op } from "../engine";
import { tensorResult } from "./py-tensors";
import { transpose } from "./tensors";
import { Closure } from "./calls";
import { ClassFn, Instance } from "./classes";
import type { Interp } from "./interp";
import { pyEquals, pyCompare } from "./py-arith";
import { pyFormat, pyStr } from "./py-print";
import { PyDict, constant, dictKey, getItem, isTuple, iterate, pyIndex, pyTypeName, tuple } from "./py-values";
import type { Span } from "./tree";
import { Builtin, Fn, Tensor, isNumber, type CallSite, type Value } from "./values";

/** A method read as a value (`f = obj.m`): calling it passes its object. */
export class BoundMethod extends Fn {
  constructor(readonly fn: Fn, readonly self: Value) {
    super(fn.name);
  }
  call(ip: Interp, args: Value[], site: CallSite, _self?: Value, kw?: Map<string, Value>): Value {
    return this.fn.call(ip, args, site, this.self, kw);
  }
}

const NOT_FOUND = Symbol("not found");

function method(name: string, impl: Builtin["impl"], min: number, max = min): Builtin {
  return new Builtin(name, impl, min, max);
}

/** `o.name` for Python's own values; NOT_FOUND hands over to the notation's members (tensors, namespaces). */
export function pyMember(ip: Interp, o: Value, name: string, site: Span): Value | typeof NOT_FOUND {
  if (o instanceof Instance) {
    if (o.props.has(name)) return o.props.get(name);
    const m = o.cls.method(name);
    if (m !== undefined) return m instanceof Closure && m.home !== undefined ? new BoundMethod(m, o) : m;
    const a = o.cls.attr(name);
    if (a !== undefined || o.cls.attrs.has(name)) return a;
    throw ip.error(`'${o.cls.name}' object has no attribute '${name}'`, site);
  }
  if (o instanceof ClassFn) {
    const v = o.method(name) ?? o.attr(name);
    if (v === undefined) throw ip.error(`type object '${o.name}' has no attribute '${name}'`, site);
    return v;
  }
  if (Array.isArray(o) && !isTuple(o)) return listMethod(ip, o, name, site);
  if (Array.isArray(o)) {
    // A tuple has the list's two methods that do not change it.
    if (name === "count" || name === "index") return listMethod(ip, o, name, site);
    throw ip.error(`'tuple' object has no attribute '${name}'`, site);
  }
  if (o instanceof PyDict) return dictMethod(ip, o, name, site);
  if (typeof o === "string") return stringMethod(ip, o, name, site);
  if (o instanceof Tensor) return tensorMember(ip, o, name, site);
  return NOT_FOUND;
}

export { NOT_FOUND };

/** PyTorch's `loss.backward()` (the engine's backward from that node) and `w.grad` (its gradient, as a tensor). */
function tensorMember(ip: Interp, t: Tensor, name: string, site: Span): Value | typeof NOT_FOUND {
  switch (name) {
    case "shape": return tuple([...t.shape]);
    case "T": return tensorResult("T", transpose(ip, t, site), t);
    case "backward": return method("backward", (ip2, _a, s) => {
      if (t.size !== 1) throw ip2.error("grad can be implicitly created only for scalar outputs", s);
      t.tape.backward(t.node);
      return null;
    }, 0);
    case "grad": {
      if (t.tape.grad.length <= t.node) return null;
      const g = t.tape.isTensor(t.node) ? t.tape.liveGradient(t.node) : Float64Array.of(t.tape.grad[t.node]);
      if (g === undefined) return null;
      ip.allocate(g.length, site);
      return new Tensor(ip.tape, ip.tape.tensorConst({ shape: [...t.shape], data: Float64Array.from(g) }));
    }
    case "requires_grad": return t.tape.op[t.node] === Op.Param;
    default: return NOT_FOUND;
  }
}

function indexOf(ip: Interp, o: Value[], x: Value, s: Span): number {
  const i = o.findIndex((e) => pyEquals(ip, e, x, s));
  if (i < 0) throw ip.error(`${pyStr(ip, x, s)} is not in list`, s);
  return i;
}

function listMethod(ip: Interp, o: Value[], name: string, site: Span): Value {
  switch (name) {
    case "append": return method("append", (ip2, [x], s) => (ip2.allocate(1, s), o.push(x), null), 1);
    case "extend": return method("extend", (ip2, [xs], s) => {
      const items = iterate(ip2, xs, s, "cannot extend");
      ip2.allocate(items.length, s);
      o.push(...items);
      return null;
    }, 1);
    case "insert": return method("insert", (ip2, [i, x], s) => {
      const k = isNumber(i) ? constant(ip2, i) : 0;
      ip2.allocate(1, s);
      o.splice(k < 0 ? Math.max(0, o.length + k) : Math.min(k, o.length), 0, x);
      return null;
    }, 2);
    case "pop": return method("pop", (ip2, [i], s) => {
      if (o.length === 0) throw ip2.error("pop from empty list", s);
      return o.splice(i === undefined ? o.length - 1 : pyIndex(ip2, i, o.length, s, "pop"), 1)[0];
    }, 0, 1);
    case "remove": return method("remove", (ip2, [x], s) => (o.splice(indexOf(ip2, o, x, s), 1), null), 1);
    case "index": return method("index", (ip2, [x], s) => indexOf(ip2, o, x, s), 1);
    case "count": return method("count", (ip2, [x], s) => o.filter((e) => pyEquals(ip2, e, x, s)).length, 1);
    case "reverse": return method("reverse", () => (o.reverse(), null), 0);
    case "copy": return method("copy", (ip2, _a, s) => (ip2.allocate(o.length, s), o.slice()), 0);
    case "clear": return method("clear", () => ((o.length = 0), null), 0);
    case "sort": return method("sort", (ip2, args, s) => {
      const sorted = pySorted(ip2, o, args[0], s);
      for (let i = 0; i < o.length; i++) o[i] = sorted[i];
      return null;
    }, 0, 1);
    default: throw ip.error(`'list' object has no attribute '${name}'`, site);
  }
}

/** `sorted(xs, key=…, reverse=…)` (stable, by Python's `<`); options come as the trailing keyword object. */
export function pySorted(ip: Interp, xs: Value[], opts: Value, site: Span): Value[] {
  const o = opts instanceof Object && "props" in (opts as object) ? (opts as { props: Map<string, Value> }).props : undefined;
  const key = o?.get("key"), rev = o?.get("reverse") === true;
  const keyed = xs.map((x) => ({ x, k: key instanceof Fn ? key.call(ip, [x], site) : x }));
  ip.spend(xs.length, site);
  keyed.sort((a, b) => (pyCompare(ip, "<", a.k, b.k, site) ? -1 : pyCompare(ip, "<", b.k, a.k, site) ? 1 : 0) * (rev ? -1 : 1));
  return keyed.map((e) => e.x);
}

function dictMethod(ip: Interp, d: PyDict, name: string, site: Span): Value {
  switch (name) {
    case "items": return method("items", (ip2, _a, s) => (ip2.allocate(d.keys.size, s), [...d.keys].map(([key, k]) => tuple([k, d.props.get(key)]))), 0);
    case "keys": return method("keys", (ip2, _a, s) => (ip2.allocate(d.keys.size, s), [...d.keys.values()]), 0);
    case "values": return method("values", (ip2, _a, s) => (ip2.allocate(d.keys.size, s), [...d.props.values()]), 0);
    case "get": return method("get", (ip2, [k, dflt], s) => {
      const key = dictKey(ip2, k, s);
      return d.props.has(key) ? d.props.get(key) : dflt ?? null;
    }, 1, 2);
    case "pop": return method("pop", (ip2, [k, dflt], s) => {
      const v = d.get(ip2, k, s);
      if (!d.delete(ip2, k, s)) {
        if (dflt !== undefined) return dflt;
        throw ip2.error(`KeyError: ${pyStr(ip2, k, s)}`, s);
      }
      return v;
    }, 1, 2);
    case "setdefault": return method("setdefault", (ip2, [k, dflt], s) => {
      const key = dictKey(ip2, k, s);
      if (!d.props.has(key)) d.set(ip2, k, dflt ?? null, s);
      return d.props.get(key);
    }, 1, 2);
    case "update": return method("update", (ip2, [o], s) => {
      if (!(o instanceof PyDict)) throw ip2.error(`'${pyTypeName(o)}' object is not a mapping`, s);
      d.update(ip2, o, s);
      return null;
    }, 1);
    case "copy": return method("copy", (ip2, _a, s) => {
      const c = new PyDict();
      c.update(ip2, d, s);
      return c;
    }, 0);
    default: throw ip.error(`'dict' object has no attribute '${name}'`, site);
  }
}

function stringMethod(ip: Interp, str: string, name: string, site: Span): Value {
  switch (name) {
    case "join": return method("join", (ip2, [xs], s) => {
      const items = iterate(ip2, xs, s, "can only join an iterable");
      for (const x of items) if (typeof x !== "string") throw ip2.error(`sequence item: expected str instance, ${pyTypeName(x)} found`, s);
      const out = items.join(str);
      ip2.allocate(out.length, s);
      return out;
    }, 1);
    case "upper": return method("upper", () => str.toUpperCase(), 0);
    case "lower": return method("lower", () => str.toLowerCase(), 0);
    case "strip": return method("strip", () => str.trim(), 0);
    case "split": return method("split", (_ip, [sep]) => (typeof sep === "string" ? str.split(sep) : str.split(/\s+/).filter((x) => x !== "")), 0, 1);
    case "replace": return method("replace", (_ip, [a, b]) => str.split(String(a)).join(String(b)), 2);
    case "startswith": return method("startswith", (_ip, [p]) => str.startsWith(String(p)), 1);
    case "endswith": return method("endswith", (_ip, [p]) => str.endsWith(String(p)), 1);
    case "format": return method("format", (ip2, args, s) => {
      let k = 0;
      return str.replace(/\{(\d*)(?::([^}]*))?\}/g, (_m, i: string, spec: string | undefined) => pyFormat(ip2, args[i === "" ? k++ : Number(i)], spec, undefined, s));
    }, 0, Infinity);
    default: throw ip.error(`'str' object has no attribute '${name}'`, site);
  }
}

/** `o[k]` in Python for anything but a tensor: a class's `__getitem__`, else sequences and dicts. */
export function pyElement(ip: Interp, o: Value, k: Value, site: Span): Value {
  if (o instanceof Instance) {
    const m = o.cls.method("__getitem__");
    if (m !== undefined) return m.call(ip, [k], site, o);
  }
  if (Array.isArray(o) || typeof o === "string" || o instanceof PyDict) return getItem(ip, o, k, site);
  throw ip.error(`'${pyTypeName(o)}' object is not subscriptable`, site);
}
