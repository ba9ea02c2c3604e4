// Runs anywhere (pure JavaScript, browser-safe): parsing Python with @lezer/python. Its error nodes become
// positioned errors worded like parse.ts's ("unexpected token ')'", "unexpected end of input"), all of them.
//
// Three of lezer's safety valves would silently change a learner's program, so this parse steers around them:
// - past 300 long reductions from one position (a sum of more than ~700 terms) lezer breaks the chain into error
//   nodes; the count is reset before every step, so a 10,000-term `x + x + …` parses whole;
// - past 8,400 entries on its parse stack (deep right nesting) lezer cuts the stack into error nodes; the parse stops
//   just before that with "too deeply nested" at its position;
// - below depth 2,500 lezer's tree keeps only the leaves; expressions at depth DEEP (long left-associative chains)
//   are listed in `deep`, and the lowering parses each one again on its own (reparse()).
import { parser } from "@lezer/python";
import { GradLensError } from "../errors";
import { normalizeNumbers } from "./numbers";

export type PyTree = ReturnType<typeof parser.parse>;
export type PyNode = PyTree["topNode"];

/** Tree depth at which an expression is parsed again on its own (below lezer's 2,500, with room for hidden levels). */
export const DEEP = 2000;
/** Parse-stack entries past which the parse stops as too deeply nested (lezer cuts its stack at 8,400). */
const MAX_STACK = 7800;

/** Node names of expressions (what a re-parse may start at). */
export const EXPRESSIONS = new Set([
  "BinaryExpression", "UnaryExpression", "AwaitExpression", "ParenthesizedExpression", "TupleExpression", "ComprehensionExpression",
  "ArrayExpression", "ArrayComprehensionExpression", "DictionaryExpression", "DictionaryComprehensionExpression", "SetExpression",
  "SetComprehensionExpression", "CallExpression", "MemberExpression", "VariableName", "Number", "String", "FormatString",
  "ContinuedString", "Ellipsis", "None", "Boolean", "ConditionalExpression", "LambdaExpression", "NamedExpression", "YieldExpression",
]);

/** A parsed text: its tree, and where its positions sit in the text being lowered. */
export interface PythonTree {
  readonly text: string;
  readonly top: PyNode;
  /** Offset of `text` in the text first parsed (a re-parsed expression's text is a slice of it). */
  readonly shift: number;
  /** Keys (deepKey) of the expressions at depth DEEP: parse them again (reparse) before lowering them. */
  readonly deep: ReadonlySet<number>;
  /** Offsets (in the text first parsed) of numbers written with a trailing point (`1.`): floats (numbers.ts). */
  readonly floats: ReadonlySet<number>;
}

/** Internals of @lezer/lr's parse (1.x) that steer around its safety valves; absent fields leave them as they are. */
interface LezerParse {
  advance(): PyTree | null;
  bigReductionCount?: number;
  stacks?: readonly { readonly pos: number; readonly stack: readonly number[] }[];
}

export function deepKey(n: { from: number; to: number }): number {
  return n.from * 0x4000000 + n.to;
}

/** Parse a Python text; throws a GradLensError holding every error (in `all`), positioned in `text`. */
export function parsePython(text: string): PythonTree {
  const { text: src, floats } = normalizeNumbers(text);
  return scan(run(src, 0, text), src, 0, text, 0, floats);
}

/** An expression of `within` (a slice of the first text, at within.shift) parsed again on its own. */
export function reparse(within: PythonTree, n: PyNode, doc: { base: number; text: string }): { tree: PythonTree; expr: PyNode } {
  // Parenthesized, so line breaks inside it stay insignificant; the `(` sits one before the expression.
  const text = `(${within.text.slice(n.from, n.to)})`, shift = within.shift + n.from - 1;
  const t = scan(run(text, doc.base + shift, doc.text), text, shift, doc.text, doc.base, within.floats);
  const paren = t.top.firstChild?.firstChild;
  const expr = paren?.firstChild?.nextSibling;
  if (paren?.name !== "ParenthesizedExpression" || expr == null) throw new GradLensError("could not read this expression", doc.base + shift, doc.base + shift + text.length, doc.text);
  return { tree: t, expr };
}

