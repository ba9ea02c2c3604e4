// Runs anywhere: array, object and template literals. Elements and fields extend the binding path, so params made
// in them get names like `w1[0]` and `layer.b`.
import { arith } from "./arith";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { pyFormat } from "./py-print";
import { pyDict } from "./py-values";
import type { Element, ObjectLit, Span, Template } from "./tree";
import { Obj, append, typeName, type Value } from "./values";

/** The elements of an array, tuple or set literal, spreads expanded. */
export function elementsOf(ip: Interp, n: { readonly elements: readonly Element[] } & Span): Value[] {
  const out: Value[] = [];
  const path = ip.namePath;
  ip.allocate(n.elements.length, n);
  try {
    for (const e of n.elements) {
      if (e.kind === "spread") {
        ip.namePath = undefined;
        const v = evalExpr(ip, e.value);
        if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into an array`, e);
        // Counted before copying: `[...a, ...a]` doubled 28 times stops at the element bound, not in V8's heap.
        ip.allocate(v.length, e);
        append(out, v);
      } else if (e.kind === "hole") {
        out.push(undefined);
      } else {
        ip.namePath = path === undefined ? undefined : `${path}[${out.length}]`;
        out.push(evalExpr(ip, e));
      }
    }
  } finally {
    ip.namePath = path;
  }
  return out;
}

export function objectLiteral(ip: Interp, n: ObjectLit): Obj {
  if (n.dict) return pyDict(ip, n);
  const o = new Obj(), path = ip.namePath;
  ip.allocate(n.entries.length, n);
  try {
    for (const p of n.entries) {
      if (p.kind === "spread") {
        ip.namePath = undefined;
        const v = evalExpr(ip, p.value);
        if (!(v instanceof Obj)) throw ip.error(`cannot spread ${typeName(v)} into an object`, p.span);
        ip.allocate(v.props.size, p.span);
        for (const [k, x] of v.props) o.props.set(k, x);
        continue;
      }
      const key = p.key as string;
      ip.namePath = path === undefined ? undefined : `${path}.${key}`;
      o.props.set(key, evalExpr(ip, p.value));
    }
  } finally {
    ip.namePath = path;
  }
  return o;
}

/** `a${x}b` (as `+` with a string shows each value) and Python's f-strings (as `format` does). */
export function template(ip: Interp, n: Template): string {
  let s = "";
  for (const p of n.parts) {
    if (typeof p === "string") s += p;
    else if (ip.lang === "py") s += pyFormat(ip, evalExpr(ip, p.value), p.spec, p.conversion, n);
    else s += arith(ip, "+", "", evalExpr(ip, p.value), n) as string;
  }
  return s;
}
