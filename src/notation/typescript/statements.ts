// Runs anywhere: TypeScript statements → GradLens's tree. Type-only declarations, `declare`, imports and exports
// run as Nothing (`export const` is a declaration); a `// @target` comment on the line above marks a statement.
import type * as TS from "typescript";
import { ts } from "../parse";
import type { Declare, If, Stmt } from "../tree";
import type { TsLowering } from "./context";
import { lowerClass } from "./classes";
import { lowerExpr, lowerTarget } from "./expressions";
import { lowerFunction, lowerPattern } from "./functions";

export function lowerStmts(cx: TsLowering, stmts: readonly TS.Statement[]): Stmt[] {
  return stmts.map((s) => lowerStmt(cx, s));
}

/** A statement; an unsupported construct in it (outside its nested expressions) makes it Unsupported. */
export function lowerStmt(cx: TsLowering, s: TS.Statement): Stmt {
  const lowered = cx.slot(s, stmt);
  return lowered.kind !== "unsupported" && marked(cx, s) ? { ...lowered, marked: true } : lowered;
}

/** `// @target` alone on the line right above the statement. */
function marked(cx: TsLowering, s: TS.Statement): boolean {
  const text = cx.sf.text, ranges = ts().getLeadingCommentRanges(text, s.pos);
  if (ranges === undefined) return false;
  const start = s.getStart(cx.sf);
  return ranges.some((r) => /^\/\/\s*@target\b/.test(text.slice(r.pos, r.end)) && lineBreaks(text, r.end, start) === 1);
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** A branch or loop body: a block's statements, or the one statement. */
function body(cx: TsLowering, s: TS.Statement): Stmt[] {
  return s.kind === cx.K.Block ? lowerStmts(cx, (s as TS.Block).statements) : [lowerStmt(cx, s)];
}

function stmt(cx: TsLowering, s: TS.Node): Stmt {
  const K = cx.K, span = cx.span(s);
  if (cx.modifier(s, K.DeclareKeyword) !== undefined) return { kind: "nothing", ...span };
  switch (s.kind) {
    case K.ExpressionStatement: return { kind: "expr", expr: lowerExpr(cx, (s as TS.ExpressionStatement).expression), ...span };
    case K.VariableStatement: return { ...declare(cx, (s as TS.VariableStatement).declarationList), ...span };
    case K.Block: return { kind: "block", body: lowerStmts(cx, (s as TS.Block).statements), ...span };
    case K.IfStatement: return ifChain(cx, s as TS.IfStatement);
    case K.ForStatement: {
      const f = s as TS.ForStatement, init = f.initializer;
      return {
        kind: "for", ...span,
        init: init === undefined ? undefined : init.kind === K.VariableDeclarationList ? declare(cx, init as TS.VariableDeclarationList) : lowerExpr(cx, init as TS.Expression),
        test: f.condition ? lowerExpr(cx, f.condition) : undefined, update: f.incrementor ? lowerExpr(cx, f.incrementor) : undefined,
        body: body(cx, f.statement),
      };
    }
    case K.ForOfStatement: return forOf(cx, s as TS.ForOfStatement);
    case K.WhileStatement: {
      const w = s as TS.WhileStatement;
      return { kind: "while", test: lowerExpr(cx, w.expression), body: body(cx, w.statement), doWhile: false, ...span };
    }
    case K.DoStatement: {
      const d = s as TS.DoStatement;
      return { kind: "while", test: lowerExpr(cx, d.expression), body: body(cx, d.statement), doWhile: true, ...span };
    }
    case K.BreakStatement:
    case K.ContinueStatement:
      if ((s as TS.BreakStatement).label) cx.rejectNode("labelled `break`/`continue` is not supported", s);
      return { kind: s.kind === K.BreakStatement ? "break" : "continue", ...span };
    case K.ReturnStatement: {
      const e = (s as TS.ReturnStatement).expression;
      return { kind: "return", value: e ? lowerExpr(cx, e) : undefined, ...span };
    }
    case K.ThrowStatement: return { kind: "raise", value: lowerExpr(cx, (s as TS.ThrowStatement).expression), ...span };
    case K.ClassDeclaration: {
      const c = s as TS.ClassDeclaration;
      if (c.name === undefined) cx.rejectNode("a class declaration needs a name", s);
      return { kind: "classDecl", cls: lowerClass(cx, c), ...span };
    }
    case K.FunctionDeclaration: {
      const f = s as TS.FunctionDeclaration;
      // Overload signatures have no body; an unnamed `export default function` binds nothing.
      if (f.body === undefined || f.name === undefined) return { kind: "nothing", ...span };
      return { kind: "functionDecl", fn: lowerFunction(cx, f), hoisted: true, ...span };
    }
    case K.EmptyStatement:
    case K.ImportDeclaration:
    case K.ImportEqualsDeclaration:
    case K.ExportDeclaration:
    case K.ExportAssignment:
    case K.TypeAliasDeclaration:
    case K.InterfaceDeclaration:
    case K.ModuleDeclaration:
      return { kind: "nothing", ...span };
    default:
      return cx.notSupported(s);
  }
}

/** `if … else if … else if …` in a loop: a chain of 10,000 branches is no deeper than one. */
function ifChain(cx: TsLowering, top: TS.IfStatement): If {
  const chain: TS.IfStatement[] = [top];
  for (let e = top.elseStatement; e !== undefined && e.kind === cx.K.IfStatement; e = (e as TS.IfStatement).elseStatement) chain.push(e as TS.IfStatement);
  const last = chain[chain.length - 1].elseStatement;
  let otherwise: Stmt[] | undefined = last !== undefined ? body(cx, last) : undefined;
  for (let k = chain.length - 1; k >= 0; k--) {
    const i = chain[k];
    const node: If = { kind: "if", test: lowerExpr(cx, i.expression), then: body(cx, i.thenStatement), otherwise, ...cx.span(i) };
    otherwise = [k > 0 && marked(cx, i) ? { ...node, marked: true } : node];
  }
  return (otherwise as If[])[0];
}

function declare(cx: TsLowering, list: TS.VariableDeclarationList): Declare {
  const F = ts().NodeFlags;
  if (list.flags & F.Using) cx.rejectNode("`using` is not supported", list);
  const mode = list.flags & F.Const ? "const" : list.flags & F.Let ? "let" : "var";
  const decls = list.declarations.map((d) => ({ target: lowerPattern(cx, d.name), init: d.initializer ? lowerExpr(cx, d.initializer) : undefined, span: cx.span(d) }));
  return { kind: "declare", mode, decls, ...cx.span(list) };
}

function forOf(cx: TsLowering, f: TS.ForOfStatement): Stmt {
  const K = cx.K, F = ts().NodeFlags;
  if (f.awaitModifier) cx.rejectNode("`for await` is not supported", f);
  const init = f.initializer, iter = lowerExpr(cx, f.expression);
  if (init.kind === K.VariableDeclarationList) {
    const list = init as TS.VariableDeclarationList;
    if (list.flags & F.Using) cx.rejectNode("`using` is not supported", list);
    const mode = list.flags & F.Const ? "const" : list.flags & F.Let ? "let" : "var";
    return { kind: "forOf", mode, target: lowerPattern(cx, list.declarations[0].name), iter, body: body(cx, f.statement), ...cx.span(f) };
  }
  return { kind: "forOf", mode: "assign", target: lowerTarget(cx, init as TS.Expression), iter, body: body(cx, f.statement), ...cx.span(f) };
}
