// Runs anywhere: Python statements → GradLens's tree. One source statement may become several (`a = 1; b = 2`,
// `import m, n`); a docstring, `pass` and annotations alone are Nothing; `# @target` on the line above marks a
// statement; `async`, `with`, `try`, `match`, decorators, `yield` and star imports are Unsupported, each named.
import type { ArithOp, Stmt } from "../tree";
import { lowerClassDef } from "./classes";
import { lowerExprList } from "./collections";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import { lowerDef } from "./functions";
import { lowerImport } from "./imports";
import type { PyNode } from "./parse";
import { lowerTarget, lowerTargetList } from "./targets";

/** The statements of a Script or a Body; `docstring`: a leading string is Nothing (modules, functions, classes). */
export function lowerBody(cx: PyLowering, block: PyNode, docstring: boolean): Stmt[] {
  const out: Stmt[] = [];
  for (const s of kids(block)) {
    if (!s.type.is("Statement")) continue;
    if (docstring && out.length === 0 && isDocstring(s)) out.push({ kind: "nothing", ...cx.span(s) });
    else lowerStmt(cx, s, out);
  }
  return out;
}

/** An expression statement holding only a string (not an f-string). */
export function isDocstring(s: PyNode): boolean {
  const e = s.name === "ExpressionStatement" ? s.firstChild : null;
  if (e === null || e.nextSibling !== null) return false;
  if (e.name === "String") return true;
  return e.name === "ContinuedString" && kids(e).every((p) => p.name === "String");
}

/** Lower s into out; an unsupported construct in it (outside its nested expressions) makes it Unsupported. */
function lowerStmt(cx: PyLowering, s: PyNode, out: Stmt[]): void {
  if (s.name === "StatementGroup") {
    for (const part of kids(s)) if (part.name !== ";") lowerStmt(cx, part, out);
    return;
  }
  const lowered = cx.slot(s, stmt);
  for (const l of Array.isArray(lowered) ? lowered : [lowered]) out.push(l.kind !== "unsupported" && marked(cx, s) ? { ...l, marked: true } : l);
}

/** `# @target` alone on the line right above the statement (which starts its line). */
function marked(cx: PyLowering, s: PyNode): boolean {
  const text = cx.tree.text, lineStart = text.lastIndexOf("\n", s.from - 1) + 1;
  if (lineStart === 0 || text.slice(lineStart, s.from).trim() !== "") return false;
  const above = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1);
  return /^\s*#\s*@target\b/.test(above);
}

const AUGMENTED: Record<string, ArithOp> = { "+=": "+", "-=": "-", "*=": "*", "/=": "/", "//=": "//", "%=": "mod", "**=": "**", "@=": "@" };

