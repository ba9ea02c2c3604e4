// Runs anywhere: TypeScript expressions → GradLens's tree. Type-only wrappers (`as`, `satisfies`, `!`, `<T>x`) and
// parentheses are unwrapped; left-associative chains (`a + b + …`, `a && b && …`, `a, b, …`) are walked in a loop
// into one node each, so a 10,000-term sum lowers without recursion.
import type * as TS from "typescript";
import { ts } from "../parse";
import type { Arg, ArithOp, CompareOp, Expr, Logic, Member, Span, Target } from "../tree";
import { lowerClass } from "./classes";
import type { TsLowering } from "./context";
import { lowerArray, lowerObject, lowerTemplate } from "./literals";
import { lowerFunction } from "./functions";

/** Lower an expression; an unsupported construct in it becomes an Unsupported node in its place. */
export function lowerExpr(cx: TsLowering, n: TS.Expression): Expr {
  return cx.slot(n, expr) as Expr;
}

function expr(cx: TsLowering, n: TS.Node): Expr {
  const K = cx.K;
  for (;;) {
    switch (n.kind) {
      case K.ParenthesizedExpression:
      case K.AsExpression:
      case K.SatisfiesExpression:
      case K.NonNullExpression:
      case K.TypeAssertionExpression:
        n = (n as TS.ParenthesizedExpression).expression;
        continue;
      case K.NumericLiteral: return { kind: "number", value: Number((n as TS.NumericLiteral).text), int: false, ...cx.span(n) };
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return { kind: "string", value: (n as TS.StringLiteral).text, ...cx.span(n) };
      case K.TrueKeyword: return { kind: "const", value: true, ...cx.span(n) };
      case K.FalseKeyword: return { kind: "const", value: false, ...cx.span(n) };
      case K.NullKeyword: return { kind: "const", value: null, ...cx.span(n) };
      case K.Identifier: {
        const name = (n as TS.Identifier).text;
        return name === "undefined" ? { kind: "const", value: undefined, ...cx.span(n) } : { kind: "name", name, ...cx.span(n) };
      }
      case K.ThisKeyword: return { kind: "this", ...cx.span(n) };
      case K.ConditionalExpression: {
        const c = n as TS.ConditionalExpression;
        return { kind: "conditional", test: lowerExpr(cx, c.condition), then: lowerExpr(cx, c.whenTrue), otherwise: lowerExpr(cx, c.whenFalse), ...cx.span(n) };
      }
      case K.PrefixUnaryExpression: return prefix(cx, n as TS.PrefixUnaryExpression);
      case K.PostfixUnaryExpression: return update(cx, n as TS.PostfixUnaryExpression, false);
      case K.BinaryExpression: return binary(cx, n as TS.BinaryExpression);
      case K.CallExpression: return call(cx, n as TS.CallExpression);
      case K.PropertyAccessExpression: return property(cx, n as TS.PropertyAccessExpression);
      case K.ElementAccessExpression: {
        const e = n as TS.ElementAccessExpression;
        if (e.questionDotToken) cx.rejectNode("optional chaining `?.` is not supported", e);
        return { kind: "index", object: objectOf(cx, e.expression), index: lowerExpr(cx, e.argumentExpression), ...cx.span(e) };
      }
      case K.ArrayLiteralExpression: return lowerArray(cx, n as TS.ArrayLiteralExpression);
      case K.ObjectLiteralExpression: return lowerObject(cx, n as TS.ObjectLiteralExpression);
      case K.ArrowFunction:
      case K.FunctionExpression:
        return lowerFunction(cx, n as TS.FunctionExpression);
      case K.TemplateExpression: return lowerTemplate(cx, n as TS.TemplateExpression);
      case K.NewExpression: {
        const e = n as TS.NewExpression;
        return { kind: "new", callee: lowerExpr(cx, e.expression), args: lowerArgs(cx, e.arguments ?? []), ...cx.span(e) };
      }
      case K.ClassExpression: return lowerClass(cx, n as TS.ClassExpression);
      default:
        return cx.notSupported(n);
    }
  }
}

/** The object of `o.x` / `o[i]`: `super` there is only supported as `super.m(…)`. */
function objectOf(cx: TsLowering, o: TS.Expression): Expr {
  if (o.kind === cx.K.SuperKeyword) cx.notSupported(o);
  return lowerExpr(cx, o);
}

