// Runs anywhere (extension host, tests): what is under an offset of a `.nn.ts` file (a name, an operator, a call)
// and which tape nodes came from it. Works on the notation's public results: the parsed file and the tape's
// source ranges and groups.
import type * as TS from "typescript";
import type { Tape } from "../engine";
import { ts } from "../notation/parse";
import { eachNode } from "../notation/typescript/walk";

export type Subject =
  | { kind: "name"; name: string; start: number; end: number; node: TS.Identifier; element?: number }
  | { kind: "operator"; op: string; start: number; end: number; expr: TS.Node }
  | { kind: "call"; name: string; start: number; end: number; expr: TS.CallExpression };

/** The innermost node or token that holds `offset`. */
export function tokenAt(sf: TS.SourceFile, offset: number): TS.Node | undefined {
  let node: TS.Node = sf;
  for (;;) {
    const next = node.getChildren(sf).find((c) => c.getStart(sf) <= offset && offset < c.end);
    if (next === undefined) return node === sf ? undefined : node;
    node = next;
  }
}

function calleeName(e: TS.Expression): string | undefined {
  const t = ts();
  if (t.isIdentifier(e)) return e.text;
  if (t.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The name, operator or call under `offset`, or undefined (whitespace, comments, literals, keywords). */
export function subjectAt(sf: TS.SourceFile, offset: number): Subject | undefined {
  const t = ts();
  const tok = tokenAt(sf, offset);
  if (tok === undefined) return undefined;
  const p = tok.parent;
  if (t.isIdentifier(tok)) {
    const start = tok.getStart(sf), end = tok.end;
    const callee = p && t.isCallExpression(p) && p.expression === tok ? p
      : p && t.isPropertyAccessExpression(p) && p.name === tok && p.parent && t.isCallExpression(p.parent) && p.parent.expression === p ? p.parent
      : undefined;
    if (callee !== undefined) return { kind: "call", name: tok.text, start, end, expr: callee };
    let element: number | undefined;
    if (p && t.isElementAccessExpression(p) && p.expression === tok && t.isNumericLiteral(p.argumentExpression)) {
      element = Number(p.argumentExpression.text);
    }
    return { kind: "name", name: tok.text, start, end, node: tok, element };
  }
  if (p && t.isBinaryExpression(p) && p.operatorToken === tok) {
    return { kind: "operator", op: tok.getText(sf), start: tok.getStart(sf), end: tok.end, expr: p };
  }
  if (p && (t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p)) && tok.kind !== t.SyntaxKind.Identifier) {
    return { kind: "operator", op: tok.getText(sf), start: tok.getStart(sf), end: tok.end, expr: p };
  }
  if (p && t.isCallExpression(p) && tok.kind === t.SyntaxKind.OpenParenToken) {
    const name = calleeName(p.expression);
    if (name !== undefined) return { kind: "call", name, start: tok.getStart(sf), end: tok.end, expr: p };
  }
  return undefined;
}

/** The expression a declaration binds, without parentheses and type assertions. */
export function bareExpression(e: TS.Expression): TS.Expression {
  const t = ts();
  let x = e;
  while (t.isParenthesizedExpression(x) || t.isAsExpression(x) || t.isNonNullExpression(x) || t.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

function container(n: TS.Node): TS.Node {
  const t = ts();
  let c = n.parent;
  while (c !== undefined && !t.isFunctionLike(c) && !t.isSourceFile(c)) c = c.parent;
  return c ?? n;
}

type Declaration = TS.VariableDeclaration | TS.FunctionDeclaration;

/** Declarations by name, once per parsed file (a hover asks for one name; inlay hints ask for all). */
const declarationIndex = new WeakMap<TS.SourceFile, Map<string, Declaration[]>>();

/** Every `const/let/var name = …` and function declaration of `name`. */
function declarationsOf(sf: TS.SourceFile, name: string): Declaration[] {
  let index = declarationIndex.get(sf);
  if (index === undefined) {
    const t = ts(), built = new Map<string, Declaration[]>();
    const add = (n: string, d: Declaration) => {
      const list = built.get(n);
      if (list === undefined) built.set(n, [d]);
      else list.push(d);
    };
    eachNode(sf, (n) => {
      if (t.isVariableDeclaration(n) && t.isIdentifier(n.name)) add(n.name.text, n);
      else if (t.isFunctionDeclaration(n) && n.name !== undefined) add(n.name.text, n);
    });
    index = built;
    declarationIndex.set(sf, index);
  }
  return index.get(name) ?? [];
}

/** The declaration a use of a name refers to: one in the same function or an enclosing one, the nearest first. */
export function declarationFor(sf: TS.SourceFile, id: TS.Identifier): Declaration | undefined {
  const decls = declarationsOf(sf, id.text);
  if (decls.length === 0) return undefined;
  const own = decls.find((d) => d.name === id);
  if (own !== undefined) return own;
  for (let c: TS.Node | undefined = container(id); c !== undefined; c = c === sf ? undefined : container(c)) {
    const here = decls.find((d) => container(d) === c);
    if (here !== undefined) return here;
  }
  return decls[0];
}

/** Node ids whose source range is exactly [start, end). */
export function nodesWithRange(tape: Tape, start: number, end: number): number[] {
  const out: number[] = [];
  const s = tape.srcStart, e = tape.srcEnd;
  for (let i = 0; i < tape.n; i++) if (s[i] === start && e[i] === end) out.push(i);
  return out;
}

/**
 * One node per evaluation: an expression can record several nodes under one range (a loss over rows); each run of
 * consecutive ids is one evaluation and its last node is the result.
 */
export function lastOfRuns(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < ids.length; k++) if (k === ids.length - 1 || ids[k + 1] !== ids[k] + 1) out.push(ids[k]);
  return out;
}

/** The label of the nearest enclosing "call" group of node i (`forward(1, 0)`), or undefined at top level. */
export function callLabel(tape: Tape, i: number): string | undefined {
  for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (tape.groups[g].kind === "call") return tape.groups[g].label;
  return undefined;
}

/**
 * For each call group of a function `name` (labels `name(…)`, or `Class.name(…)` for a method), its label, group and
 * last node: the call's result.
 */
export function callResults(tape: Tape, name: string): { label: string; node: number; group: number }[] {
  const want = new Map<number, number>();
  tape.groups.forEach((g, k) => {
    if (g.kind === "call" && (g.label.startsWith(`${name}(`) || isMethodLabel(g.label, name))) want.set(k, -1);
  });
  if (want.size === 0) return [];
  // Every wanted group a node is inside: a method's result can come from a nested call of the same name.
  for (let i = 0; i < tape.n; i++) {
    for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (want.has(g)) want.set(g, i);
  }
  return [...want].filter(([, node]) => node >= 0).map(([g, node]) => ({ label: tape.groups[g].label, node, group: g }));
}

/** `Class.name(…)`: a method call's group label. */
function isMethodLabel(label: string, name: string): boolean {
  const dot = label.indexOf(".");
  return dot > 0 && /^[\w$]+$/.test(label.slice(0, dot)) && label.startsWith(`${name}(`, dot + 1);
}
