// Runs anywhere: statements. Control flow returns a completion code instead of throwing, so loops stay cheap and
// `while (true) {}` reaches the step bound quickly. A TypeScript statement list is a block scope (made only when it
// declares something: tight loops stay cheap); Python has function scopes only.
import { Closure, bind } from "./calls";
import { declareClass } from "./classes";
import { assign } from "./assign";
import { evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import { bindingLog, madeSince } from "./locate";
import { pyStmt } from "./py-statements";
import { assignPyName, iterate } from "./py-values";
import type { Declare, For, ForOf, Stmt, While } from "./tree";
import { targetNames } from "./walk";
import { type Value } from "./values";

export enum Completion {
  Normal,
  Break,
  Continue,
  Return,
}

/** Run statements in scope (function declarations hoisted first). */
export function execBlock(ip: Interp, stmts: readonly Stmt[], scope: Scope): Completion {
  // No try/finally: an error ends the whole evaluation (see Closure.call).
  const saved = ip.scope;
  ip.scope = scope;
  if (scope !== saved) hoist(stmts, scope);
  for (let i = 0; i < stmts.length; i++) {
    const c = exec(ip, stmts[i]);
    if (c !== Completion.Normal) {
      ip.scope = saved;
      return c;
    }
  }
  ip.scope = saved;
  return Completion.Normal;
}

/** A branch or loop body: its own scope in TypeScript when it declares something. */
export function execBody(ip: Interp, stmts: readonly Stmt[]): Completion {
  return execBlock(ip, stmts, ip.lang !== "py" && declares(stmts) ? new Scope(ip.scope) : ip.scope);
}

const declaring = new WeakMap<readonly Stmt[], boolean>();

function declares(stmts: readonly Stmt[]): boolean {
  let d = declaring.get(stmts);
  if (d === undefined) {
    d = stmts.some((s) => s.kind === "declare" || s.kind === "functionDecl" || s.kind === "classDecl");
    declaring.set(stmts, d);
  }
  return d;
}

/** Function declarations (TypeScript's, hoisted) bound before the statements run. */
export function hoist(stmts: readonly Stmt[], scope: Scope): void {
  for (const s of stmts) {
    if (s.kind === "functionDecl" && s.hoisted) scope.declare(s.fn.name ?? "", new Closure(s.fn.name ?? "", s.fn, scope), false);
  }
}

// Kept small like evalExpr (cases with locals live in helpers).
export function exec(ip: Interp, s: Stmt): Completion {
  for (;;) {
    ip.tick(s);
    switch (s.kind) {
      case "expr":
        evalExpr(ip, s.expr);
        return Completion.Normal;
      case "declare":
        declare(ip, s);
        return Completion.Normal;
      case "block":
        return execBody(ip, s.body);
      case "if":
        if (ip.truthy(evalExpr(ip, s.test))) {
          if (s.then.length === 1 && s.then[0].kind !== "declare") s = s.then[0];
          else return execBody(ip, s.then);
        } else if (s.otherwise === undefined) return Completion.Normal;
        else if (s.otherwise.length === 1 && s.otherwise[0].kind !== "declare") s = s.otherwise[0];
        else return execBody(ip, s.otherwise);
        continue;
      case "for": return forLoop(ip, s);
      case "forOf": return forOf(ip, s);
      case "while": return whileLoop(ip, s);
      case "break": return Completion.Break;
      case "continue": return Completion.Continue;
      case "return":
        if (ip.depth === 0) throw ip.error("`return` outside a function", s);
        ip.returnValue = s.value !== undefined ? evalExpr(ip, s.value) : undefined;
        return Completion.Return;
      case "classDecl": {
        const cls = declareClass(ip, s.cls);
        if (ip.lang === "py") assignPyName(ip, s.cls.name ?? "", cls);
        else ip.scope.declare(s.cls.name ?? "", cls, false);
        return Completion.Normal;
      }
      case "functionDecl":
        if (!s.hoisted) assignPyName(ip, s.fn.name ?? "", pyDefine(ip, s.fn));
        return Completion.Normal;
      case "nothing":
        return Completion.Normal;
      case "unsupported":
        throw ip.error(s.what, s);
      default:
        return pyStmt(ip, s);
    }
  }
}

/** A Python `def`, `lambda` or method: its defaults evaluated now, where it is defined. */
export function pyDefine(ip: Interp, fn: Closure["decl"], name = fn.name ?? "", env = ip.scope): Closure {
  const f = new Closure(name, fn, env);
  for (const p of fn.params) if (p.default !== undefined) f.defaults.push(evalExpr(ip, p.default));
  return f;
}

function whileLoop(ip: Interp, w: While): Completion {
  if (w.doWhile) {
    do {
      const c = execBody(ip, w.body);
      if (c === Completion.Break) break;
      if (c === Completion.Return) return c;
    } while (ip.truthy(evalExpr(ip, w.test)));
    return Completion.Normal;
  }
  while (ip.truthy(evalExpr(ip, w.test))) {
    const c = execBody(ip, w.body);
    if (c === Completion.Break) return Completion.Normal;
    if (c === Completion.Return) return c;
  }
  return w.otherwise !== undefined ? execBody(ip, w.otherwise) : Completion.Normal;
}

export function declare(ip: Interp, list: Declare): void {
  const constant = list.mode === "const";
  let scope = ip.scope;
  if (list.mode === "var") while (!scope.isFunction && scope.parent) scope = scope.parent;
  const path = ip.namePath;
  // Looked up once: a run without a log pays one lookup per statement. Inside a function a `const` name is logged too
  // (per call: the tape does not name `const n = xs.length`; a node the initializer made is hovered from the tape);
  // top-level names are read from the final scope.
  const log = bindingLog(ip), locals = log !== undefined && constant && ip.depth > 0;
  for (const d of list.decls) {
    // The binding's name is the default name of params made in the initializer (`const w1 = [param(1)]`).
    ip.namePath = d.target.kind === "name" ? d.target.name : undefined;
    const from = locals ? ip.tape.n : 0;
    const v = d.init !== undefined ? evalExpr(ip, d.init) : undefined;
    ip.namePath = path;
    bind(ip, scope, d.target, v, constant);
    // A pattern's names have no node of their own to hover: log them (only when the document run keeps a log).
    if (log !== undefined && (d.target.kind !== "name" || (locals && !madeSince(ip, v, from)))) log.record(ip, d.target, scope);
  }
}

function forLoop(ip: Interp, f: For): Completion {
  const saved = ip.scope;
  let scope = new Scope(saved);
  ip.scope = scope;
  try {
    if (f.init !== undefined) {
      if (f.init.kind === "declare") declare(ip, f.init);
      else evalExpr(ip, f.init);
    }
    for (;;) {
      if (f.test !== undefined && !ip.truthy(evalExpr(ip, f.test))) break;
      const c = execBody(ip, f.body);
      if (c === Completion.Break) break;
      if (c === Completion.Return) return c;
      // A fresh environment per iteration, as in JavaScript: closures made in the body keep their own `i`.
      scope = scope.copy();
      ip.scope = scope;
      if (f.update !== undefined) evalExpr(ip, f.update);
    }
    return Completion.Normal;
  } finally {
    ip.scope = saved;
  }
}

function forOf(ip: Interp, f: ForOf): Completion {
  const items = iterate(ip, evalExpr(ip, f.iter), f.iter, "`for … of` needs an array");
  const label = f.iter.kind === "name" ? f.iter.name : "row";
  const saved = ip.scope, log = bindingLog(ip), py = f.mode === "assign";
  try {
    for (let i = 0; i < items.length; i++) {
      const x: Value = items[i];
      const scope = py ? saved : new Scope(saved);
      ip.scope = scope;
      const rows = Array.isArray(x);
      if (rows) ip.tape.beginGroup("sample", `${label}[${i}]`);
      let c: Completion;
      try {
        if (!py) {
          const target = f.target as Parameters<typeof bind>[2];
          bind(ip, scope, target, x, f.mode === "const");
          if (log !== undefined) log.record(ip, target, scope);
        } else {
          assign(ip, f.target as Parameters<typeof assign>[1], x);
          if (log !== undefined) log.recordNames(ip, targetNames(f.target), scope);
        }
        c = execBody(ip, f.body);
      } finally {
        if (rows) ip.tape.endGroup();
      }
      if (c === Completion.Break) return Completion.Normal;
      if (c === Completion.Return) return c;
    }
  } finally {
    ip.scope = saved;
  }
  return f.otherwise !== undefined ? execBody(ip, f.otherwise) : Completion.Normal;
}

