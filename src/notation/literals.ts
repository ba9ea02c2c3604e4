// Runs anywhere: array and object literals. Elements and fields extend the binding path, so params made in them
// get names like `w1[0]` and `layer.b`.
import type * as TS from "typescript";
import { evalExpr, lookup, unsupported } from "./expressions";
import type { Interp } from "./interp";
import { ts } from "./parse";
import { Obj, append, typeName, type Value } from "./values";

export function arrayLiteral(ip: Interp, n: TS.ArrayLiteralExpression): Value[] {
  const out: Value[] = [];
  const path = ip.namePath, t = ts();
  ip.allocate(n.elements.length, n);
  try {
    for (const e of n.elements) {
      if (t.isSpreadElement(e)) {
        ip.namePath = undefined;
        const v = evalExpr(ip, e.expression);
        if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into an array`, e);
        // Counted before copying: `[...a, ...a]` doubled 28 times stops at the element bound, not in V8's heap.
        ip.allocate(v.length, e);
        append(out, v);
      } else if (t.isOmittedExpression(e)) {
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

export function objectLiteral(ip: Interp, n: TS.ObjectLiteralExpression): Obj {
  const o = new Obj(), t = ts(), path = ip.namePath;
  ip.allocate(n.properties.length, n);
  try {
    for (const p of n.properties) {
      if (t.isSpreadAssignment(p)) {
        ip.namePath = undefined;
        const v = evalExpr(ip, p.expression);
        if (!(v instanceof Obj)) throw ip.error(`cannot spread ${typeName(v)} into an object`, p);
        ip.allocate(v.props.size, p);
        for (const [k, x] of v.props) o.props.set(k, x);
        continue;
      }
      if (t.isShorthandPropertyAssignment(p)) {
        o.props.set(p.name.text, lookup(ip, p.name));
        continue;
      }
      if (!t.isPropertyAssignment(p)) throw unsupported(ip, p);
      const name = p.name;
      if (!(t.isIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name))) throw unsupported(ip, name);
      ip.namePath = path === undefined ? undefined : `${path}.${name.text}`;
      o.props.set(name.text, evalExpr(ip, p.initializer));
    }
  } finally {
    ip.namePath = path;
  }
  return o;
}