function property(cx: TsLowering, p: TS.PropertyAccessExpression): Member {
  if (p.questionDotToken) cx.rejectNode("optional chaining `?.` is not supported", p);
  return { kind: "member", object: objectOf(cx, p.expression), name: p.name.text, nameSpan: cx.span(p.name), ...cx.span(p) };
}

function opSpan(at: number, length: number): Span {
  return { start: at, end: at + length };
}

function prefix(cx: TsLowering, n: TS.PrefixUnaryExpression): Expr {
  const K = cx.K, start = cx.start(n);
  switch (n.operator) {
    case K.MinusToken: return { kind: "unary", op: "-", arg: lowerExpr(cx, n.operand), opSpan: opSpan(start, 1), ...cx.span(n) };
    case K.PlusToken: return { kind: "unary", op: "+", arg: lowerExpr(cx, n.operand), opSpan: opSpan(start, 1), ...cx.span(n) };
    case K.ExclamationToken: return { kind: "unary", op: "not", arg: lowerExpr(cx, n.operand), opSpan: opSpan(start, 1), ...cx.span(n) };
    case K.PlusPlusToken:
    case K.MinusMinusToken:
      return update(cx, n, true);
    default:
      return cx.rejectNode(`operator \`${ts().tokenToString(n.operator)}\` is not supported`, n);
  }
}

/** `++x`, `x--`. */
function update(cx: TsLowering, n: TS.PrefixUnaryExpression | TS.PostfixUnaryExpression, isPrefix: boolean): Expr {
  const op = n.operator === cx.K.PlusPlusToken ? "+" : "-";
  const at = isPrefix ? cx.start(n) : cx.end(n) - 2;
  return { kind: "update", op, prefix: isPrefix, target: lowerTarget(cx, n.operand), opSpan: opSpan(at, 2), ...cx.span(n) };
}

/** Operator groups: operators chained into one node are of one group. */
const ADDITIVE = new Set(["+", "-"]), MULTIPLICATIVE = new Set(["*", "/", "%"]);
const COMPOUND: Record<string, ArithOp> = { "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**" };
const COMPARE = new Set(["<", "<=", ">", ">=", "===", "!==", "==", "!=", "instanceof"]);
const LOGIC: Record<string, Logic["op"]> = { "&&": "and", "||": "or", "??": "??" };

function opText(n: TS.BinaryExpression): string {
  return ts().tokenToString(n.operatorToken.kind) ?? "";
}

/** The links of the left-associative chain ending at n whose operators `same` accepts, leftmost first. */
function links(cx: TsLowering, n: TS.BinaryExpression, same: (op: string) => boolean): { first: TS.Expression; chain: TS.BinaryExpression[] } {
  const chain: TS.BinaryExpression[] = [];
  let cur: TS.Expression = n;
  while (cur.kind === cx.K.BinaryExpression && same(opText(cur as TS.BinaryExpression))) {
    chain.push(cur as TS.BinaryExpression);
    cur = (cur as TS.BinaryExpression).left;
  }
  chain.reverse();
  return { first: cur, chain };
}

