// Runs anywhere: statements. Control flow returns a completion code instead of throwing, so loops stay cheap and
// `while (true) {}` reaches the step bound quickly.
import type * as TS from "typescript";
import { Closure, bind } from "./calls";
import { declareClass } from "./classes";
import { assign, withName } from "./assign";
import { evalExpr, kinds, unsupported } from "./expressions";
import { Scope, type Interp } from "./interp";
import { bindingLog, madeSince } from "./locate";
import { ts } from "./parse";
import { tensorRows } from "./tensors";
import { Tensor, typeName, type Value } from "./values";

export enum Completion {
  Normal,
  Break,
  Continue,
  Return,
}

/** Run statements in scope (function declarations hoisted first). */
export function execBlock(ip: Interp, stmts: readonly TS.Statement[], scope: Scope): Completion {
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

const declaring = new WeakMap<readonly TS.Statement[], boolean>();

function declares(stmts: readonly TS.Statement[]): boolean {
  let d = declaring.get(stmts);
  if (d === undefined) {
    const t = ts();
    d = stmts.some((s) => t.isVariableStatement(s) || t.isFunctionDeclaration(s) || t.isClassDeclaration(s));
    declaring.set(stmts, d);
  }
  return d;
}

export function hoist(stmts: readonly TS.Statement[], scope: Scope): void {
  const t = ts();
  for (const s of stmts) {
    if (t.isFunctionDeclaration(s) && s.name && s.body) scope.declare(s.name.text, new Closure(s.name.text, s, scope), false);
  }
}

function isDeclare(s: TS.Statement): boolean {
  const mods = (s as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
  return mods?.some((m) => m.kind === ts().SyntaxKind.DeclareKeyword) ?? false;
}

// Kept small like evalExpr (cases with locals live in helpers).
export function exec(ip: Interp, s: TS.Statement): Completion {
  const K = kinds();
  for (;;) {
    ip.tick(s);
    switch (s.kind) {
      case K.ExpressionStatement:
        evalExpr(ip, (s as TS.ExpressionStatement).expression);
        return Completion.Normal;
      case K.VariableStatement:
        if (!isDeclare(s)) declare(ip, (s as TS.VariableStatement).declarationList);
        return Completion.Normal;
      case K.Block:
        // A block without declarations needs no scope of its own (keeps tight loops cheap).
        return execBlock(ip, (s as TS.Block).statements, declares((s as TS.Block).statements) ? new Scope(ip.scope) : ip.scope);
      case K.IfStatement:
        if (ip.truthy(evalExpr(ip, (s as TS.IfStatement).expression))) s = (s as TS.IfStatement).thenStatement;
        else if ((s as TS.IfStatement).elseStatement) s = (s as TS.IfStatement).elseStatement as TS.Statement;
        else return Completion.Normal;
        continue;
      case K.ForStatement: return forLoop(ip, s as TS.ForStatement);
      case K.ForOfStatement: return forOf(ip, s as TS.ForOfStatement);
      case K.WhileStatement: return whileLoop(ip, s as TS.WhileStatement);
      case K.DoStatement: return doLoop(ip, s as TS.DoStatement);
      case K.BreakStatement:
      case K.ContinueStatement:
        if ((s as TS.BreakStatement).label) throw ip.error("labelled `break`/`continue` is not supported", s);
        return s.kind === K.BreakStatement ? Completion.Break : Completion.Continue;
      case K.ReturnStatement:
        if (ip.depth === 0) throw ip.error("`return` outside a function", s);
        ip.returnValue = (s as TS.ReturnStatement).expression ? evalExpr(ip, (s as TS.ReturnStatement).expression as TS.Expression) : undefined;
        return Completion.Return;
      case K.LabeledStatement: return annotated(ip, s as TS.LabeledStatement);
      case K.ClassDeclaration:
        declareClass(ip, s as TS.ClassDeclaration);
        return Completion.Normal;
      case K.FunctionDeclaration:
      case K.EmptyStatement:
      case K.ImportDeclaration:
      case K.ImportEqualsDeclaration:
      case K.ExportDeclaration:
      case K.TypeAliasDeclaration:
      case K.InterfaceDeclaration:
      case K.ModuleDeclaration:
        return Completion.Normal;
      default:
        throw unsupported(ip, s);
    }
  }
}

function whileLoop(ip: Interp, w: TS.WhileStatement): Completion {
  while (ip.truthy(evalExpr(ip, w.expression))) {
    const c = exec(ip, w.statement);
    if (c === Completion.Break) break;
    if (c === Completion.Return) return c;
  }
  return Completion.Normal;
}

function doLoop(ip: Interp, d: TS.DoStatement): Completion {
  do {
    const c = exec(ip, d.statement);
    if (c === Completion.Break) break;
    if (c === Completion.Return) return c;
  } while (ip.truthy(evalExpr(ip, d.expression)));
  return Completion.Normal;
}

/** Python's annotated assignment `x: float = 53.0` parses as label `x` and statement `float = 53.0`. */
function annotated(ip: Interp, s: TS.LabeledStatement): Completion {
  const a = pythonAnnotation(ip, s);
  if (a === undefined) throw unsupported(ip, s);
  assign(ip, a.name, withName(ip, a.name, () => evalExpr(ip, a.value)));
  return Completion.Normal;
}

export function declare(ip: Interp, list: TS.VariableDeclarationList): void {
  const t = ts();
  const constant = (list.flags & t.NodeFlags.Const) !== 0;
  const isVar = (list.flags & (t.NodeFlags.Let | t.NodeFlags.Const)) === 0;
  let scope = ip.scope;
  if (isVar) while (!scope.isFunction && scope.parent) scope = scope.parent;
  const path = ip.namePath;
  // Looked up once: a run without a log pays one lookup per statement. Inside a function a `const` name is logged too
  // (per call: the tape does not name `const n = xs.length`; a node the initializer made is hovered from the tape);
  // top-level names are read from the final scope.
  const log = bindingLog(ip), locals = log !== undefined && constant && ip.depth > 0;
  for (const d of list.declarations) {
    // The binding's name is the default name of params made in the initializer (`const w1 = [param(1)]`).
    ip.namePath = t.isIdentifier(d.name) ? d.name.text : undefined;
    const from = locals ? ip.tape.n : 0;
    const v = d.initializer ? evalExpr(ip, d.initializer) : undefined;
    ip.namePath = path;
    bind(ip, scope, d.name, v, constant);
    // A pattern's names have no node of their own to hover: log them (only when the document run keeps a log).
    if (log !== undefined && (!t.isIdentifier(d.name) || (locals && !madeSince(ip, v, from)))) log.record(ip, d.name, scope);
  }
}

function forLoop(ip: Interp, f: TS.ForStatement): Completion {
  const saved = ip.scope;
  let scope = new Scope(saved);
  ip.scope = scope;
  try {
    const t = ts();
    if (f.initializer) {
      if (t.isVariableDeclarationList(f.initializer)) declare(ip, f.initializer);
      else evalExpr(ip, f.initializer);
    }
    for (;;) {
      if (f.condition && !ip.truthy(evalExpr(ip, f.condition))) break;
      const c = exec(ip, f.statement);
      if (c === Completion.Break) break;
      if (c === Completion.Return) return c;
      // A fresh environment per iteration, as in JavaScript: closures made in the body keep their own `i`.
      scope = scope.copy();
      ip.scope = scope;
      if (f.incrementor) evalExpr(ip, f.incrementor);
    }
    return Completion.Normal;
  } finally {
    ip.scope = saved;
  }
}

function forOf(ip: Interp, f: TS.ForOfStatement): Completion {
  const t = ts();
  if (f.awaitModifier) throw ip.error("`for await` is not supported", f);
  const seq: Value = evalExpr(ip, f.expression);
  // A tensor iterates over its rows (its elements, for a vector), as in NumPy and PyTorch.
  const items = seq instanceof Tensor ? tensorRows(ip, seq, f.expression) : seq;
  if (!Array.isArray(items)) throw ip.error(`\`for … of\` needs an array, got ${typeName(items)}`, f.expression);
  const label = t.isIdentifier(f.expression) ? f.expression.text : "row";
  const saved = ip.scope, log = bindingLog(ip);
  try {
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      const scope = new Scope(saved);
      ip.scope = scope;
      const rows = Array.isArray(x);
      if (rows) ip.tape.beginGroup("sample", `${label}[${i}]`);
      let c: Completion;
      try {
        const init = f.initializer;
        if (t.isVariableDeclarationList(init)) {
          bind(ip, scope, init.declarations[0].name, x, (init.flags & t.NodeFlags.Const) !== 0);
          if (log !== undefined) log.record(ip, init.declarations[0].name, scope);
        } else assign(ip, init, x);
        c = exec(ip, f.statement);
      } finally {
        if (rows) ip.tape.endGroup();
      }
      if (c === Completion.Break) break;
      if (c === Completion.Return) return c;
    }
    return Completion.Normal;
  } finally {
    ip.scope = saved;
  }
}

/** `x: T = v` in a Python selection: the name and the value; undefined for anything else. */
export function pythonAnnotation(ip: { python: boolean }, s: TS.LabeledStatement): { name: TS.Identifier; value: TS.Expression } | undefined {
  const t = ts();
  if (!ip.python || !t.isExpressionStatement(s.statement)) return undefined;
  const e = s.statement.expression;
  if (!t.isBinaryExpression(e) || e.operatorToken.kind !== t.SyntaxKind.EqualsToken) return undefined;
  if (!t.isIdentifier(e.left) && !t.isPropertyAccessExpression(e.left) && !t.isElementAccessExpression(e.left)) return undefined;
  return { name: s.label, value: e.right };
}
