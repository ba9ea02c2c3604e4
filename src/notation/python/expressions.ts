// Runs anywhere: Python expressions → GradLens's tree with Python's meanings: `%` is `mod` (floored), `//` floor
// division, `-x ** 2` is `-(x ** 2)`, `**` right-associative; left-associative chains (`a + b - c`, `a * b / c`) are
// walked in a loop into one node. and/or/not/comparisons are re-associated in logic.ts; runs of more than
// runs.ts's LONG operators never reach lezer and are lowered by chains.ts.
import type { Arg, ArithOp, Expr, Member, SuperMember } from "../tree";
import { lowerRun } from "./chains";
import { lowerCollection, lowerComprehension, lowerSubscript } from "./collections";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerLambda } from "./functions";
import { lowerNumber, lowerString } from "./literals";
import { isLogic, lowerLogic } from "./logic";
import type { PyNode } from "./parse";

/** Lower an expression; an unsupported construct in it becomes an Unsupported node in its place. */
export function lowerExpr(cx: PyLowering, n: PyNode): Expr {
  return cx.slot(n, expr);
}

const SUPER = "`super` is supported as `super().m(…)` (or `super(C, self).m(…)`) only";

function expr(cx: PyLowering, n: PyNode): Expr {
  for (;;) {
    switch (n.name) {
      case "VariableName": {
        const name = cx.text(n);
        return name === "super" ? cx.reject(SUPER, n) : { kind: "name", name, ...cx.span(n) };
      }
      case "Number": return lowerNumber(cx, n);
      case "String":
      case "FormatString":
      case "ContinuedString":
        return lowerString(cx, n);
      case "Boolean": return { kind: "const", value: cx.text(n) === "True", ...cx.span(n) };
      case "None": return { kind: "const", value: null, ...cx.span(n) };
      case "ParenthesizedExpression": {
        const inner = kids(n)[1];
        if (inner.name === "*") return cx.reject("a starred expression is not supported here", n);
        n = inner;
        continue;
      }
      case "TupleExpression": {
        const run = cx.tree.runs.get(n.from);
        return run !== undefined && run.to === n.to ? lowerRun(cx, run) : lowerCollection(cx, n);
      }
      case "ArrayExpression":
      case "SetExpression":
      case "DictionaryExpression":
        return lowerCollection(cx, n);
      case "ArrayComprehensionExpression":
      case "SetComprehensionExpression":
      case "DictionaryComprehensionExpression":
      case "ComprehensionExpression":
        return lowerComprehension(cx, n, kids(n).slice(1, -1), cx.span(n));
      case "CallExpression": return call(cx, n);
      case "MemberExpression": return member(cx, n);
      case "BinaryExpression":
      case "UnaryExpression":
        return isLogic(n) ? lowerLogic(cx, n) : n.name === "UnaryExpression" ? unary(cx, n) : arith(cx, n);
      case "ConditionalExpression": {
        const [then, , test, , otherwise] = kids(n);
        return { kind: "conditional", test: lowerExpr(cx, test), then: lowerExpr(cx, then), otherwise: lowerExpr(cx, otherwise), ...cx.span(n) };
      }
      case "LambdaExpression": return lowerLambda(cx, n);
      case "NamedExpression": {
        const [target, op, value] = kids(n);
        if (target.name !== "VariableName") return cx.reject("invalid assignment target", target);
        return { kind: "assignExpr", op: undefined, target: { kind: "name", name: cx.text(target), ...cx.span(target) }, value: lowerExpr(cx, value), opSpan: cx.span(op), ...cx.span(n) };
      }
      case "AwaitExpression": return cx.reject("`await` is not supported", n);
      case "YieldExpression": return cx.reject("`yield` is not supported", n);
      case "Ellipsis": return cx.reject("`...` is not supported", n);
      default: return cx.reject(`\`${cx.text(n)}\` is not supported`, n);
    }
  }
}

function unary(cx: PyLowering, n: PyNode): Expr {
  const [op, arg] = kids(n), sign = cx.text(op);
  if (sign !== "-" && sign !== "+") return cx.reject(`operator \`${sign}\` is not supported`, n);
  return { kind: "unary", op: sign, arg: lowerExpr(cx, arg), opSpan: cx.span(op), ...cx.span(n) };
}