function binary(cx: TsLowering, n: TS.BinaryExpression): Expr {
  const op = opText(n);
  const group = ADDITIVE.has(op) ? ADDITIVE : MULTIPLICATIVE.has(op) ? MULTIPLICATIVE : undefined;
  if (group !== undefined || op === "**") {
    // `**` is right-associative: never a chain (its left operand is not walked).
    const { first, chain } = group !== undefined ? links(cx, n, (o) => group.has(o)) : { first: n.left, chain: [n] };
    return {
      kind: "binary", first: lowerExpr(cx, first), ...cx.span(n),
      rest: chain.map((l) => ({ op: opText(l) as ArithOp, opSpan: cx.span(l.operatorToken), right: lowerExpr(cx, l.right), end: cx.end(l) })),
    };
  }
  const logic = LOGIC[op];
  if (logic !== undefined) {
    const { first, chain } = links(cx, n, (o) => o === op);
    return {
      kind: "logic", op: logic, first: lowerExpr(cx, first), ...cx.span(n),
      rest: chain.map((l) => ({ opSpan: cx.span(l.operatorToken), right: lowerExpr(cx, l.right), end: cx.end(l) })),
    };
  }
  if (op === ",") {
    const { first, chain } = links(cx, n, (o) => o === ",");
    return { kind: "sequence", exprs: [lowerExpr(cx, first), ...chain.map((l) => lowerExpr(cx, l.right))], ...cx.span(n) };
  }
  if (op === "=" || COMPOUND[op] !== undefined) {
    return { kind: "assignExpr", op: COMPOUND[op], target: lowerTarget(cx, n.left), value: lowerExpr(cx, n.right), opSpan: cx.span(n.operatorToken), ...cx.span(n) };
  }
  if (COMPARE.has(op)) {
    return { kind: "compare", first: lowerExpr(cx, n.left), rest: [{ op: op as CompareOp, opSpan: cx.span(n.operatorToken), right: lowerExpr(cx, n.right) }], ...cx.span(n) };
  }
  return cx.rejectNode(`operator \`${op}\` is not supported`, n.operatorToken);
}

function call(cx: TsLowering, n: TS.CallExpression): Expr {
  if (n.questionDotToken) cx.rejectNode("optional calls `?.()` are not supported", n);
  const K = cx.K, e = n.expression, args = lowerArgs(cx, n.arguments);
  if (e.kind === K.SuperKeyword) return { kind: "superCall", args, ...cx.span(n) };
  let callee: Expr;
  if (e.kind === K.PropertyAccessExpression && (e as TS.PropertyAccessExpression).expression.kind === K.SuperKeyword) {
    const pa = e as TS.PropertyAccessExpression;
    if (pa.questionDotToken) cx.rejectNode("optional chaining `?.` is not supported", pa);
    callee = { kind: "superMember", name: pa.name.text, nameSpan: cx.span(pa.name), ...cx.span(pa) };
  } else callee = lowerExpr(cx, e);
  // The arguments' list starts right after the opening parenthesis.
  const paren = cx.base + n.arguments.pos - 1;
  return { kind: "call", callee, args, parenSpan: { start: paren, end: paren + 1 }, ...cx.span(n) };
}

export function lowerArgs(cx: TsLowering, args: readonly TS.Expression[]): Arg[] {
  return args.map((a): Arg => a.kind === cx.K.SpreadElement
    ? { kind: "spread", value: lowerExpr(cx, (a as TS.SpreadElement).expression), span: cx.span(a) }
    : { kind: "positional", value: lowerExpr(cx, a) });
}

/** What an assignment, `++`/`--` or `for (x of …)` writes. */
export function lowerTarget(cx: TsLowering, e: TS.Expression): Target {
  const K = cx.K;
  while (e.kind === K.ParenthesizedExpression || e.kind === K.NonNullExpression || e.kind === K.AsExpression || e.kind === K.SatisfiesExpression) {
    e = (e as TS.ParenthesizedExpression).expression;
  }
  switch (e.kind) {
    case K.Identifier: return { kind: "name", name: (e as TS.Identifier).text, ...cx.span(e) };
    case K.PropertyAccessExpression: return property(cx, e as TS.PropertyAccessExpression);
    case K.ElementAccessExpression: {
      const x = expr(cx, e);
      return x.kind === "index" ? x : cx.rejectNode("invalid assignment target", e);
    }
    case K.ArrayLiteralExpression: {
      const elements = cx.nest(cx.start(e), cx.end(e), () => (e as TS.ArrayLiteralExpression).elements.map((x) => {
        if (x.kind === K.OmittedExpression) return undefined;
        if (x.kind === K.SpreadElement) return { target: lowerTarget(cx, (x as TS.SpreadElement).expression), starred: true };
        if (x.kind === K.BinaryExpression && (x as TS.BinaryExpression).operatorToken.kind === K.EqualsToken) cx.rejectNode("this destructuring is not supported", x);
        return { target: lowerTarget(cx, x), starred: false };
      }));
      return { kind: "unpack", elements, ...cx.span(e) };
    }
    case K.ObjectLiteralExpression: return cx.rejectNode("this destructuring is not supported", e);
    default: return cx.rejectNode("invalid assignment target", e);
  }
}
