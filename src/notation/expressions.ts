// Runs anywhere: evaluation of expressions. Every number a graph value is a tape node tagged with its source range.
import type * as TS from "typescript";
import { arith, compare, negate, type ArithOp, type CompareOp } from "./arith";
import { Closure } from "./calls";
import { assign, index, withName } from "./assign";
import { Instance, callInstance, classExpression, construct, instanceOf, methodOf, receiver, superCall, thisValue } from "./classes";
import type { Interp } from "./interp";
import { arrayLiteral, objectLiteral } from "./literals";
import { member } from "./members";
import { ts } from "./parse";
import { row } from "./tensors";
import { Fn, Tensor, append, isNumber, typeName, type Value } from "./values";

const COMPOUND: Record<string, ArithOp> = { "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**" };
const COMPARE = new Set(["<", "<=", ">", ">=", "===", "!==", "==", "!="]);
const LOGIC = new Set(["&&", "||", "??", ",", "instanceof"]);

// Kept small (cases with locals live in helpers), and parentheses and the ternary loop instead of recursing:
// every nested interpreted call passes through this frame.
export function evalExpr(ip: Interp, n: TS.Expression): Value {
  const K = kinds();
  for (;;) {
    ip.tick(n);
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
        n = (n as TS.ParenthesizedExpression).expression;
        continue;
      case K.ConditionalExpression:
        n = ip.truthy(evalExpr(ip, (n as TS.ConditionalExpression).condition))
          ? (n as TS.ConditionalExpression).whenTrue : (n as TS.ConditionalExpression).whenFalse;
        continue;
      case K.PrefixUnaryExpression: return prefix(ip, n as TS.PrefixUnaryExpression);
      case K.PostfixUnaryExpression: return update(ip, n as TS.PostfixUnaryExpression, false);
      case K.BinaryExpression: return binary(ip, n as TS.BinaryExpression);
      case K.CallExpression: return call(ip, n as TS.CallExpression);
      case K.PropertyAccessExpression: return property(ip, n as TS.PropertyAccessExpression);
      case K.ElementAccessExpression: return element(ip, n as TS.ElementAccessExpression);
      case K.ArrayLiteralExpression: return arrayLiteral(ip, n as TS.ArrayLiteralExpression);
      case K.ObjectLiteralExpression: return objectLiteral(ip, n as TS.ObjectLiteralExpression);
      case K.ArrowFunction:
      case K.FunctionExpression:
        return new Closure((n as TS.FunctionExpression).name?.text ?? "", n as TS.FunctionExpression, ip.scope);
      case K.TemplateExpression: return template(ip, n as TS.TemplateExpression);
      case K.ThisKeyword: return thisValue(ip, n);
      case K.NewExpression: return construct(ip, n as TS.NewExpression);
      case K.ClassExpression: return classExpression(ip, n as TS.ClassExpression);
      default:
        throw unsupported(ip, n);
    }
  }
}

let syntaxKind: typeof TS.SyntaxKind | undefined;

export function kinds(): typeof TS.SyntaxKind {
  return syntaxKind ?? (syntaxKind = ts().SyntaxKind);
}

function property(ip: Interp, p: TS.PropertyAccessExpression): Value {
  if (p.questionDotToken) throw ip.error("optional chaining `?.` is not supported", p);
  return member(ip, evalExpr(ip, p.expression), p.name.text, p);
}

function template(ip: Interp, te: TS.TemplateExpression): string {
  let s = te.head.text;
  for (const span of te.templateSpans) s += arith(ip, "+", "", evalExpr(ip, span.expression), span) + span.literal.text;
  return s;
}

