// Runs anywhere: Python's floats written with a trailing point (`1.`, `2.e-3`), which lezer/python 1.1.19 misreads
// (`1.` is an error, `1.e-5` the attribute `e` of 1 minus 5), rewritten before parsing to text of the same length
// that it reads right: `2.e-3` → `2e-3 `, and `1.` → `1 ` with its position noted as a float. Strings and comments
// are left alone.

const IDENT = /[\p{L}\p{N}_]/u;

/** The text to parse, and the offsets of the numbers written with a trailing point. */
export function normalizeNumbers(text: string): { text: string; floats: Set<number> } {
  const floats = new Set<number>(), n = text.length;
  let out: string[] | undefined;
  const set = (at: number, s: string): void => {
    out ??= text.split(""); // UTF-16 units, as offsets count them
    for (let k = 0; k < s.length; k++) out[at + k] = s[k];
  };
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === "#") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? n : eol;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
    } else if (IDENT.test(c) && !/[0-9]/.test(c)) {
      const start = i;
      while (i < n && IDENT.test(text[i])) i++;
      if ((text[i] === '"' || text[i] === "'") && /^[rRbBuUfF]{1,2}$/.test(text.slice(start, i))) i = skipString(text, i);
    } else if (/[0-9]/.test(c) && text[i - 1] !== ".") {
      const start = i;
      if (c === "0" && /[xXoObB]/.test(text[i + 1] ?? "")) i += 2;
      while (i < n && /[0-9_]/.test(text[i])) i++;
      if (text[i] !== "." || i - start > 1 && /[xXoObB]/.test(text[start + 1])) continue;
      const after = text.slice(i + 1, i + 3);
      const exp = /^[eE][+-]?[0-9][0-9_]*/.exec(text.slice(i + 1));
      if (exp !== null) {
        set(i, `${exp[0]} `);
        i += 1 + exp[0].length;
      } else if (/^[jJ]/.test(after) && !IDENT.test(after[1] ?? "")) {
        set(i, `${after[0]} `);
        i += 2;
      } else if (!IDENT.test(after[0] ?? "") && after[0] !== ".") {
        set(i, " ");
        floats.add(start);
        i++;
      }
    } else i++;
  }
  return { text: out === undefined ? text : out.join(""), floats };
}

/** The end of the string whose quote is at q (a backslash escapes the next character, in raw strings too). */
function skipString(text: string, q: number): number {
  const quote = text[q], n = text.length;
  if (text.startsWith(quote.repeat(3), q)) {
    for (let j = q + 3; j < n; j++) {
      if (text[j] === "\\") j++;
      else if (text.startsWith(quote.repeat(3), j)) return j + 3;
    }
    return n;
  }
  for (let j = q + 1; j < n; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === quote) return j + 1;
    else if (text[j] === "\n") return j;
  }
  return n;
}
