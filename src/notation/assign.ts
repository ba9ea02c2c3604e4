// Runs anywhere: assignment targets: a name, a field (`o.x`, `this.W`, a tensor's attribute) or an element
// (`a[i]`), and the binding path (`w`, `layer.b`) that names the params an assignment's right side makes.
import type * as TS from "typescript";
import { thisPath } from "./classes";
import { evalExpr, kinds } from "./expressions";
import type { Interp } from "./interp";
import { ts } from "./parse";
import { setTensorAttribute } from "./tensor-members";
import { Obj, Tensor, isNumber, typeName, type Value } from "./values";

/** Evaluate with the binding path of an assignment target, so `w = param(1)` names the param `w`. */
export function withName(ip: Interp, target: TS.Node, f: () => Value): Value {
  const saved = ip.namePath;
  ip.namePath = pathOf(target, ip);
  try {
    return f();
  } finally {
    ip.namePath = saved;
  }
}

function pathOf(n: TS.Node, ip: Interp): string | undefined {
  const t = ts();
  if (t.isIdentifier(n)) return n.text;
  if (n.kind === kinds().ThisKeyword) return thisPath(ip);
  if (t.isPropertyAccessExpression(n)) {
    const p = pathOf(n.expression, ip);
    return p === undefined ? undefined : `${p}.${n.name.text}`;
  }
  return undefined;
}

export function assign(ip: Interp, target: TS.Expression, v: Value): void {
  const t = ts();
  if (t.isParenthesizedExpression(target)) return assign(ip, target.expression, v);
  if (t.isIdentifier(target)) {
    const b = ip.scope.lookup(target.text);
    // Where assigning declares (selections, Python), assigning a built-in's name (`max = 5`, `E = 2`) shadows it.
    const builtin = b !== undefined && ip.global.vars.get(target.text) === b;
    if ((b === undefined || builtin) && ip.implicitDeclare) {
      let program = ip.scope;
      while (program.parent !== undefined && program.parent !== ip.global) program = program.parent;
      program.declare(target.text, v, false);
      return;
    }
    if (b === undefined) throw ip.error(`unknown name \`${target.text}\``, target);
    if (b.constant) throw ip.error(`cannot assign to constant \`${target.text}\``, target);
    b.value = v;
    return;
  }
  if (t.isPropertyAccessExpression(target)) {
    const o = evalExpr(ip, target.expression);
    if (o instanceof Tensor) return setTensorAttribute(ip, o, target.name.text, v, target);
    if (!(o instanceof Obj)) throw ip.error(`cannot set \`${target.name.text}\` on ${typeName(o)}`, target);
    o.props.set(target.name.text, v);
    return;
  }
  if (t.isElementAccessExpression(target)) {
    const o = evalExpr(ip, target.expression);
    const k = evalExpr(ip, target.argumentExpression);
    if (Array.isArray(o)) {
      o[index(ip, k, o.length + 1, target)] = v;
      return;
    }
    if (o instanceof Obj && typeof k === "string") {
      o.props.set(k, v);
      return;
    }
    if (o instanceof Tensor) throw ip.error("tensors are immutable: build a new one (e.g. with `tensor(...)` or arithmetic)", target);
    throw ip.error(`cannot set an element of ${typeName(o)}`, target);
  }
  throw ip.error("invalid assignment target", target);
}

export function index(ip: Interp, k: Value, limit: number, site: TS.Node): number {
  if (!isNumber(k)) throw ip.error(`an index must be a number, got ${typeName(k)}`, site);
  const i = ip.plain(k);
  if (!Number.isInteger(i) || i < 0 || i >= limit) throw ip.error(`index ${i} out of range (length ${limit})`, site);
  return i;
}
