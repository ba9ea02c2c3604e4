// Runs anywhere: Python's built-in functions (`print len range sum min max abs round float int str list tuple dict
// zip enumerate sorted reversed isinstance …`), installed over the notation's globals for a Python program. Those
// that take keywords get them as they were passed (`print(a, b, sep=", ", end="")`).
import { pyArith, pyCompare } from "./py-arith";
import { ClassFn, Instance, instanceOf } from "./classes";
import type { Interp } from "./interp";
import { pySorted } from "./py-members";
import { num } from "./py-modules";
import { pyFormat, pyRepr, pyStr, print } from "./py-print";
import { PyDict, constant, isFloat, isTuple, iterate, pyFloat, pyTypeName, tuple } from "./py-values";
import { pyRound } from "./python/pyformat";
import type { Span } from "./tree";
import { Fn, Num, Obj, Tensor, isNumber, type CallSite, type Value } from "./values";
import { unary } from "./mathfns";
import { asNumber } from "./tensors";

type Impl = (ip: Interp, args: Value[], kw: Map<string, Value>, site: CallSite) => Value;

/** A Python built-in: positional arguments within [min, max], keywords handed over as passed. */
export class PyBuiltin extends Fn {
  constructor(name: string, readonly impl: Impl, readonly min: number, readonly max: number, readonly keywords: readonly string[] = []) {
    super(name);
  }
  call(ip: Interp, args: Value[], site: CallSite, _self?: Value, kw?: Map<string, Value>): Value {
    if (args.length < this.min || args.length > this.max) {
      const want = this.min === this.max ? `exactly ${this.min}` : this.max === Infinity ? `at least ${this.min}` : `${this.min} to ${this.max}`;
      throw ip.error(`${this.name}() takes ${want} argument${this.max === 1 ? "" : "s"} (${args.length} given)`, site);
    }
    for (const k of kw?.keys() ?? []) if (!this.keywords.includes(k)) throw ip.error(`${this.name}() got an unexpected keyword argument '${k}'`, site);
    return this.impl(ip, args, kw ?? new Map(), site);
  }
}

function b(name: string, impl: Impl, min: number, max = min, keywords: string[] = []): PyBuiltin {
  return new PyBuiltin(name, impl, min, max, keywords);
}

function items(ip: Interp, v: Value, site: Span): Value[] {
  return iterate(ip, v, site, "not iterable");
}

function intOf(ip: Interp, v: Value, who: string, site: Span): number {
  const x = num(ip, v, who, site);
  if (!Number.isInteger(x) || isFloat(v)) throw ip.error(`'float' object cannot be interpreted as an integer`, site);
  return x;
}

/** min/max: over one iterable or several arguments, by `<`; the chosen value itself (a graph value keeps its node). */
function extreme(ip: Interp, args: Value[], kw: Map<string, Value>, site: Span, max: boolean): Value {
  const xs = args.length === 1 ? items(ip, args[0], site) : args;
  if (xs.length === 0) {
    if (kw.has("default")) return kw.get("default");
    throw ip.error(`${max ? "max" : "min"}() arg is an empty sequence`, site);
  }
  const key = kw.get("key");
  const k = (x: Value): Value => (key instanceof Fn ? key.call(ip, [x], site) : x);
  let best = xs[0], bk = k(best);
  for (let i = 1; i < xs.length; i++) {
    const ki = k(xs[i]);
    if (pyCompare(ip, max ? ">" : "<", ki, bk, site)) [best, bk] = [xs[i], ki];
  }
  return best;
}

const isinstanceTypes: Record<string, (v: Value) => boolean> = {
  int: (v) => (typeof v === "number" && Number.isInteger(v)) || typeof v === "boolean",
  float: (v) => isFloat(v), str: (v) => typeof v === "string", bool: (v) => typeof v === "boolean",
  list: (v) => Array.isArray(v) && !isTuple(v), tuple: (v) => isTuple(v), dict: (v) => v instanceof PyDict,
};

