// Runs anywhere: property reads: `arr.length`, array methods (push, map, forEach, reduce, slice), method
// spellings on numbers (`x.tanh()`, `x.pow(2)`), namespaces (`Math.exp`, `np.tanh`) and object fields.
import type { Span } from "./tree";
import { Closure } from "./calls";
import { Instance, instanceMember } from "./classes";
import type { Interp } from "./interp";
import { unary, UNARY_NAMES, power } from "./mathfns";
import { NOT_FOUND, pyMember } from "./py-members";
import { tensorMember } from "./tensor-members";
import { Builtin, Fn, Obj, Tensor, append, isNumber, typeName, type Value } from "./values";

/** An object whose missing properties are errors (the `Math`/`np`/`torch` namespaces), not undefined. */
export class Namespace extends Obj {
  constructor(
    readonly label: string,
    entries: Iterable<[string, Value]>,
  ) {
    super(entries);
  }
}

export function member(ip: Interp, recv: Value, name: string, site: Span): Value {
  if (ip.lang === "py") {
    const r = pyMember(ip, recv, name, site);
    if (r !== NOT_FOUND) return r;
  }
  if (recv instanceof Namespace) {
    if (recv.props.has(name)) return recv.props.get(name);
    throw ip.error(`\`${recv.label}.${name}\` is not supported`, site);
  }
  if (recv instanceof Instance) return instanceMember(recv, name);
  if (recv instanceof Tensor) return tensorMember(ip, recv, name, site);
  if (recv instanceof Obj) return recv.props.get(name);
  if (Array.isArray(recv)) return arrayMember(ip, recv, name, site);
  if (isNumber(recv)) {
    if (UNARY_NAMES.has(name)) return new Builtin(name, (ip2, _a, s) => unary(ip2, name, recv, s), 0, 0);
    if (name === "pow") return new Builtin("pow", (ip2, a, s) => power(ip2, recv, a[0], s), 1, 1);
    throw ip.error(`numbers have no method \`${name}\``, site);
  }
  if (recv instanceof Fn) {
    if (recv.props.has(name)) return recv.props.get(name);
    throw ip.error(`\`${recv.name || "function"}\` has no property \`${name}\``, site);
  }
  if (typeof recv === "string" && name === "length") return recv.length;
  throw ip.error(`cannot read \`${name}\` of ${typeName(recv)}`, site);
}

/** Call f with as many of the arguments as it declares (a callback gets (element, index, array) like in JS). */
export function callback(ip: Interp, f: Value, args: Value[], site: Span): Value {
  if (!(f instanceof Fn)) throw ip.error(`expected a function, got ${typeName(f)}`, site);
  const n = f instanceof Closure ? f.arity : f instanceof Builtin ? f.maxArgs : 1;
  return f.call(ip, args.length > n ? args.slice(0, n) : args, site);
}

function arrayMember(ip: Interp, arr: Value[], name: string, site: Span): Value {
  switch (name) {
    case "length":
      return arr.length;
    case "push":
      return new Builtin("push", (ip2, args, s) => {
        ip2.allocate(args.length, s);
        append(arr, args);
        return arr.length;
      }, 0, Infinity);
    case "concat":
      return new Builtin("concat", (ip2, args, s) => {
        ip2.allocate(args.reduce((n: number, x) => n + (Array.isArray(x) ? x.length : 1), arr.length), s);
        const out = arr.slice();
        for (const x of args) {
          if (Array.isArray(x)) append(out, x);
          else out.push(x);
        }
        return out;
      }, 0, Infinity);
    case "map":
      return new Builtin("map", (ip2, [f], s) => {
        ip2.allocate(arr.length, s);
        return arr.map((x, i) => sample(ip2, arr, i, () => callback(ip2, f, [x, i, arr], s)));
      }, 1, 1);
    case "forEach":
      return new Builtin("forEach", (ip2, [f], s) => {
        arr.forEach((x, i) => sample(ip2, arr, i, () => callback(ip2, f, [x, i, arr], s)));
        return undefined;
      }, 1, 1);
    case "reduce":
      return new Builtin("reduce", (ip2, args, s) => {
        const f = args[0];
        let i = 0, acc: Value;
        if (args.length > 1) acc = args[1];
        else {
          if (arr.length === 0) throw ip2.error("`reduce` of an empty array with no initial value", s);
          acc = arr[i++];
        }
        for (; i < arr.length; i++) acc = callback(ip2, f, [acc, arr[i], i, arr], s);
        return acc;
      }, 1, 2);
    case "slice":
      return new Builtin("slice", (ip2, args, s) => {
        const [a, b] = args.map((v) => {
          if (v === undefined) return undefined;
          if (!isNumber(v)) throw ip2.error(`\`slice\` expects numbers, got ${typeName(v)}`, s);
          return ip2.plain(v);
        });
        ip2.allocate(sliceLength(arr.length, a, b), s);
        return arr.slice(a, b);
      }, 0, 2);
    default:
      throw ip.error(`arrays have no method \`${name}\` (supported: length, push, concat, map, forEach, reduce, slice)`, site);
  }
}

/** How many elements `slice(a, b)` of an array of length n returns (JavaScript's rules for negative and missing ends). */
function sliceLength(n: number, a: number | undefined, b: number | undefined): number {
  const at = (x: number | undefined, d: number): number => {
    const v = x === undefined ? d : Number.isNaN(x) ? 0 : Math.trunc(x);
    return v < 0 ? Math.max(n + v, 0) : Math.min(v, n);
  };
  return Math.max(at(b, n) - at(a, 0), 0);
}

/** A data row (an array element that is itself an array) becomes a "sample" group, so the graph folds per row. */
function sample(ip: Interp, arr: Value[], i: number, f: () => Value): Value {
  if (!Array.isArray(arr[i])) return f();
  ip.tape.beginGroup("sample", `row ${i + 1}`);
  try {
    return f();
  } finally {
    ip.tape.endGroup();
  }
}
