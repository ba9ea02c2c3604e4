// Runs anywhere: Python's arithmetic and comparisons. A class's operator dunders first (`__add__`, then the right
// operand's `__radd__`); strings, lists and tuples concatenate and repeat; numbers follow Python's ints and floats
// (`/` always a float, `//` and `%` floored, division by zero an error) and record graph nodes as in TypeScript.
import { numericArith, numericCompare } from "./arith";
import { Instance } from "./classes";
import type { Interp } from "./interp";
import { pyMatmul, tensorResult } from "./py-tensors";
import { PyDict, constant, constantOf, dictKey, isFloat, isTuple, pyFloat, pyTypeName, tuple } from "./py-values";
import type { ArithOp, CompareOp, Span } from "./tree";
import { Num, Tensor, isNumber, type Value } from "./values";

const DUNDER: Record<ArithOp, string> = {
  "+": "add", "-": "sub", "*": "mul", "/": "truediv", "**": "pow", "%": "mod", mod: "mod", "//": "floordiv", "@": "matmul",
};

const SYMBOL: Partial<Record<ArithOp, string>> = { mod: "%" };

/** A class's dunder for op, called: `a.__add__(b)`, else `b.__radd__(a)`; undefined when neither applies. */
function dunder(ip: Interp, op: ArithOp, a: Value, b: Value, site: Span): Value | undefined {
  const name = DUNDER[op];
  if (a instanceof Instance) {
    const m = a.cls.method(`__${name}__`);
    if (m !== undefined) return m.call(ip, [b], site, a);
  }
  if (b instanceof Instance) {
    const m = b.cls.method(`__r${name}__`);
    if (m !== undefined) return m.call(ip, [a], site, b);
  }
  return undefined;
}

function unsupported(ip: Interp, op: ArithOp, a: Value, b: Value, site: Span): Error {
  return ip.error(`unsupported operand type(s) for ${SYMBOL[op] ?? op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`, site);
}

export function pyArith(ip: Interp, op: ArithOp, a: Value, b: Value, site: Span): Value {
  if (a instanceof Instance || b instanceof Instance) {
    const r = dunder(ip, op, a, b, site);
    if (r !== undefined) return r;
    throw unsupported(ip, op, a, b, site);
  }
  if (typeof a === "boolean") a = a ? 1 : 0;
  if (typeof b === "boolean") b = b ? 1 : 0;
  if (isNumber(a) && isNumber(b)) return numbers(ip, op, a, b, site);
  if (a instanceof Tensor || b instanceof Tensor) {
    if (op === "@") return pyMatmul(ip, a, b, site);
    if ((isNumber(a) || a instanceof Tensor || Array.isArray(a)) && (isNumber(b) || b instanceof Tensor || Array.isArray(b))) {
      return tensorResult(op, numericArith(ip, op, a, b, site), a, b);
    }
  }
  if (op === "+" && typeof a === "string" && typeof b === "string") {
    ip.allocate(a.length + b.length, site);
    return a + b;
  }
  if (op === "+" && Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) {
    ip.allocate(a.length + b.length, site);
    return isTuple(a) ? tuple([...a, ...b]) : [...a, ...b];
  }
  if (op === "*" && (typeof a === "string" || Array.isArray(a)) && isNumber(b)) return repeat(ip, a, b, site);
  if (op === "*" && (typeof b === "string" || Array.isArray(b)) && isNumber(a)) return repeat(ip, b, a, site);
  throw unsupported(ip, op, a, b, site);
}

function repeat(ip: Interp, s: string | Value[], k: number | Num, site: Span): Value {
  const n = Math.max(0, constant(ip, k));
  if (isFloat(k)) throw ip.error(`can't multiply sequence by non-int of type 'float'`, site);
  ip.allocate(s.length * n, site);
  if (typeof s === "string") return s.repeat(n);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(...s);
  return isTuple(s) ? tuple(out) : out;
}