function isInstance(ip: Interp, v: Value, t: Value, site: Span): boolean {
  if (Array.isArray(t)) return t.some((x) => isInstance(ip, v, x, site));
  if (t instanceof ClassFn) return instanceOf(ip, v, t, site);
  if (t instanceof PyBuiltin && isinstanceTypes[t.name] !== undefined) return isinstanceTypes[t.name](v);
  throw ip.error("isinstance() arg 2 must be a type or tuple of types", site);
}

export function pythonBuiltins(): PyBuiltin[] {
  return [
    b("print", (ip, args, kw, s) => {
      const sep = kw.get("sep"), end = kw.get("end");
      print(ip, args, typeof sep === "string" ? sep : " ", typeof end === "string" ? end : "\n", s);
      return null;
    }, 0, Infinity, ["sep", "end", "flush"]),
    b("len", (ip, [v], _k, s) => {
      if (Array.isArray(v) || typeof v === "string") return v.length;
      if (v instanceof PyDict) return v.props.size;
      if (v instanceof Tensor) return v.shape.length === 0 ? 1 : v.shape[0];
      if (v instanceof Instance && v.cls.method("__len__") !== undefined) return (v.cls.method("__len__") as Fn).call(ip, [], s, v);
      throw ip.error(`object of type '${pyTypeName(v)}' has no len()`, s);
    }, 1),
    b("range", (ip, args, _k, s) => {
      const [lo, hi, step] = args.length === 1 ? [0, intOf(ip, args[0], "range", s), 1]
        : [intOf(ip, args[0], "range", s), intOf(ip, args[1], "range", s), args[2] === undefined ? 1 : intOf(ip, args[2], "range", s)];
      if (step === 0) throw ip.error("range() arg 3 must not be zero", s);
      const n = Math.max(0, Math.ceil((hi - lo) / step));
      ip.allocate(n, s);
      const out: number[] = new Array<number>(n);
      for (let i = 0; i < n; i++) out[i] = lo + i * step;
      return out;
    }, 1, 3),
    b("sum", (ip, [xs, start], kw, s) => {
      let acc: Value = start ?? kw.get("start") ?? 0;
      for (const x of items(ip, xs, s)) acc = pyArith(ip, "+", acc, x, s);
      return acc;
    }, 1, 2, ["start"]),
    b("min", (ip, a, kw, s) => extreme(ip, a, kw, s, false), 1, Infinity, ["key", "default"]),
    b("max", (ip, a, kw, s) => extreme(ip, a, kw, s, true), 1, Infinity, ["key", "default"]),
    b("abs", (ip, [x], _k, s) => {
      if (x instanceof Instance && x.cls.method("__abs__") !== undefined) return (x.cls.method("__abs__") as Fn).call(ip, [], s, x);
      if (typeof x === "number") return Math.abs(x);
      return unary(ip, "abs", typeof x === "boolean" ? (x ? 1 : 0) : x, s);
    }, 1),
    b("round", (ip, [x, nd], _k, s) => {
      const v = num(ip, x, "round", s), int = !isFloat(x);
      try {
        const r = pyRound(v, int, nd === undefined || nd === null ? undefined : intOf(ip, nd, "round", s));
        return nd === undefined || nd === null || int ? r : pyFloat(ip, r);
      } catch (e) {
        if (e instanceof RangeError) throw ip.error(e.message, s);
        throw e;
      }
    }, 1, 2),
    b("float", (ip, [x], _k, s) => {
      if (x === undefined) return pyFloat(ip, 0);
      if (x instanceof Tensor && x.size === 1) x = asNumber(ip, x);
      if (x instanceof Num) return x;
      if (typeof x === "string") {
        const t = x.trim().toLowerCase(), v = t === "inf" || t === "+inf" ? Infinity : t === "-inf" ? -Infinity : t === "nan" ? NaN : Number(t);
        if (t === "" || Number.isNaN(v) && t !== "nan") throw ip.error(`could not convert string to float: ${pyRepr(ip, x, s)}`, s);
        return pyFloat(ip, v);
      }
      return pyFloat(ip, num(ip, x, "float", s));
    }, 0, 1),
    b("int", (ip, [x], _k, s) => {
      if (x === undefined) return 0;
      if (typeof x === "string") {
        if (!/^\s*[+-]?\d+\s*$/.test(x)) throw ip.error(`invalid literal for int() with base 10: ${pyRepr(ip, x, s)}`, s);
        return Number(x.trim());
      }
      return Math.trunc(num(ip, x, "int", s));
    }, 0, 1),
    b("bool", (ip, [x]) => (x === undefined ? false : ip.truthy(x)), 0, 1),
    b("str", (ip, [x], _k, s) => (x === undefined ? "" : pyStr(ip, x, s)), 0, 1),
    b("repr", (ip, [x], _k, s) => pyRepr(ip, x, s), 1),
    b("format", (ip, [x, spec], _k, s) => pyFormat(ip, x, typeof spec === "string" ? spec : "", undefined, s), 1, 2),
    b("list", (ip, [x], _k, s) => (x === undefined ? [] : [...items(ip, x, s)]), 0, 1),
    b("tuple", (ip, [x], _k, s) => tuple(x === undefined ? [] : [...items(ip, x, s)]), 0, 1),
    b("dict", (ip, [x], kw, s) => {
      const d = new PyDict();
      if (x !== undefined) {
        if (x instanceof PyDict) d.update(ip, x, s);
        else for (const pair of items(ip, x, s)) {
          const kv = items(ip, pair, s);
          d.set(ip, kv[0], kv[1], s);
        }
      }
      for (const [k, v] of kw) d.set(ip, k, v, s);
      return d;
    }, 0, 1, []),
    b("zip", (ip, args, _k, s) => {
      const lists = args.map((a) => items(ip, a, s)), n = Math.min(...lists.map((l) => l.length));
      ip.allocate(n, s);
      return Array.from({ length: lists.length === 0 ? 0 : n }, (_, i) => tuple(lists.map((l) => l[i])));
    }, 0, Infinity),
    b("enumerate", (ip, [xs, start], kw, s) => {
      const from = start ?? kw.get("start") ?? 0, k0 = isNumber(from) ? constant(ip, from) : 0, list = items(ip, xs, s);
      ip.allocate(list.length, s);
      return list.map((x, i) => tuple([k0 + i, x]));
    }, 1, 2, ["start"]),
    b("sorted", (ip, [xs], kw, s) => pySorted(ip, [...items(ip, xs, s)], new Obj(kw), s), 1, 1, ["key", "reverse"]),
    b("reversed", (ip, [xs], _k, s) => [...items(ip, xs, s)].reverse(), 1),
    b("isinstance", (ip, [v, t], _k, s) => isInstance(ip, v, t, s), 2),
    b("any", (ip, [xs], _k, s) => items(ip, xs, s).some((x) => ip.truthy(x)), 1),
    b("all", (ip, [xs], _k, s) => items(ip, xs, s).every((x) => ip.truthy(x)), 1),
    b("map", (ip, [f, ...xss], _k, s) => {
      if (!(f instanceof Fn)) throw ip.error(`'${pyTypeName(f)}' object is not callable`, s);
      const lists = xss.map((a) => items(ip, a, s)), n = Math.min(...lists.map((l) => l.length));
      return Array.from({ length: n }, (_, i) => f.call(ip, lists.map((l) => l[i]), s));
    }, 2, Infinity),
    b("filter", (ip, [f, xs], _k, s) => items(ip, xs, s).filter((x) => ip.truthy(f instanceof Fn ? f.call(ip, [x], s) : x)), 2),
    b("hasattr", (_ip, [o, n]) => o instanceof Obj && typeof n === "string" && (o.props.has(n) || (o instanceof Instance && o.cls.method(n) !== undefined)), 2),
    b("getattr", (ip, [o, n, d], _k, s) => {
      if (o instanceof Obj && typeof n === "string" && o.props.has(n)) return o.props.get(n);
      if (o instanceof Instance && typeof n === "string" && o.cls.method(n) !== undefined) return o.cls.method(n);
      if (d !== undefined) return d;
      throw ip.error(`'${pyTypeName(o)}' object has no attribute '${String(n)}'`, s);
    }, 2, 3),
  ];
}

/** Install Python's built-ins for a Python program (they hide the notation's globals of the same name). */
export function installPython(ip: Interp): void {
  for (const f of pythonBuiltins()) ip.global.declare(f.name, f, true);
}