const ARITH: Record<string, ArithOp> = { "+": "+", "-": "-", "*": "*", "/": "/", "//": "//", "%": "mod", "@": "@", "**": "**" };
const GROUP: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "//": 2, "%": 2, "@": 2, "**": 3 };

/** The operator of a binary arithmetic or bitwise expression `[left, op, right]`. */
function operator(cx: PyLowering, n: PyNode): { op: PyNode; text: string } {
  const op = kids(n)[1];
  return { op, text: cx.text(op) };
}

function arith(cx: PyLowering, n: PyNode): Expr {
  const { op, text } = operator(cx, n), group = GROUP[text];
  if (group === undefined) return cx.reject(`operator \`${text}\` is not supported`, op);
  const chain: PyNode[] = [n];
  let first = kids(n)[0];
  // Walk down the left operands of the same precedence (`**` is right-associative: never).
  while (group !== 3 && first.name === "BinaryExpression" && !isLogic(first) && GROUP[operator(cx, first).text] === group) {
    chain.push(first);
    first = kids(first)[0];
  }
  chain.reverse();
  return {
    kind: "binary", first: lowerExpr(cx, first), ...cx.span(n),
    rest: chain.map((l) => {
      const [, o, right] = kids(l);
      return { op: ARITH[cx.text(o)], opSpan: cx.span(o), right: lowerExpr(cx, right), end: cx.end(l) };
    }),
  };
}

function member(cx: PyLowering, n: PyNode): Expr {
  const k = kids(n), object = k[0];
  if (k[1].name !== ".") return lowerSubscript(cx, n, object, k.slice(2, -1));
  const name = k[2];
  if (isSuperCall(cx, object)) {
    const s: SuperMember = { kind: "superMember", name: cx.text(name), nameSpan: cx.span(name), ...cx.span(n) };
    return s;
  }
  const m: Member = { kind: "member", object: lowerExpr(cx, object), name: cx.text(name), nameSpan: cx.span(name), ...cx.span(n) };
  return m;
}

/** `super()`, or Python 2's `super(C, self)` (read as the same), as the object of `super().m`. */
function isSuperCall(cx: PyLowering, n: PyNode): boolean {
  if (n.name !== "CallExpression") return false;
  const [callee, args] = kids(n), count = splitCommas(kids(args).slice(1, -1)).items.length;
  return callee.name === "VariableName" && cx.text(callee) === "super" && (count === 0 || count === 2);
}

function call(cx: PyLowering, n: PyNode): Expr {
  const [callee, list] = kids(n), parts = kids(list);
  const args = splitCommas(parts.slice(1, -1)).items.map((a) => argument(cx, a));
  return { kind: "call", callee: lowerExpr(cx, callee), args, parenSpan: cx.span(parts[0]), ...cx.span(n) };
}

function argument(cx: PyLowering, a: PyNode[]): Arg {
  const head = a[0], last = a[a.length - 1];
  if (head.name === "*") return { kind: "spread", value: lowerExpr(cx, a[1]), span: cx.spanOf(head, last) };
  if (head.name === "**") return { kind: "keywords", value: lowerExpr(cx, a[1]), span: cx.spanOf(head, last) };
  if (a.length === 3 && a[1].name === "AssignOp" && cx.text(a[1]) === "=") {
    return { kind: "keyword", name: cx.text(head), nameSpan: cx.span(head), value: lowerExpr(cx, a[2]) };
  }
  if (a.length === 3 && a[1].name === "AssignOp") {
    const value = lowerExpr(cx, a[2]);
    return { kind: "positional", value: { kind: "assignExpr", op: undefined, target: { kind: "name", name: cx.text(head), ...cx.span(head) }, value, opSpan: cx.span(a[1]), ...cx.spanOf(head, last) } };
  }
  // `f(x for x in xs)`: a generator expression as the only argument, without its own parentheses.
  if (a.length > 1) return { kind: "positional", value: cx.slot(head, () => lowerComprehension(cx, head, a, cx.spanOf(head, last), "generator")) };
  return { kind: "positional", value: lowerExpr(cx, head) };
}