const NAMED: Record<string, string> = {
  SuperKeyword: "`super` is supported as `super(…)` and `super.m(…)` only",
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

export function lookup(ip: Interp, id: TS.Identifier): Value {
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

/** Token kind → arithmetic operator, built once. */
let arithByKind: Map<number, ArithOp> | undefined;

function arithOp(kind: number): ArithOp | undefined {
  if (arithByKind === undefined) {
    const K = kinds();
    arithByKind = new Map<number, ArithOp>([
      [K.PlusToken, "+"], [K.MinusToken, "-"], [K.AsteriskToken, "*"], [K.SlashToken, "/"], [K.PercentToken, "%"],
      [K.AsteriskAsteriskToken, "**"],
    ]);
  }
  return arithByKind.get(kind);
}

// The arithmetic path first and with few locals: nested calls inside operands keep this frame alive.
function binary(ip: Interp, n: TS.BinaryExpression): Value {
  if (chains(n.left) && chains(n)) return chain(ip, n);
  const a = arithOp(n.operatorToken.kind);
  if (a === undefined) return otherBinary(ip, n);
  if (a === "**" && ip.python && n.left.kind === kinds().PrefixUnaryExpression) return pythonPower(ip, n);
  return arith(ip, a, evalExpr(ip, n.left), evalExpr(ip, n.right), n);
}

/** Left-associative operators: `a + b + c` is `(a + b) + c`, a chain down the left side. */
let chaining: Set<number> | undefined;

function chains(e: TS.Expression): boolean {
  if (e.kind !== kinds().BinaryExpression) return false;
  if (chaining === undefined) {
    const K = kinds();
    chaining = new Set([
      K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken, K.LessThanToken, K.LessThanEqualsToken,
      K.GreaterThanToken, K.GreaterThanEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken,
      K.EqualsEqualsToken, K.ExclamationEqualsToken, K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken,
      K.CommaToken, K.InstanceOfKeyword,
    ]);
  }
  return chaining.has((e as TS.BinaryExpression).operatorToken.kind);
}

/**
 * `x + x + … + x` as a loop: a 10,000-term sum is a tree 10,000 deep, which recursion would walk on the JavaScript
 * stack. Each link is ticked on the way down, the leftmost operand evaluated, then each operator applied rightwards:
 * the same steps, the same order and the same nodes as the recursion.
 */
function chain(ip: Interp, top: TS.BinaryExpression): Value {
  const links: TS.BinaryExpression[] = [top];
  let e = top.left;
  while (chains(e)) {
    ip.tick(e);
    links.push(e as TS.BinaryExpression);
    e = (e as TS.BinaryExpression).left;
  }
  let acc = evalExpr(ip, e);
  for (let k = links.length - 1; k >= 0; k--) acc = combine(ip, links[k], acc);
  return acc;
}

/** `left op n.right` for a left-associative operator, with the left side already evaluated. */
function combine(ip: Interp, n: TS.BinaryExpression, left: Value): Value {
  const a = arithOp(n.operatorToken.kind);
  if (a !== undefined) return arith(ip, a, left, evalExpr(ip, n.right), n);
  const op = ts().tokenToString(n.operatorToken.kind) ?? "";
  switch (op) {
    case "&&": return ip.truthy(left) ? evalExpr(ip, n.right) : left;
    case "||": return ip.truthy(left) ? left : evalExpr(ip, n.right);
    case "??": return left === null || left === undefined ? evalExpr(ip, n.right) : left;
    case ",": return evalExpr(ip, n.right);
    case "instanceof": return instanceOf(ip, left, evalExpr(ip, n.right), n);
    default: return compare(ip, op as CompareOp, left, evalExpr(ip, n.right), n);
  }
}

/** Python reads `-a ** b` as `-(a ** b)` (TypeScript rejects it; parse() let it through for Python only). */
function pythonPower(ip: Interp, n: TS.BinaryExpression): Value {
  const K = kinds(), u = n.left as TS.PrefixUnaryExpression;
  if (u.operator !== K.MinusToken && u.operator !== K.PlusToken) return arith(ip, "**", evalExpr(ip, u), evalExpr(ip, n.right), n);
  const p = arith(ip, "**", evalExpr(ip, u.operand), evalExpr(ip, n.right), n);
  return u.operator === K.MinusToken ? negate(ip, p, n) : p;
}

function otherBinary(ip: Interp, n: TS.BinaryExpression): Value {
  const op = ts().tokenToString(n.operatorToken.kind) ?? "";
  if (op === "=") {
    const v = withName(ip, n.left, () => evalExpr(ip, n.right));
    assign(ip, n.left, v);
    return v;
  }
  const compound = COMPOUND[op];
  if (compound !== undefined) {
    const v = arith(ip, compound, evalExpr(ip, n.left), evalExpr(ip, n.right), n);
    assign(ip, n.left, v);
    return v;
  }
  if (COMPARE.has(op) || LOGIC.has(op)) return combine(ip, n, evalExpr(ip, n.left));
  throw ip.error(`operator \`${op}\` is not supported`, n.operatorToken);
}

function element(ip: Interp, n: TS.ElementAccessExpression): Value {
  const o = evalExpr(ip, n.expression);
  const k = evalExpr(ip, n.argumentExpression);
  if (Array.isArray(o)) return o[index(ip, k, o.length, n)];
  if (o instanceof Tensor && typeof k !== "string") return row(ip, o, k, n);
  if (typeof k === "string") return member(ip, o, k, n);
  throw ip.error(`cannot index ${typeName(o)} with ${typeName(k)}`, n);
}

function call(ip: Interp, n: TS.CallExpression): Value {
  if (n.questionDotToken) throw ip.error("optional calls `?.()` are not supported", n);
  const e = n.expression;
  if (e.kind === kinds().SuperKeyword) return superCall(ip, n);
  // `obj.m(…)` and `super.m(…)` pass the receiver as `this` (classes.ts). Method calls go through this same frame:
  // every nested interpreted call passes through it, and one frame more per call would cost a fifth of the depth.
  let self: Value, f: Value;
  if (e.kind === kinds().PropertyAccessExpression) f = methodOf(ip, self = receiver(ip, e as TS.PropertyAccessExpression), e as TS.PropertyAccessExpression);
  else f = evalExpr(ip, e);
  const args = argumentsOf(ip, n);
  if (!(f instanceof Fn)) {
    if (f instanceof Instance) return callInstance(ip, f, args, n); // `lin(x)`: a Module instance
    throw ip.error(`\`${e.getText(ip.sf)}\` is not a function (it is ${typeName(f)})`, e);
  }
  ip.current = n;
  return f.call(ip, args, n, self);
}

export function argumentsOf(ip: Interp, n: TS.CallExpression | TS.NewExpression): Value[] {
  const args: Value[] = [];
  const t = ts(), path = ip.namePath;
  ip.namePath = undefined;
  for (const a of n.arguments ?? []) {
    if (t.isSpreadElement(a)) {
      const v = evalExpr(ip, a.expression);
      if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into arguments`, a);
      ip.allocate(v.length, a);
      append(args, v);
    } else args.push(evalExpr(ip, a));
  }
  ip.namePath = path;
  return args;
}

