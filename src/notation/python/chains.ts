// Runs anywhere: a long operator run (runs.ts) → GradLens's tree, by Python's precedence (`or` < `and` < `not` <
// comparisons < `+ -` < `* / // % @` < unary `+ -` < `**`), each level's chain walked in a loop into one node, so a
// 10,000-term `x + x + …` or `a and b and …` needs no recursion. Its operands are parsed by lezer all at once, as
// the elements of a list: the run's text with binary operators turned to commas and unary ones to blanks.
import { GradLensError } from "../errors";
import { MAX_NESTING } from "../lowering";
import type { ArithOp, CompareOp, Expr, Span } from "../tree";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";
import type { Run, RunItem } from "./runs";

type Op = Extract<RunItem, { kind: "op" }>;

const ADDITIVE: Record<string, ArithOp> = { "+": "+", "-": "-" };
const MULTIPLICATIVE: Record<string, ArithOp> = { "*": "*", "/": "/", "//": "//", "%": "mod", "@": "@" };
const COMPARE = new Set<string>(["<", "<=", ">", ">=", "==", "!=", "in", "not in", "is", "is not"]);

export function lowerRun(cx: PyLowering, run: Run): Expr {
  const chars = `[${run.text}]`.split("");
  for (const it of run.items) {
    if (it.kind !== "op") continue;
    for (let k = it.from; k < it.to; k++) chars[k - run.from + 1] = k === it.from && !it.unary ? "," : " ";
  }
  const sub = cx.fragment(chars.join(""), cx.tree.shift + run.from - 1);
  const list = sub.tree.top.firstChild?.firstChild;
  const operands = list?.name === "ArrayExpression" ? splitCommas(kids(list).slice(1, -1)).items.map((i) => i[0]) : [];
  if (operands.length !== run.items.filter((i) => i.kind === "operand").length) {
    throw new GradLensError("could not read this expression", cx.start(run), cx.end(run), cx.lw.doc);
  }
  const parser = new RunParser(cx, sub, run.items, operands), e = parser.parse();
  if (!parser.done()) throw new GradLensError("could not read this expression", cx.start(run), cx.end(run), cx.lw.doc);
  return e;
}

/** Precedence climbing over a run's items; only `**` (right-associative) recurses, within MAX_NESTING. */
class RunParser {
  private i = 0;
  private operand = 0;
  private powers = 0;

  constructor(
    private readonly cx: PyLowering,
    private readonly sub: PyLowering,
    private readonly items: readonly RunItem[],
    private readonly operands: readonly PyNode[],
  ) {}

  parse(): Expr {
    return this.logic("or", () => this.logic("and", () => this.negation()));
  }

  /** Whether every item was read (runs.ts lets through only what reads whole). */
  done(): boolean {
    return this.i === this.items.length;
  }

  private span(it: RunItem): Span {
    return { start: this.cx.start(it), end: this.cx.end(it) };
  }

  /** The next item if it is a binary operator that `accept` takes. */
  private binary(accept: (op: string) => boolean): Op | undefined {
    const it = this.items[this.i];
    if (it?.kind !== "op" || it.unary || !accept(it.op)) return undefined;
    this.i++;
    return it;
  }

  /** Leading unary operators that `accept` takes (at most MAX_NESTING of them). */
  private prefixes(accept: (op: string) => boolean): Op[] {
    const out: Op[] = [];
    for (let it = this.items[this.i]; it?.kind === "op" && it.unary && accept(it.op); it = this.items[++this.i]) out.push(it);
    if (out.length > MAX_NESTING) throw this.cx.lw.tooDeep(this.cx.start(out[0]), this.cx.end(out[out.length - 1]));
    return out;
  }

  private logic(op: "and" | "or", next: () => Expr): Expr {
    const first = next(), rest: { opSpan: Span; right: Expr; end: number }[] = [];
    for (let o = this.binary((x) => x === op); o !== undefined; o = this.binary((x) => x === op)) {
      const right = next();
      rest.push({ opSpan: this.span(o), right, end: right.end });
    }
    return rest.length === 0 ? first : { kind: "logic", op, first, rest, start: first.start, end: right(rest) };
  }

  private negation(): Expr {
    const nots = this.prefixes((x) => x === "not");
    let e = this.comparison();
    for (let k = nots.length - 1; k >= 0; k--) e = { kind: "unary", op: "not", arg: e, opSpan: this.span(nots[k]), start: this.cx.start(nots[k]), end: e.end };
    return e;
  }

  private comparison(): Expr {
    const first = this.arith(ADDITIVE, () => this.arith(MULTIPLICATIVE, () => this.factor()));
    const rest: { op: CompareOp; opSpan: Span; right: Expr }[] = [];
    for (let o = this.binary((x) => COMPARE.has(x)); o !== undefined; o = this.binary((x) => COMPARE.has(x))) {
      rest.push({ op: o.op as CompareOp, opSpan: this.span(o), right: this.arith(ADDITIVE, () => this.arith(MULTIPLICATIVE, () => this.factor())) });
    }
    return rest.length === 0 ? first : { kind: "compare", first, rest, start: first.start, end: rest[rest.length - 1].right.end };
  }

  private arith(ops: Record<string, ArithOp>, next: () => Expr): Expr {
    const first = next(), rest: { op: ArithOp; opSpan: Span; right: Expr; end: number }[] = [];
    for (let o = this.binary((x) => ops[x] !== undefined); o !== undefined; o = this.binary((x) => ops[x] !== undefined)) {
      const r = next();
      rest.push({ op: ops[o.op], opSpan: this.span(o), right: r, end: r.end });
    }
    return rest.length === 0 ? first : { kind: "binary", first, rest, start: first.start, end: right(rest) };
  }

  /** Unary `-`/`+` bind looser than `**`: `-x ** 2` is `-(x ** 2)`. */
  private factor(): Expr {
    const signs = this.prefixes((x) => x === "-" || x === "+");
    let e = this.power();
    for (let k = signs.length - 1; k >= 0; k--) {
      const s = signs[k];
      e = { kind: "unary", op: s.op as "-" | "+", arg: e, opSpan: this.span(s), start: this.cx.start(s), end: e.end };
    }
    return e;
  }

  /** `a ** b`: the right side is a factor (`2 ** -1`), so `a ** b ** c` nests to the right. */
  private power(): Expr {
    if (this.items[this.i]?.kind !== "operand") throw new GradLensError("could not read this expression", this.cx.start(this.items[this.i] ?? this.items[0]), this.cx.end(this.items[this.i] ?? this.items[0]), this.cx.lw.doc);
    const base = lowerExpr(this.sub, this.operands[this.operand++]);
    this.i++;
    const o = this.binary((x) => x === "**");
    if (o === undefined) return base;
    if (++this.powers > MAX_NESTING) throw this.cx.lw.tooDeep(this.cx.start(o), this.cx.end(o));
    const r = this.factor();
    this.powers--;
    return { kind: "binary", first: base, rest: [{ op: "**", opSpan: this.span(o), right: r, end: r.end }], start: base.start, end: r.end };
  }
}

function right(rest: readonly { end: number }[]): number {
  return rest[rest.length - 1].end;
}
