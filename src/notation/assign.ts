// Runs anywhere: assignment targets: a name, a field (`o.x`, `this.W`, a tensor's attribute), an element (`a[i]`)
// or an unpacking (`[a, b] = …`, Python's `a, *b = …`), and the binding path (`w`, `layer.b`) that names the params
// an assignment's right side makes.
import { Op } from "../engine";
import { VALUE_FIELDS } from "./autograd-check";
import { Instance, thisPath } from "./classes";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { assignPyName, programScope, setItem, unpackValues } from "./py-values";
import { setTensorAttribute } from "./tensor-members";
import type { Expr, Pattern, Span, Target } from "./tree";
import { Obj, Tensor, isNumber, typeName, type Value } from "./values";

/** Evaluate with the binding path of an assignment target, so `w = param(1)` names the param `w`. */
export function withName(ip: Interp, target: Target | Pattern, f: () => Value): Value {
  const saved = ip.namePath;
  ip.namePath = pathOf(target, ip);
  try {
    return f();
  } finally {
    ip.namePath = saved;
  }
}

function pathOf(n: Expr | Pattern | Target, ip: Interp): string | undefined {
  if (n.kind === "name") return n.name;
  if (n.kind === "this") return thisPath(ip);
  if (n.kind === "member") {
    const p = pathOf(n.object, ip);
    return p === undefined ? undefined : `${p}.${n.name}`;
  }
  return undefined;
}

export function assign(ip: Interp, target: Target, v: Value): void {
  switch (target.kind) {
    case "name": {
      if (ip.lang === "py") return assignPyName(ip, target.name, v);
      const b = ip.scope.lookup(target.name);
      // Where assigning declares (selections), assigning a built-in's name (`max = 5`, `E = 2`) shadows it.
      const builtin = b !== undefined && ip.global.vars.get(target.name) === b;
      if ((b === undefined || builtin) && ip.implicitDeclare) {
        programScope(ip).declare(target.name, v, false);
        return;
      }
      if (b === undefined) throw ip.error(`unknown name \`${target.name}\``, target);
      if (b.constant) throw ip.error(`cannot assign to constant \`${target.name}\``, target);
      b.value = v;
      return;
    }
    case "member": {
      const o = evalExpr(ip, target.object);
      if (o instanceof Tensor) return setTensorAttribute(ip, o, target.name, v, target);
      if (!(o instanceof Obj)) throw ip.error(`cannot set \`${target.name}\` on ${typeName(o)}`, target);
      // The autograd check's run: an object's number becomes a node of its own (its derivative is then known).
      if (ip.traced !== undefined && o instanceof Instance && VALUE_FIELDS.includes(target.name) && isNumber(v) && (typeof v === "number" || v.tape.op[v.node] === Op.Const)) {
        ip.at(target);
        v = ip.num(ip.tape.input(typeof v === "number" ? v : v.value));
      }
      o.props.set(target.name, v);
      return;
    }
    case "index": {
      const o = evalExpr(ip, target.object);
      const k = evalExpr(ip, target.index);
      if (ip.lang === "py") return setItem(ip, o, k, v, target);
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
    case "unpack": {
      const parts = unpackValues(ip, target, v);
      target.elements.forEach((e, i) => {
        if (e !== undefined) assign(ip, e.target, parts[i]);
      });
      return;
    }
    default:
      throw ip.error("invalid assignment target", target);
  }
}

export function index(ip: Interp, k: Value, limit: number, site: Span): number {
  if (!isNumber(k)) throw ip.error(`an index must be a number, got ${typeName(k)}`, site);
  const i = ip.plain(k);
  if (!Number.isInteger(i) || i < 0 || i >= limit) throw ip.error(`index ${i} out of range (length ${limit})`, site);
  return i;
}