/** Numbers: constants fold (ints stay ints; a float's integral result stays a float), graph values record nodes. */
function numbers(ip: Interp, op: ArithOp, a: number | Num, b: number | Num, site: Span): Value {
  const float = isFloat(a) || isFloat(b);
  const x = constantOf(ip, a), y = constantOf(ip, b);
  if ((op === "/" || op === "//" || op === "mod") && value(b) === 0) {
    throw ip.error(op === "/" ? "division by zero" : op === "//" ? "integer division or modulo by zero" : "integer modulo by zero", site);
  }
  if (x === undefined || y === undefined) {
    if (op === "//") return pyFloat(ip, Math.floor(value(a) / value(b)));
    return numericArith(ip, op, a, b, site);
  }
  const r = numericArith(ip, op, x, y, site) as number;
  // An int result: int operands, and no `/` (nor a negative power, which Python makes a float).
  if (!float && op !== "/" && !(op === "**" && y < 0)) return r;
  return pyFloat(ip, r);
}

function value(v: number | Num): number {
  return typeof v === "number" ? v : v.value;
}

/** `-x` in Python: a class's `__neg__`, else numbers (a float stays a float). */
export function pyNegate(ip: Interp, v: Value, site: Span): Value | undefined {
  if (v instanceof Instance) {
    const m = v.cls.method("__neg__");
    if (m === undefined) throw ip.error(`bad operand type for unary -: '${v.cls.name}'`, site);
    return m.call(ip, [], site, v);
  }
  if (typeof v === "boolean") return v ? -1 : 0;
  if (v instanceof Num && constantOf(ip, v) !== undefined) return pyFloat(ip, -v.value);
  return undefined;
}

/** Python's equality: by value for numbers, strings, lists, tuples and dicts; a class's `__eq__`, else identity. */
export function pyEquals(ip: Interp, a: Value, b: Value, site: Span): boolean {
  if (typeof a === "boolean") a = a ? 1 : 0;
  if (typeof b === "boolean") b = b ? 1 : 0;
  if (isNumber(a) && isNumber(b)) return ip.plain(a) === ip.plain(b);
  if (a instanceof Instance) {
    const m = a.cls.method("__eq__");
    if (m !== undefined) return ip.truthy(m.call(ip, [b], site, a));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const bs = b;
    return isTuple(a) === isTuple(bs) && a.length === bs.length && a.every((x, i) => pyEquals(ip, x, bs[i], site));
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    const bd = b;
    return a.props.size === bd.props.size && [...a.props].every(([k, x]) => bd.props.has(k) && pyEquals(ip, x, bd.props.get(k), site));
  }
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  return a === b;
}

/** `x in c`: an element of a list or tuple, a key of a dict, a substring of a string. */
function contains(ip: Interp, c: Value, x: Value, site: Span): boolean {
  if (Array.isArray(c)) return c.some((e) => pyEquals(ip, e, x, site));
  if (c instanceof PyDict) return c.props.has(dictKey(ip, x, site));
  if (typeof c === "string" && typeof x === "string") return c.includes(x);
  throw ip.error(`argument of type '${pyTypeName(c)}' is not iterable`, site);
}

export function pyCompare(ip: Interp, op: CompareOp, a: Value, b: Value, site: Span): boolean {
  switch (op) {
    case "==": return pyEquals(ip, a, b, site);
    case "!=": return !pyEquals(ip, a, b, site);
    case "is": case "is not": {
      const same = isNumber(a) && isNumber(b) ? ip.plain(a) === ip.plain(b) && isFloat(a) === isFloat(b) : (a ?? null) === (b ?? null);
      return op === "is" ? same : !same;
    }
    case "in": return contains(ip, b, a, site);
    case "not in": return !contains(ip, b, a, site);
    default: break;
  }
  if (a instanceof Instance) {
    const names: Partial<Record<CompareOp, string>> = { "<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__" };
    const m = a.cls.method(names[op] ?? "");
    if (m !== undefined) return ip.truthy(m.call(ip, [b], site, a));
  }
  if (typeof a === "boolean") a = a ? 1 : 0;
  if (typeof b === "boolean") b = b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!pyEquals(ip, a[i], b[i], site)) return pyCompare(ip, op, a[i], b[i], site);
    }
    return numericCompare(ip, op, a.length, b.length, site);
  }
  if (!((isNumber(a) && isNumber(b)) || (typeof a === "string" && typeof b === "string"))) {
    throw ip.error(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`, site);
  }
  return numericCompare(ip, op, a, b, site);
}
