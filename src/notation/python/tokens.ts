// Runs anywhere: a light Python tokenizer for runs.ts: names, numbers, strings (prefixes, triple quotes, f-strings
// as one token), operators and brackets, and line ends outside brackets; comments and line continuations skipped.
// It only has to find where operators stand between operands: lezer parses everything for real.

export interface Token {
  readonly kind: "name" | "number" | "string" | "op" | "open" | "close" | "newline";
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*(?:\.[0-9][0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?[jJ]?)/y;
const OPERATORS = [
  "**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "<>", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
  "^=", "@=", "<<", ">>",
];

function match(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

/** The end of the string whose quote is at q (a backslash escapes the next character, in raw strings too). */
export function stringEnd(text: string, q: number): number {
  const quote = text[q], n = text.length, triple = text.startsWith(quote.repeat(3), q);
  for (let j = q + (triple ? 3 : 1); j < n; j++) {
    if (text[j] === "\\") j++;
    else if (triple ? text.startsWith(quote.repeat(3), j) : text[j] === quote) return j + (triple ? 3 : 1);
    else if (!triple && text[j] === "\n") return j;
  }
  return n;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [], n = text.length;
  let depth = 0, i = 0;
  const push = (kind: Token["kind"], from: number, to: number): void => {
    out.push({ kind, text: text.slice(from, to), from, to });
  };
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\f" || c === "\r") i++;
    else if (c === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) i += 2;
    else if (c === "#") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? n : eol;
    } else if (c === "\n") {
      if (depth === 0) push("newline", i, i + 1);
      i++;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      push("string", i, end);
      i = end;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
      push("open", i, ++i);
    } else if (c === ")" || c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
      push("close", i, ++i);
    } else {
      const num = /[0-9.]/.test(c) ? match(NUMBER, text, i) : undefined;
      const name = num === undefined ? match(NAME, text, i) : undefined;
      if (num !== undefined) {
        push("number", i, (i += num.length));
      } else if (name !== undefined) {
        const end = i + name.length;
        // A string's prefix (`r"…"`, `f'…'`) belongs to the string.
        if ((text[end] === '"' || text[end] === "'") && /^[rRbBuUfF]{1,2}$/.test(name)) {
          const close = stringEnd(text, end);
          push("string", i, close);
          i = close;
        } else push("name", i, (i = end));
      } else {
        const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? c;
        push("op", i, (i += op.length));
      }
    }
  }
  return out;
}
