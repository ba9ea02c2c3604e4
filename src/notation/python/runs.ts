// Runs anywhere: long operator chains kept away from lezer. lezer/python nests a left-associative chain one tree
// level per operator and builds its tree recursively, so a 10,000-term `x + x + …` overflows the stack (or, past
// depth 2,500, keeps only leaves). Before parsing, every run of operands joined by at least LONG arithmetic,
// comparison or and/or/not operators at one bracket level is found here and blanked to `(   )` of the same length
// (line breaks kept), which lezer reads as an empty tuple; chains.ts lowers the run from its operands and operators.

import { tokenize, type Token } from "./tokens";

/** Operators in a run from which it is taken away from lezer. */
export const LONG = 128;

/** An operand (a primary with its trailers: `f(x).w[0]`) or an operator of a run. */
export type RunItem =
  | { readonly kind: "operand"; readonly from: number; readonly to: number }
  | { readonly kind: "op"; readonly op: string; readonly unary: boolean; readonly from: number; readonly to: number };

export interface Run {
  readonly from: number;
  readonly to: number;
  /** The run as written (the text lezer parses has it blanked). */
  readonly text: string;
  readonly items: readonly RunItem[];
}

const BINARY = new Set(["+", "-", "*", "/", "//", "%", "@", "**", "<", ">", "==", ">=", "<=", "!=", "and", "or", "in", "is"]);
const KEYWORDS = new Set([
  "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
  "global", "if", "import", "lambda", "nonlocal", "pass", "raise", "return", "try", "while", "with", "yield",
]);
const CONSTANTS = new Set(["True", "False", "None"]);

/** The run being read at one bracket level. */
class Reader {
  items: RunItem[] = [];
  /** "operand": an operand or a unary operator comes next; "after": an operator or a trailer; "dot": a name. */
  state: "operand" | "after" | "dot" = "operand";
  valid = true;
  binary = 0;
  /** A `for` whose `in` is still to come: that `in` ends the run instead of comparing. */
  forPending = false;

  constructor(
    private readonly found: Run[],
    private readonly source: string,
  ) {}

  end(): void {
    if (this.valid && this.state === "after" && this.binary >= LONG) {
      const from = this.items[0].from, to = this.items[this.items.length - 1].to;
      this.found.push({ from, to, text: this.source.slice(from, to), items: this.items });
    }
    this.items = [];
    this.state = "operand";
    this.valid = true;
    this.binary = 0;
  }

  operand(from: number, to: number): void {
    if (this.state === "after" && this.items[this.items.length - 1]?.kind === "operand") {
      const last = this.items[this.items.length - 1];
      this.items[this.items.length - 1] = { kind: "operand", from: last.from, to }; // a trailer, or `"a" "b"`
      return;
    }
    if (this.state !== "operand") this.valid = false;
    this.items.push({ kind: "operand", from, to });
    this.state = "after";
  }

  op(op: string, from: number, to: number): void {
    const unary = this.state === "operand", last = this.items[this.items.length - 1];
    // `not` starts an operand of and/or/not only (`a + not b` is not Python).
    const notAfter = op === "not" && last !== undefined && !(last.kind === "op" && (last.op === "and" || last.op === "or" || last.op === "not"));
    if (unary ? (op !== "-" && op !== "+" && op !== "not") || notAfter : !BINARY.has(op) && op !== "not in" && op !== "is not") this.valid = false;
    if (!unary) this.binary++;
    this.items.push({ kind: "op", op, unary, from, to });
    this.state = "operand";
  }
}

/** The runs of text with at least LONG operators, and the text with each blanked to `(   )`. */
export function findRuns(text: string): { text: string; runs: Map<number, Run> } {
  const tokens = tokenize(text), found: Run[] = [];
  const stack: Reader[] = [new Reader(found, text)];
  for (let i = 0; i < tokens.length; i++) {
    if (step(stack[stack.length - 1], tokens, i, stack, () => new Reader(found, text))) i++;
  }
  while (stack.length > 0) (stack.pop() as Reader).end();
  if (found.length === 0) return { text, runs: new Map() };
  const chars = text.split(""); // UTF-16 units, as offsets count them
  for (const run of found) {
    for (let k = run.from; k < run.to; k++) if (chars[k] !== "\n" && chars[k] !== "\r") chars[k] = " ";
    chars[run.from] = "(";
    chars[run.to - 1] = ")";
  }
  return { text: chars.join(""), runs: new Map(found.map((run) => [run.from, run])) };
}

/** Read token i into the run r; true when it also used the next token (`not in`, `is not`). */
function step(r: Reader, tokens: readonly Token[], i: number, stack: Reader[], reader: () => Reader): boolean {
  const t = tokens[i], next = tokens[i + 1];
  switch (t.kind) {
    case "open":
      // A bracket is an operand, or a trailer (`f(…)`, `a[…]`) after one; `{` only starts one.
      if (r.state === "after" && t.text === "{") r.valid = false;
      r.operand(t.from, t.to);
      stack.push(reader());
      return false;
    case "close": {
      if (stack.length > 1) (stack.pop() as Reader).end();
      const outer = stack[stack.length - 1], last = outer.items[outer.items.length - 1];
      if (last?.kind === "operand") outer.items[outer.items.length - 1] = { kind: "operand", from: last.from, to: t.to };
      return false;
    }
    case "newline": r.end(); return false;
    case "number":
    case "string":
      if (t.kind === "string" && r.state === "after" && tokens[i - 1]?.kind === "string") r.operand(t.from, t.to);
      else if (r.state === "operand") r.operand(t.from, t.to);
      else r.valid = false;
      return false;
    case "name":
      if (CONSTANTS.has(t.text)) {
        if (r.state !== "operand") r.valid = false;
        r.operand(t.from, t.to);
        return false;
      }
      if (t.text === "for") r.forPending = true;
      if (KEYWORDS.has(t.text) || (t.text === "in" && r.forPending)) {
        if (t.text === "in") r.forPending = false;
        r.end();
        return false;
      }
      if ((t.text === "not" && r.state === "after" && next?.text === "in") || (t.text === "is" && next?.text === "not")) {
        r.op(`${t.text} ${next.text}`, t.from, next.to);
        return true;
      }
      if (t.text === "not" || t.text === "and" || t.text === "or" || t.text === "in" || t.text === "is") {
        r.op(t.text, t.from, t.to);
        return false;
      }
      if (r.state === "dot") {
        const last = r.items[r.items.length - 1];
        r.items[r.items.length - 1] = { kind: "operand", from: last.from, to: t.to };
        r.state = "after";
      } else if (r.state === "after") r.valid = false; // two names in a row (`print x`, `match x`)
      else r.operand(t.from, t.to);
      return false;
    case "op":
      if (t.text === ".") {
        if (r.state !== "after") r.valid = false;
        r.state = "dot";
      } else if (t.text === "...") {
        r.operand(t.from, t.to);
      } else if (BINARY.has(t.text) || t.text === "~" || t.text === "&" || t.text === "|" || t.text === "^" || t.text === "<<" || t.text === ">>" || t.text === "<>") {
        r.op(t.text, t.from, t.to);
      } else r.end(); // `,` `:` `;` `=` `:=` `->` augmented assignments, `@` of a decorator…
      return false;
  }
}
