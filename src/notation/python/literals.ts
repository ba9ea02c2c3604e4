// Runs anywhere: Python number and string literals → GradLens's tree. Ints (`3`, `0x10`, `0o7`, `0b1`, `1_000`) are
// marked as ints, floats (`3.0`, `1e-5`, `.5`) are not; strings are decoded (escapes, raw strings, triple quotes,
// implicit concatenation `"a" "b"`); f-strings become Templates with their format specs and `!r`/`!s` conversions.
import type { Expr, NumberLit, Template } from "../tree";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";

export function lowerNumber(cx: PyLowering, n: PyNode): NumberLit {
  const text = cx.text(n).replace(/_/g, "").toLowerCase();
  if (text.endsWith("j")) return cx.reject("imaginary numbers are not supported", n);
  const radix = text.startsWith("0x") ? 16 : text.startsWith("0o") ? 8 : text.startsWith("0b") ? 2 : 10;
  if (radix !== 10) return { kind: "number", value: parseInt(text.slice(2), radix), int: true, ...cx.span(n) };
  const float = /[.e]/.test(text) || cx.tree.floats.has(cx.tree.shift + n.from);
  return { kind: "number", value: Number(text), int: !float, ...cx.span(n) };
}

type Part = Template["parts"][number];

/** A string, an f-string, or several written side by side. */
export function lowerString(cx: PyLowering, n: PyNode): Expr {
  const pieces = n.name === "ContinuedString" ? kids(n) : [n];
  const parts: Part[] = [];
  for (const p of pieces) {
    if (p.name === "FormatString") formatParts(cx, p, parts);
    else addText(parts, literal(cx, p).body);
  }
  if (!pieces.some((p) => p.name === "FormatString")) return { kind: "string", value: parts.length > 0 ? (parts[0] as string) : "", ...cx.span(n) };
  return { kind: "template", parts, ...cx.span(n) };
}

function addText(parts: Part[], s: string): void {
  if (s === "") return;
  const last = parts.length - 1;
  if (last >= 0 && typeof parts[last] === "string") parts[last] += s;
  else parts.push(s);
}

/** A string literal's prefix and decoded body; bytes are not supported. */
function literal(cx: PyLowering, n: PyNode): { raw: boolean; body: string; open: number; close: number } {
  const text = cx.text(n), prefix = /^[A-Za-z]*/.exec(text)?.[0] ?? "", q = text[prefix.length];
  if (/b/i.test(prefix)) return cx.reject("bytes literals are not supported", n);
  const quote = text.startsWith(q.repeat(3), prefix.length) && text.length >= prefix.length + 6 ? q.repeat(3) : q;
  const open = prefix.length + quote.length, close = text.length - quote.length, raw = /r/i.test(prefix);
  const inner = text.slice(open, close);
  return { raw, body: n.name === "FormatString" ? inner : raw ? inner : decode(cx, n, inner), open, close };
}

const SIMPLE: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** Python's escapes: `\n`, `\x41`, `\u03b1`, `\101`, a backslash before a line break joins lines; others stay as written. */
function decode(cx: PyLowering, n: PyNode, s: string): string {
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s[++i];
    if (SIMPLE[e] !== undefined) out += SIMPLE[e];
    else if (e === "\n") continue;
    else if (e === "\r") i += s[i + 1] === "\n" ? 1 : 0;
    else if (e === "x" || e === "u" || e === "U") {
      const len = e === "x" ? 2 : e === "u" ? 4 : 8, hex = s.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return cx.reject(`invalid \`\\${e}\` escape`, n);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3))?.[0] ?? e;
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else if (e === "N") return cx.reject("`\\N{…}` escapes are not supported", n);
    else out += `\\${e}`;
  }
  return out;
}

/** The parts of an f-string: text between replacements (with `{{`/`}}` as braces), and each `{value!r:spec}`. */
function formatParts(cx: PyLowering, n: PyNode, parts: Part[]): void {
  const { raw, open, close } = literal(cx, n), text = cx.text(n);
  const piece = (from: number, to: number): void => {
    // lezer 1.1.19 reads `\{` in a raw f-string as an escape, hiding the replacement field after it.
    if (raw && /\\\{(?!\{)/.test(text.slice(from, to))) cx.reject("`\\{` in a raw f-string is not supported", n);
    const s = text.slice(from, to).replace(/\{\{/g, "{").replace(/\}\}/g, "}");
    addText(parts, raw ? s : decode(cx, n, s));
  };
  let at = open;
  for (const r of kids(n)) {
    if (r.name !== "FormatReplacement") continue;
    piece(at, r.from - n.from);
    replacement(cx, r, parts);
    at = r.to - n.from;
  }
  piece(at, close);
}

function replacement(cx: PyLowering, r: PyNode, parts: Part[]): void {
  const k = kids(r), values: PyNode[] = [];
  let i = 1, selfDoc = false, conversion: "r" | "s" | "a" | undefined, spec: string | undefined;
  while (i < k.length - 1 && !["FormatSelfDoc", "FormatConversion", "FormatSpec"].includes(k[i].name)) values.push(k[i++]);
  for (; i < k.length - 1; i++) {
    if (k[i].name === "FormatSelfDoc") selfDoc = true;
    else if (k[i].name === "FormatConversion") conversion = cx.text(k[i]).slice(1) as "r" | "s" | "a";
    else if (k[i].name === "FormatSpec") {
      if (kids(k[i]).some((x) => x.name === "FormatReplacement")) cx.reject("nested replacement fields in a format spec are not supported", k[i]);
      spec = cx.text(k[i]).slice(1);
    }
  }
  // `{x = }` prints its own text up to what follows `=` (spaces included), then the value (by repr, unless a
  // conversion or spec says otherwise).
  if (selfDoc) {
    const doc = k.findIndex((x) => x.name === "FormatSelfDoc");
    addText(parts, cx.tree.text.slice(k[0].to, k[doc + 1].from));
    if (conversion === undefined && spec === undefined) conversion = "r";
  }
  const { items, commas } = splitCommas(values);
  const value: Expr = !commas && items.length === 1 && items[0][0].name !== "*" ? lowerExpr(cx, items[0][0])
    : { kind: "tuple", elements: items.map((x) => (x[0].name === "*" ? { kind: "spread", value: lowerExpr(cx, x[1]), start: cx.start(x[0]), end: cx.end(x[1]) } : lowerExpr(cx, x[0]))), ...cx.spanOf(values[0], values[values.length - 1]) };
  parts.push({ value, ...(spec !== undefined ? { spec } : {}), ...(conversion !== undefined ? { conversion } : {}) });
}
