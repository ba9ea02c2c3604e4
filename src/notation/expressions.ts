// Runs anywhere: evaluation of expressions. Every number a graph value is a tape node tagged with its source range.
import type * as TS from "typescript";
import { arith, compare, negate, type ArithOp, type CompareOp } from "./arith";
import { Closure } from "./calls";
import type { Interp } from "./interp";
import { member } from "./members";
import { ts } from "./parse";
import { Fn, Obj, isNumber, typeName, type Value } from "./values";

const ARITH: Record<string, ArithOp> = { "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "**": "**" };
const COMPOUND: Record<string, ArithOp> = { "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**" };
const COMPARE = new Set(["<", "<=", ">", ">=", "===", "!==", "==", "!="]);

export function evalExpr(ip: Interp, n: TS.Expression): Value {
  ip.tick(n);
  const t = ts(), K = t.SyntaxKind;
  switch (n.kind) {
    case K.NumericLiteral:
      return Number((n as TS.NumericLiteral).text);
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
      return (n as TS.StringLiteral).text;
    case K.TrueKeyword: return true;
    case K.FalseKeyword: return false;
    case K.NullKeyword: return null;
    case K.Identifier: return lookup(ip, n as TS.Identifier);
    case K.ParenthesizedExpression:
    case K.AsExpression:
    case K.SatisfiesExpression:
    case K.NonNullExpression:
    case K.TypeAssertionExpression:
      return evalExpr(ip, (n as TS.ParenthesizedExpression).expression);
    case K.PrefixUnaryExpression: return prefix(ip, n as TS.PrefixUnaryExpression);
    case K.PostfixUnaryExpression: return update(ip, n as TS.PostfixUnaryExpression, false);
    case K.BinaryExpression: return binary(ip, n as TS.BinaryExpression);
    case K.ConditionalExpression: {
      const c = n as TS.ConditionalExpression;
      return evalExpr(ip, ip.truthy(evalExpr(ip, c.condition)) ? c.whenTrue : c.whenFalse);
    }
    case K.CallExpression: return call(ip, n as TS.CallExpression);
    case K.PropertyAccessExpression: {
      const p = n as TS.PropertyAccessExpression;
      if (p.questionDotToken) throw ip.error("optional chaining `?.` is not supported", n);
      return member(ip, evalExpr(ip, p.expression), p.name.text, p);
    }
    case K.ElementAccessExpression: return element(ip, n as TS.ElementAccessExpression);
    case K.ArrayLiteralExpression: return arrayLiteral(ip, n as TS.ArrayLiteralExpression);
    case K.ObjectLiteralExpression: return objectLiteral(ip, n as TS.ObjectLiteralExpression);
    case K.ArrowFunction:
    case K.FunctionExpression: {
      const f = n as TS.FunctionExpression;
      return new Closure(f.name?.text ?? "", f, ip.scope);
    }
    case K.TemplateExpression: {
      const te = n as TS.TemplateExpression;
      let s = te.head.text;
      for (const span of te.templateSpans) s += arith(ip, "+", "", evalExpr(ip, span.expression), span) + span.literal.text;
      return s;
    }
    default:
      throw unsupported(ip, n);
  }
}

const NAMED: Record<string, string> = {
  ClassExpression: "`class` is not supported yet", ClassDeclaration: "`class` is not supported yet",
  NewExpression: "`new` is not supported", ThisKeyword: "`this` is not supported (classes are not supported yet)",
  SwitchStatement: "`switch` is not supported", TryStatement: "`try` is not supported",
  ThrowStatement: "`throw` is not supported", ForInStatement: "`for … in` is not supported (use `for … of`)",
  LabeledStatement: "labelled statements are not supported",
  EnumDeclaration: "`enum` is not supported", AwaitExpression: "`await` is not supported",
  YieldExpression: "`yield` is not supported", TypeOfExpression: "`typeof` is not supported",
  DeleteExpression: "`delete` is not supported", RegularExpressionLiteral: "regular expressions are not supported",
  WithStatement: "`with` is not supported", DebuggerStatement: "`debugger` is not supported",
};

export function unsupported(ip: Interp, n: TS.Node): Error {
  const kind = ts().SyntaxKind[n.kind];
  return ip.error(NAMED[kind] ?? `${kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} is not supported`, n);
}

function lookup(ip: Interp, id: TS.Identifier): Value {
  const b = ip.scope.lookup(id.text);
  if (b !== undefined) return b.value;
  if (id.text === "undefined") return undefined;
  throw ip.error(`unknown name \`${id.text}\``, id);
}

function prefix(ip: Interp, n: TS.PrefixUnaryExpression): Value {
  const K = ts().SyntaxKind;
  switch (n.operator) {
    case K.MinusToken: return negate(ip, evalExpr(ip, n.operand), n);
    case K.PlusToken: {
      const v = evalExpr(ip, n.operand);
      if (!isNumber(v)) throw ip.error(`unary \`+\` needs a number, got ${typeName(v)}`, n);
      return v;
    }
    case K.ExclamationToken: return !ip.truthy(evalExpr(ip, n.operand));
    case K.PlusPlusToken:
    case K.MinusMinusToken: return update(ip, n, true);
    default: throw ip.error(`operator \`${ts().tokenToString(n.operator)}\` is not supported`, n);
  }
}

/** `++x`, `x--`: through the graph like `x = x + 1`. */
function update(ip: Interp, n: TS.PrefixUnaryExpression | TS.PostfixUnaryExpression, isPrefix: boolean): Value {
  const old = evalExpr(ip, n.operand);
  if (!isNumber(old)) throw ip.error(`\`++\`/\`--\` need a number, got ${typeName(old)}`, n);
  const next = arith(ip, n.operator === ts().SyntaxKind.PlusPlusToken ? "+" : "-", old, 1, n);
  assign(ip, n.operand, next);
  return isPrefix ? next : old;
}

function binary(ip: Interp, n: TS.BinaryExpression): Value {
  const K = ts().SyntaxKind;
  const op = ts().tokenToString(n.operatorToken.kind) ?? "";
  if (op === "=") {
    const v = withName(ip, n.left, () => evalExpr(ip, n.right));
    assign(ip, n.left, v);
    return v;
  }
  if (op === "&&") {
    const a = evalExpr(ip, n.left);
    return ip.truthy(a) ? evalExpr(ip, n.right) : a;
  }
  if (op === "||") {
    const a = evalExpr(ip, n.left);
    return ip.truthy(a) ? a : evalExpr(ip, n.right);
  }
  if (op === "??") {
    const a = evalExpr(ip, n.left);
    return a === null || a === undefined ? evalExpr(ip, n.right) : a;
  }
  if (op === ",") {
    evalExpr(ip, n.left);
    return evalExpr(ip, n.right);
  }
  const compound = COMPOUND[op];
  if (compound !== undefined) {
    const v = arith(ip, compound, evalExpr(ip, n.left), evalExpr(ip, n.right), n);
    assign(ip, n.left, v);
    return v;
  }
  // Python reads `-a ** b` as `-(a ** b)` (TypeScript rejects it; parse() let it through for Python only).
  if (op === "**" && ip.python && n.left.kind === K.PrefixUnaryExpression) {
    const u = n.left as TS.PrefixUnaryExpression;
    if (u.operator === K.MinusToken || u.operator === K.PlusToken) {
      const p = arith(ip, "**", evalExpr(ip, u.operand), evalExpr(ip, n.right), n);
      return u.operator === K.MinusToken ? negate(ip, p, n) : p;
    }
  }
  const a = ARITH[op];
  if (a !== undefined) return arith(ip, a, evalExpr(ip, n.left), evalExpr(ip, n.right), n);
  if (COMPARE.has(op)) return compare(ip, op as CompareOp, evalExpr(ip, n.left), evalExpr(ip, n.right), n);
  throw ip.error(`operator \`${op}\` is not supported`, n.operatorToken);
}

/** Evaluate with the binding path of an assignment target, so `w = param(1)` names the param `w`. */
export function withName(ip: Interp, target: TS.Node, f: () => Value): Value {
  const saved = ip.namePath;
  ip.namePath = pathOf(target);
  try {
    return f();
  } finally {
    ip.namePath = saved;
  }
}

function pathOf(n: TS.Node): string | undefined {
  const t = ts();
  if (t.isIdentifier(n)) return n.text;
  if (t.isPropertyAccessExpression(n)) {
    const p = pathOf(n.expression);
    return p === undefined ? undefined : `${p}.${n.name.text}`;
  }
  return undefined;
}

export function assign(ip: Interp, target: TS.Expression, v: Value): void {
  const t = ts();
  if (t.isParenthesizedExpression(target)) return assign(ip, target.expression, v);
  if (t.isIdentifier(target)) {
    const b = ip.scope.lookup(target.text);
    if (b === undefined && ip.implicitDeclare) {
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

function element(ip: Interp, n: TS.ElementAccessExpression): Value {
  const o = evalExpr(ip, n.expression);
  const k = evalExpr(ip, n.argumentExpression);
  if (Array.isArray(o)) return o[index(ip, k, o.length, n)];
  if (typeof k === "string") return member(ip, o, k, n);
  throw ip.error(`cannot index ${typeName(o)} with ${typeName(k)}`, n);
}

function arrayLiteral(ip: Interp, n: TS.ArrayLiteralExpression): Value[] {
  const out: Value[] = [];
  const path = ip.namePath, t = ts();
  try {
    for (const e of n.elements) {
      if (t.isSpreadElement(e)) {
        ip.namePath = undefined;
        const v = evalExpr(ip, e.expression);
        if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into an array`, e);
        for (const x of v) out.push(x);
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

function objectLiteral(ip: Interp, n: TS.ObjectLiteralExpression): Obj {
  const o = new Obj(), t = ts(), path = ip.namePath;
  try {
    for (const p of n.properties) {
      if (t.isSpreadAssignment(p)) {
        ip.namePath = undefined;
        const v = evalExpr(ip, p.expression);
        if (!(v instanceof Obj)) throw ip.error(`cannot spread ${typeName(v)} into an object`, p);
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

function call(ip: Interp, n: TS.CallExpression): Value {
  if (n.questionDotToken) throw ip.error("optional calls `?.()` are not supported", n);
  const f = evalExpr(ip, n.expression);
  const args: Value[] = [];
  const t = ts(), path = ip.namePath;
  ip.namePath = undefined;
  try {
    for (const a of n.arguments) {
      if (t.isSpreadElement(a)) {
        const v = evalExpr(ip, a.expression);
        if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into arguments`, a);
        args.push(...v);
      } else args.push(evalExpr(ip, a));
    }
  } finally {
    ip.namePath = path;
  }
  if (!(f instanceof Fn)) throw ip.error(`\`${n.expression.getText(ip.sf)}\` is not a function (it is ${typeName(f)})`, n.expression);
  ip.current = n;
  return f.call(ip, args, n);
}

