// Runs anywhere: Python's `or`, `and`, `not` and comparisons → GradLens's tree. lezer/python 1.1.19 nests `not` too
// widely (`not a or b` comes out as `not (a or b)`, `a and not b or c` as `a and (not (b or c))`), so the whole
// region of such operators is flattened back into its token order and parsed again by Python's precedence:
// `or` < `and` < `not` < comparisons, comparisons chaining (`a < b <= c` is one Compare; `(a < b) < c` is not).
// Both steps loop, so a 10,000-term `a and b and …` needs no recursion.
import type { CompareOp, Expr } from "../tree";
import { kids, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";
import { MAX_NESTING } from "../lowering";

const COMPARE_TOKENS = new Set(["CompareOp", "in", "is", "not"]);

/** Whether n is an and/or/not/comparison expression (the region logic.ts lowers). */
export function isLogic(n: PyNode): boolean {
  if (n.name === "UnaryExpression") return n.firstChild?.name === "not";
  if (n.name !== "BinaryExpression") return false;
  const op = n.firstChild?.nextSibling;
  let o = op;
  while (o != null && o.name === "Comment") o = o.nextSibling;
  return o != null && (o.name === "and" || o.name === "or" || COMPARE_TOKENS.has(o.name));
}

type Token =
  | { readonly kind: "operand"; readonly n: PyNode; readonly cx: PyLowering }
  | { readonly kind: "op"; readonly op: "and" | "or" | "not" | CompareOp; readonly start: number; readonly end: number; readonly text: string };

const COMPARE: Record<string, CompareOp> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!=", in: "in", "not in": "not in", is: "is", "is not": "is not" };

/** The region's operands and operators in source order (operands are lowered later, each with its own tree). */
function flatten(cx: PyLowering, n: PyNode): Token[] {
  const out: Token[] = [];
  const stack: (Token | { kind: "node"; n: PyNode; cx: PyLowering })[] = [{ kind: "node", n, cx }];
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    if (item.kind !== "node") {
      out.push(item);
      continue;
    }
    const { n: m, cx: mcx } = item;
    if (!isLogic(m)) {
      out.push({ kind: "operand", n: m, cx: mcx });
      continue;
    }
    const k = kids(m);
    if (m.name === "UnaryExpression") {
      stack.push({ kind: "node", n: k[1], cx: mcx });
      stack.push({ kind: "op", op: "not", start: mcx.start(k[0]), end: mcx.end(k[0]), text: "not" });
      continue;
    }
    const ops = k.slice(1, -1), text = ops.map((o) => mcx.text(o)).join(" ");
    const op = text === "and" || text === "or" ? text : COMPARE[text];
    if (op === undefined) mcx.reject(`operator \`${text}\` is not supported`, ops[0], ops[ops.length - 1]);
    stack.push({ kind: "node", n: k[k.length - 1], cx: mcx });
    stack.push({ kind: "op", op, start: mcx.start(ops[0]), end: mcx.end(ops[ops.length - 1]), text });
    stack.push({ kind: "node", n: k[0], cx: mcx });
  }
  return out;
}

/** Lower the region at n (an and/or/not/comparison expression). */
export function lowerLogic(cx: PyLowering, n: PyNode): Expr {
  const tokens = flatten(cx, n);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (t: Token | undefined, op: string): boolean => t?.kind === "op" && t.op === op;

  const operand = (): Expr => {
    const t = tokens[i++];
    if (t.kind === "operand") return lowerExpr(t.cx, t.n);
    // Only `a == not b` gets here (lezer accepts it; Python does not).
    return cx.lw.reject(`\`${t.text}\` cannot follow a comparison without parentheses`, t.start, t.end);
  };
  const comparison = (): Expr => {
    const first = operand(), rest: { op: CompareOp; opSpan: { start: number; end: number }; right: Expr }[] = [];
    for (let t = peek(); t?.kind === "op" && t.op !== "and" && t.op !== "or" && t.op !== "not"; t = peek()) {
      i++;
      rest.push({ op: t.op, opSpan: { start: t.start, end: t.end }, right: operand() });
    }
    return rest.length === 0 ? first : { kind: "compare", first, rest, start: first.start, end: rest[rest.length - 1].right.end };
  };
  const negation = (): Expr => {
    const nots: Token[] = [];
    while (isOp(peek(), "not")) nots.push(tokens[i++]);
    if (nots.length > MAX_NESTING) throw cx.lw.tooDeep((nots[0] as { start: number }).start, (nots[nots.length - 1] as { end: number }).end);
    let e = comparison();
    for (let k = nots.length - 1; k >= 0; k--) {
      const t = nots[k] as { start: number; end: number };
      e = { kind: "unary", op: "not", arg: e, opSpan: { start: t.start, end: t.end }, start: t.start, end: e.end };
    }
    return e;
  };
  const chain = (op: "and" | "or", next: () => Expr): Expr => {
    const first = next(), rest: { opSpan: { start: number; end: number }; right: Expr; end: number }[] = [];
    while (isOp(peek(), op)) {
      const t = tokens[i++] as { start: number; end: number };
      const right = next();
      rest.push({ opSpan: { start: t.start, end: t.end }, right, end: right.end });
    }
    return rest.length === 0 ? first : { kind: "logic", op, first, rest, start: first.start, end: rest[rest.length - 1].end };
  };
  return chain("or", () => chain("and", negation));
}