function run(text: string, at: number, doc: string): PyTree {
  try {
    const p = parser.startParse(text) as unknown as LezerParse;
    for (;;) {
      if (p.bigReductionCount !== undefined) p.bigReductionCount = 0;
      const done = p.advance();
      if (done !== null) return done;
      for (const s of p.stacks ?? []) {
        if (s.stack.length > MAX_STACK) throw new GradLensError("too deeply nested", at + s.pos, at + s.pos, doc);
      }
    }
  } catch (e) {
    // lezer builds its tree recursively: what the stack check above misses ends here.
    if (e instanceof RangeError) throw new GradLensError("too deeply nested to parse", at, at + text.length, doc);
    throw e;
  }
}

/** One walk over the tree: error nodes, inconsistent dedents, and the expressions to parse again. */
function scan(tree: PyTree, text: string, shift: number, doc: string, base: number, floats: ReadonlySet<number>): PythonTree {
  const errors: GradLensError[] = [], deep = new Set<number>(), seen = new Set<number>();
  const c = tree.cursor();
  let depth = 0;
  const error = (reason: string, from: number, to: number): void => {
    if (seen.has(from)) return;
    seen.add(from);
    errors.push(new GradLensError(reason, base + shift + from, base + shift + to, doc));
  };
  for (;;) {
    let descend = true;
    if (c.type.isError) {
      const token = tokenAt(text, c.from);
      error(token === "" ? "unexpected end of input" : token === "\n" ? "unexpected end of line" : `unexpected token '${token}'`, c.from, c.from + Math.max(token.length, 1));
    } else if (c.name === "Script" || c.name === "Body") {
      const bad = misindented(c.node, text);
      if (bad !== undefined) error(bad.deeper ? "unexpected indent" : "unindent does not match any outer indentation level", bad.at.from, bad.at.to);
    } else if (depth >= DEEP) {
      descend = false;
      const e = expressionAround(c.node);
      if (e === undefined) error("too deeply nested", c.from, c.to);
      else deep.add(deepKey(e));
    }
    if (descend && c.firstChild()) {
      depth++;
      continue;
    }
    while (!c.nextSibling()) {
      if (!c.parent()) {
        if (errors.length > 0) {
          errors.sort((a, b) => a.start - b.start);
          errors[0].all = errors;
          throw errors[0];
        }
        return { text, top: tree.topNode, shift, deep, floats };
      }
      depth--;
    }
  }
}

/** The expression n is, or the nearest around it within a few levels (undefined: deep statements). */
function expressionAround(n: PyNode): PyNode | undefined {
  for (let m: PyNode | null = n, i = 0; m !== null && i < 8; m = m.parent, i++) if (EXPRESSIONS.has(m.name)) return m;
  return undefined;
}

/** The first statement of a block that starts a line at another column than the block's first statement. */
function misindented(block: PyNode, text: string): { at: PyNode; deeper: boolean } | undefined {
  let column = -1;
  for (let s = block.firstChild; s !== null; s = s.nextSibling) {
    if (!s.type.is("Statement")) continue;
    const lineStart = text.lastIndexOf("\n", s.from - 1) + 1;
    if (text.slice(lineStart, s.from).trim() !== "") continue; // after `;` or `:` on the same line
    if (column < 0) column = s.from - lineStart;
    else if (s.from - lineStart !== column) return { at: s, deeper: s.from - lineStart > column };
  }
  return undefined;
}

const OPERATORS = ["**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>"];

/** The token at `at` (spaces skipped): "" at the end of input, "\n" at the end of a line. */
function tokenAt(text: string, at: number): string {
  let i = at;
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\f")) i++;
  if (i >= text.length) return "";
  if (text[i] === "\n" || text[i] === "\r") return text.slice(i).trim() === "" ? "" : "\n";
  const word = /^[\p{L}\p{N}_.]+/u.exec(text.slice(i, i + 80));
  if (word !== null) return word[0];
  return OPERATORS.find((op) => text.startsWith(op, i)) ?? text[i];
}
