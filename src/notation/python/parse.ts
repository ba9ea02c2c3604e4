// Runs anywhere (pure JavaScript, browser-safe): parsing Python with @lezer/python. Its error nodes become
// positioned errors worded like parse.ts's ("unexpected token ')'", "unexpected end of input"), all of them.
//
// lezer's tree is built recursively, one level per nested construct and per operator of a left-associative chain,
// so what it is given is kept shallow: long operator chains are taken out first (runs.ts, lowered by chains.ts),
// trailing-point floats rewritten (numbers.ts), and the parse stops with "too deeply nested" at its position
// before its parse stack grows past MAX_STACK (lezer would cut it into error nodes at 8,400 entries).
import { parser } from "@lezer/python";
import { GradLensError } from "../errors";
import { normalizeNumbers } from "./numbers";
import { findRuns, type Run } from "./runs";

export type PyTree = ReturnType<typeof parser.parse>;
export type PyNode = PyTree["topNode"];

/** Tree depth past which a program is too deeply nested (lezer keeps only leaves below 2,500). */
const DEEP = 2000;
/** Parse-stack entries past which the parse stops as too deeply nested (about a third of them are levels). */
const MAX_STACK = 3000;

/** A parsed text: its tree, and where its positions sit in the text first parsed. */
export interface PythonTree {
  /** The text lezer parsed (same length as the source: runs blanked to `(   )`). */
  readonly text: string;
  readonly top: PyNode;
  /** Offset of `text` in the text first parsed (a fragment's text stands for a slice of it). */
  readonly shift: number;
  /** The long operator runs taken out of `text`, by start offset (in `text`). */
  readonly runs: ReadonlyMap<number, Run>;
  /** Offsets (in the text first parsed) of numbers written with a trailing point (`1.`): floats (numbers.ts). */
  readonly floats: ReadonlySet<number>;
}

/** Where positions are reported: a document offset is base + shift + position. */
export interface Place {
  readonly base: number;
  readonly doc: string;
}

/** Parse a Python text; throws a GradLensError holding every error (in `all`), positioned in `text`. */
export function parsePython(text: string): PythonTree {
  const { text: src, floats } = normalizeNumbers(text);
  return parseText(src, 0, floats, { base: 0, doc: text });
}

/** Parse text standing for the source at `shift` (a fragment built by chains.ts), errors positioned at place. */
export function parseText(source: string, shift: number, floats: ReadonlySet<number>, place: Place): PythonTree {
  const { text, runs } = findRuns(source);
  const at = place.base + shift;
  let tree: PyTree;
  try {
    tree = run(text, at, place.doc);
  } catch (e) {
    // What the stack check in run() misses ends here: lezer builds its tree recursively.
    if (e instanceof RangeError) throw new GradLensError("too deeply nested to parse", at, at + text.length, place.doc);
    throw e;
  }
  scan(tree, text, at, place.doc);
  return { text, top: tree.topNode, shift, runs, floats };
}

/** What @lezer/lr's parse (1.x) exposes of its stacks; without it the check is skipped. */
interface LezerParse {
  advance(): PyTree | null;
  stacks?: readonly { readonly pos: number; readonly stack: readonly number[] }[];
}

function run(text: string, at: number, doc: string): PyTree {
  const p = parser.startParse(text) as unknown as LezerParse;
  for (;;) {
    const done = p.advance();
    if (done !== null) return done;
    for (const s of p.stacks ?? []) {
      if (s.stack.length > MAX_STACK) throw new GradLensError("too deeply nested", at + s.pos, at + s.pos, doc);
    }
  }
}

/** One walk over the tree: error nodes, inconsistent indentation, and nesting past DEEP; throws them all. */
function scan(tree: PyTree, text: string, at: number, doc: string): void {
  const errors: GradLensError[] = [], seen = new Set<number>();
  const error = (reason: string, from: number, to: number): void => {
    if (seen.has(from)) return;
    seen.add(from);
    errors.push(new GradLensError(reason, at + from, at + to, doc));
  };
  const c = tree.cursor();
  let depth = 0;
  for (;;) {
    let descend = true;
    if (c.type.isError) {
      const token = tokenAt(text, c.from);
      error(token === "" ? "unexpected end of input" : token === "\n" ? "unexpected end of line" : `unexpected token '${token}'`, c.from, c.from + Math.max(token.length, 1));
    } else if (c.name === "Script" || c.name === "Body") {
      const bad = misindented(c.node, text);
      if (bad !== undefined) error(bad.deeper ? "unexpected indent" : "unindent does not match any outer indentation level", bad.at.from, bad.at.to);
    } else if (depth >= DEEP) {
      error("too deeply nested", c.from, c.to);
      descend = false;
    }
    if (descend && c.firstChild()) {
      depth++;
      continue;
    }
    while (!c.nextSibling()) {
      if (!c.parent()) {
        if (errors.length === 0) return;
        errors.sort((a, b) => a.start - b.start);
        errors[0].all = errors;
        throw errors[0];
      }
      depth--;
    }
  }
}

/** The first statement of a block that starts a line at another column than the block's first statement. */
function misindented(block: PyNode, text: string): { at: PyNode; deeper: boolean } | undefined {
  let column = -1;
  for (let s = block.firstChild; s !== null; s = s.nextSibling) {
    if (!s.type.is("Statement")) continue;
    const lineStart = text.lastIndexOf("\n", s.from - 1) + 1;
    if (text.slice(lineStart, s.from).trim() !== "") continue; // after `;` or `:` on the same line
    if (column < 0) column = s.from - lineStart;
    else if (s.from - lineStart !== column) return { at: s, deeper: s.from - lineStart > indentAbove(text, lineStart) };
  }
  return undefined;
}

/** The indentation of the nearest line above with code on it. */
function indentAbove(text: string, lineStart: number): number {
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf("\n", end - 1) + 1, line = text.slice(start, end), code = line.trimStart();
    if (code !== "" && !code.startsWith("#")) return line.length - code.length;
    end = start - 1;
  }
  return 0;
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
