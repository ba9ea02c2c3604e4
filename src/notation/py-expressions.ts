// Runs anywhere: the expressions only Python has: tuples, slices (with steps and negative bounds), comprehensions
// (each with its own scope; a generator is evaluated eagerly into a list) and calls with keyword arguments.
import { bind } from "./calls";
import { evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import { elementsOf } from "./literals";
import { PyDict, constant, isTuple, iterate, pyTypeName, tuple } from "./py-values";
import { tensorSlice } from "./py-tensors";
import type { Arg, Comprehension, Expr, Slice, SliceRange } from "./tree";
import { Tensor, append, isNumber, type Value } from "./values";

export function pyExpr(ip: Interp, n: Expr): Value {
  switch (n.kind) {
    case "tuple": return tuple(elementsOf(ip, n));
    case "set": throw ip.error("sets are not supported yet (use a list or a dict)", n);
    case "slice": return slice(ip, evalExpr(ip, n.object), n);
    case "comprehension": return comprehension(ip, n);
    default: throw ip.error(`\`${n.kind}\` is not supported`, n);
  }
}

/** Positional, `*`, keyword and `**` arguments. */
export function pyArguments(ip: Interp, list: readonly Arg[]): { args: Value[]; kw: Map<string, Value> | undefined } {
  const args: Value[] = [];
  let kw: Map<string, Value> | undefined;
  const path = ip.namePath;
  ip.namePath = undefined;
  for (const a of list) {
    if (a.kind === "positional") args.push(evalExpr(ip, a.value));
    else if (a.kind === "spread") {
      const v = iterate(ip, evalExpr(ip, a.value), a.span, "cannot spread");
      ip.allocate(v.length, a.span);
      append(args, v);
    } else if (a.kind === "keyword") (kw ??= new Map()).set(a.name, evalExpr(ip, a.value));
    else {
      const d = evalExpr(ip, a.value);
      if (!(d instanceof PyDict)) throw ip.error(`argument after ** must be a mapping, not ${pyTypeName(d)}`, a.span);
      for (const [key, k] of d.keys) {
        if (typeof k !== "string") throw ip.error("keywords must be strings", a.span);
        (kw ??= new Map()).set(k, d.props.get(key));
      }
    }
  }
  ip.namePath = path;
  return { args, kw };
}

/** One bound of a slice: undefined when missing. */
function bound(ip: Interp, e: Expr | undefined): number | undefined {
  if (e === undefined) return undefined;
  const v = evalExpr(ip, e);
  if (v === null) return undefined;
  if (!isNumber(v)) throw ip.error(`slice indices must be integers or None, not ${pyTypeName(v)}`, e);
  return constant(ip, v);
}

/** The indexes `lo:hi:step` selects in a sequence of length n, as Python computes them. */
export function sliceIndexes(ip: Interp, r: SliceRange, n: number): number[] {
  const lo = bound(ip, r.lo), hi = bound(ip, r.hi), step = bound(ip, r.step) ?? 1;
  if (step === 0) throw ip.error("slice step cannot be zero", r);
  const clamp = (x: number | undefined, dflt: number, min: number, max: number): number => {
    if (x === undefined) return dflt;
    const v = x < 0 ? x + n : x;
    return Math.min(Math.max(v, min), max);
  };
  const out: number[] = [];
  if (step > 0) {
    for (let i = clamp(lo, 0, 0, n), end = clamp(hi, n, 0, n); i < end; i += step) out.push(i);
  } else {
    for (let i = clamp(lo, n - 1, -1, n - 1), end = clamp(hi, -1, -1, n - 1); i > end; i += step) out.push(i);
  }
  ip.allocate(out.length, r);
  return out;
}

function slice(ip: Interp, o: Value, n: Slice): Value {
  if (o instanceof Tensor) return tensorSlice(ip, o, n);
  if (n.parts.length !== 1 || n.parts[0].kind !== "range") throw ip.error(`${pyTypeName(o)} indices must be integers or slices`, n);
  const r = n.parts[0];
  if (typeof o === "string") return sliceIndexes(ip, r, o.length).map((i) => o[i]).join("");
  if (!Array.isArray(o)) throw ip.error(`'${pyTypeName(o)}' object is not subscriptable`, n);
  const out = sliceIndexes(ip, r, o.length).map((i) => o[i]);
  return isTuple(o) ? tuple(out) : out;
}

/** `[e for x in xs if c]`, `{k: v for …}`, `(e for …)`: clauses nest left to right, in a scope of their own. */
function comprehension(ip: Interp, n: Comprehension): Value {
  const out: Value[] = [], dict = n.of === "dict" ? new PyDict() : undefined;
  if (n.of === "set") throw ip.error("set comprehensions are not supported yet (use a list)", n);
  const saved = ip.scope;
  ip.scope = new Scope(saved);
  try {
    const run = (k: number): void => {
      if (k === n.clauses.length) {
        if (dict !== undefined) dict.set(ip, evalExpr(ip, n.element), evalExpr(ip, n.value as Expr), n);
        else {
          ip.allocate(1, n);
          out.push(evalExpr(ip, n.element));
        }
        return;
      }
      const c = n.clauses[k];
      if (c.kind === "if") {
        if (ip.truthy(evalExpr(ip, c.test))) run(k + 1);
        return;
      }
      for (const x of iterate(ip, evalExpr(ip, c.iter), c.iter, "cannot iterate")) {
        bind(ip, ip.scope, c.target, x, false);
        run(k + 1);
      }
    };
    run(0);
  } finally {
    ip.scope = saved;
  }
  return dict ?? out;
}
