// Runs anywhere: the statements only Python has: assignment statements (`a = b = v`, `a, *b = v`, `x += v`),
// imports, `global`/`nonlocal`, `assert`, `raise` (TypeScript's `throw` too) and `del`.
import { arith } from "./arith";
import { assign, withName } from "./assign";
import { Instance } from "./classes";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { importModule } from "./py-modules";
import { pyStr } from "./py-print";
import { PyDict, assignPyName, isTuple, pyIndex } from "./py-values";
import { Completion } from "./statements";
import type { Assign, Expr, Stmt, Target } from "./tree";
import { Obj, typeName, type Value } from "./values";

export function pyStmt(ip: Interp, s: Stmt): Completion {
  switch (s.kind) {
    case "assignStmt": assignment(ip, s); break;
    case "import": {
      const m = importModule(ip, s.module, s.moduleSpan);
      if (s.names === undefined) assignPyName(ip, s.alias ?? s.module.split(".")[0], m);
      else for (const n of s.names) {
        if (!m.props.has(n.name)) throw ip.error(`cannot import name '${n.name}' from '${s.module}'`, n.span);
        assignPyName(ip, n.alias ?? n.name, m.props.get(n.name));
      }
      break;
    }
    case "global": case "nonlocal": {
      const set = s.kind === "global" ? (ip.scope.globals ??= new Set()) : (ip.scope.nonlocals ??= new Set());
      for (const n of s.names) set.add(n.name);
      break;
    }
    case "assert":
      if (!ip.truthy(evalExpr(ip, s.test))) {
        const msg = s.message === undefined ? undefined : pyStr(ip, evalExpr(ip, s.message), s);
        throw ip.error(msg === undefined || msg === "" ? "AssertionError" : `AssertionError: ${msg}`, s);
      }
      break;
    case "raise": throw ip.error(raised(ip, s.value), s);
    case "del": for (const t of s.targets) del(ip, t); break;
    default: throw ip.error(`\`${s.kind}\` is not supported`, s);
  }
  return Completion.Normal;
}

/** `a = b = v`: v once, assigned to each target left to right; `x += v` reads x, then writes it. */
function assignment(ip: Interp, s: Assign): void {
  if (s.op !== undefined) {
    const t = s.targets[0];
    const old = evalExpr(ip, t as Expr);
    // `xs += ys` extends a list in place (aliases see it), as Python does.
    if (s.op === "+" && Array.isArray(old) && !isTuple(old)) {
      const more = evalExpr(ip, s.value);
      if (!Array.isArray(more)) throw ip.error(`'${typeName(more)}' object is not iterable`, s.value);
      ip.allocate(more.length, s);
      old.push(...more);
      return;
    }
    assign(ip, t, arith(ip, s.op, old, evalExpr(ip, s.value), s));
    return;
  }
  const v = s.targets.length === 1 ? withName(ip, s.targets[0], () => evalExpr(ip, s.value)) : evalExpr(ip, s.value);
  for (const t of s.targets) assign(ip, t, v);
}

/** The message of `raise E("msg")` / `throw new Error("msg")`: `E: msg`, or the value's text. */
function raised(ip: Interp, e: Expr | undefined): string {
  if (e === undefined) return "re-raise outside an exception handler is not supported";
  const call = e.kind === "call" || e.kind === "new" ? e : undefined;
  if (call !== undefined && call.callee.kind === "name") {
    const arg = call.args[0];
    const msg = arg !== undefined && arg.kind === "positional" ? pyStr(ip, evalExpr(ip, arg.value), arg.value) : "";
    return msg === "" ? call.callee.name : `${call.callee.name}: ${msg}`;
  }
  if (e.kind === "name") return e.name;
  const v: Value = evalExpr(ip, e);
  return v instanceof Instance ? v.cls.name : pyStr(ip, v, e);
}

function del(ip: Interp, t: Target): void {
  switch (t.kind) {
    case "name": {
      if (!ip.scope.vars.delete(t.name)) throw ip.error(`name '${t.name}' is not defined`, t);
      return;
    }
    case "index": {
      const o = evalExpr(ip, t.object), k = evalExpr(ip, t.index);
      if (Array.isArray(o) && !isTuple(o)) o.splice(pyIndex(ip, k, o.length, t), 1);
      else if (o instanceof PyDict) {
        if (!o.delete(ip, k, t)) throw ip.error(`KeyError: ${pyStr(ip, k, t)}`, t);
      } else throw ip.error(`'${typeName(o)}' object doesn't support item deletion`, t);
      return;
    }
    case "member": {
      const o = evalExpr(ip, t.object);
      if (!(o instanceof Obj) || !o.props.delete(t.name)) throw ip.error(`cannot delete attribute '${t.name}'`, t);
      return;
    }
    case "unpack": for (const e of t.elements) if (e !== undefined) del(ip, e.target); return;
    default: throw ip.error("cannot delete this", t);
  }
}