function stmt(cx: PyLowering, s: PyNode): Stmt | Stmt[] {
  const k = kids(s), span = cx.span(s);
  switch (s.name) {
    case "ExpressionStatement":
      if (k.length === 1 && k[0].name === "Ellipsis") return { kind: "nothing", ...span };
      return { kind: "expr", expr: lowerExprList(cx, k), ...span };
    case "AssignStatement": return assign(cx, s, k);
    case "UpdateStatement": {
      const op = k[1], text = cx.text(op);
      if (AUGMENTED[text] === undefined) return cx.reject(`operator \`${text}\` is not supported`, op);
      const target = lowerTarget(cx, k[0]);
      if (target.kind === "unpack") return cx.reject("invalid assignment target", k[0]);
      return { kind: "assignStmt", targets: [target], op: AUGMENTED[text], value: lowerExprList(cx, k.slice(2)), opSpan: cx.span(op), ...span };
    }
    case "DeleteStatement": return { kind: "del", targets: splitCommas(k.slice(1)).items.map((t) => lowerTarget(cx, t[0])), ...span };
    case "PassStatement":
    case "TypeDefinition":
      return { kind: "nothing", ...span };
    case "BreakStatement": return { kind: "break", ...span };
    case "ContinueStatement": return { kind: "continue", ...span };
    case "ReturnStatement": return { kind: "return", value: k.length > 1 ? lowerExprList(cx, k.slice(1)) : undefined, ...span };
    case "YieldStatement": return cx.reject("`yield` is not supported", s);
    case "PrintStatement": return cx.reject("`print` without parentheses is Python 2: write `print(…)`", s);
    case "RaiseStatement": {
      if (k.some((x) => x.name === ",")) return cx.reject("`raise E, message` is Python 2: write `raise E(message)`", s);
      return { kind: "raise", value: k.length > 1 ? lowerExpr(cx, k[1]) : undefined, ...span };
    }
    case "ImportStatement": return lowerImport(cx, s, k);
    case "ScopeStatement":
      return { kind: k[0].name === "global" ? "global" : "nonlocal", names: k.filter((x) => x.name === "VariableName").map((x) => ({ kind: "name" as const, name: cx.text(x), ...cx.span(x) })), ...span };
    case "AssertStatement": {
      const [test, message] = splitCommas(k.slice(1)).items;
      return { kind: "assert", test: lowerExpr(cx, test[0]), message: message ? lowerExpr(cx, message[0]) : undefined, ...span };
    }
    case "IfStatement": return ifChain(cx, s, k);
    case "WhileStatement": {
      const otherwise = elseOf(cx, k);
      return { kind: "while", test: lowerExpr(cx, k[1]), body: lowerBody(cx, k[2], false), doWhile: false, ...(otherwise ? { otherwise } : {}), ...span };
    }
    case "ForStatement": {
      if (k[0].name === "async") return cx.reject("`async for` is not supported", s);
      const inAt = k.findIndex((x) => x.name === "in"), bodyAt = k.findIndex((x) => x.name === "Body"), otherwise = elseOf(cx, k);
      return {
        kind: "forOf", mode: "assign", target: lowerTargetList(cx, k.slice(1, inAt)), iter: lowerExprList(cx, k.slice(inAt + 1, bodyAt)),
        body: lowerBody(cx, k[bodyAt], false), ...(otherwise ? { otherwise } : {}), ...span,
      };
    }
    case "FunctionDefinition":
      if (k[0].name === "async") return cx.reject("`async def` is not supported", s);
      return { kind: "functionDecl", fn: lowerDef(cx, s), hoisted: false, ...span };
    case "ClassDefinition": return { kind: "classDecl", cls: lowerClassDef(cx, s), ...span };
    case "WithStatement": return cx.reject(k[0].name === "async" ? "`async with` is not supported" : "`with` is not supported", s);
    case "TryStatement": return cx.reject("`try` is not supported", s);
    case "MatchStatement": return cx.reject("`match` is not supported", s);
    case "DecoratedStatement": return cx.reject("decorators are not supported", k[0]);
    default: return cx.reject(`\`${cx.text(s).split(/\s/)[0]}\` statements are not supported`, s);
  }
}

/** `a = b = v`, `a, b = v`, `x: float = v` (the annotation dropped; an annotation alone is Nothing). */
function assign(cx: PyLowering, s: PyNode, k: PyNode[]): Stmt {
  const groups: PyNode[][] = [[]], ops: PyNode[] = [];
  for (const x of k) {
    if (x.name === "AssignOp") {
      ops.push(x);
      groups.push([]);
    } else if (x.name !== "TypeDef") groups[groups.length - 1].push(x);
  }
  if (ops.length === 0) return { kind: "nothing", ...cx.span(s) };
  const value = groups.pop() as PyNode[];
  return { kind: "assignStmt", targets: groups.map((g) => lowerTargetList(cx, g)), op: undefined, value: lowerExprList(cx, value), opSpan: cx.span(ops[0]), ...cx.span(s) };
}

/** The `else:` body of an if, for or while statement. */
function elseOf(cx: PyLowering, k: PyNode[]): Stmt[] | undefined {
  const at = k.findIndex((x) => x.name === "else");
  return at < 0 ? undefined : lowerBody(cx, k[at + 1], false);
}

/** `if … elif … else …`: each `elif` an If in the `else` of the one before (built from the last, in a loop). */
function ifChain(cx: PyLowering, s: PyNode, k: PyNode[]): Stmt {
  const branches: { kw: PyNode; test: PyNode; body: PyNode }[] = [];
  for (let i = 0; i < k.length; i++) if (k[i].name === "if" || k[i].name === "elif") branches.push({ kw: k[i], test: k[i + 1], body: k[i + 2] });
  let otherwise = elseOf(cx, k);
  const end = cx.end(s);
  for (let b = branches.length - 1; b >= 0; b--) {
    const { kw, test, body } = branches[b];
    otherwise = [{ kind: "if", test: lowerExpr(cx, test), then: lowerBody(cx, body, false), otherwise, start: cx.start(kw), end }];
  }
  return (otherwise as Stmt[])[0];
}
