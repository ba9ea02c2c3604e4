// Runs anywhere: Python's `float(text)` and `int(text[, base])`, which accept what Python's grammar accepts (blanks
// around, a sign, `_` between digits, `inf`/`nan` in any case, `0x…` with base 0 or 16) and reject the rest with
// CPython's ValueError message. JavaScript's Number() differs both ways (`Number("")` is 0, `Number("0x10")` 16,
// `Number("1_0")` NaN), so neither is used on the raw text. Parsing the cleaned digits is correctly rounded, as
// CPython's strtod is; an int past 2^53 is the nearest double. Digits of other scripts (`float("١٢")`) are refused.
import { pyStrRepr } from "./pyformat";

/** A ValueError of CPython's (the message is its own). */
export class PyValueError extends Error {}

// What float() and int() strip: ASCII blanks (not \x1c-\x1f, which str.strip() takes) and Unicode spaces (not \ufeff)
const BLANK = "[\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const STRIP = new RegExp(`^${BLANK}+|${BLANK}+$`, "g");
const DIGITS = "[0-9](?:_?[0-9])*";
const FLOAT = new RegExp(`^[+-]?(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** `float(text)`. */
export function pyFloatFromStr(text: string): number {
  const s = text.replace(STRIP, "");
  const special = SPECIAL.exec(s);
  if (special !== null) {
    const v = special[2].toLowerCase() === "nan" ? NaN : Infinity;
    return special[1] === "-" ? -v : v;
  }
  if (!FLOAT.test(s)) throw new PyValueError(`could not convert string to float: ${pyStrRepr(text)}`);
  return Number(s.replace(/_/g, ""));
}

const PREFIX: Record<string, number> = { x: 16, o: 8, b: 2 };

/** `int(text, base)`: base 0 reads a prefix (`0x`, `0o`, `0b`) as a literal does; 2 to 36 otherwise. */
export function pyIntFromStr(text: string, base = 10): number {
  if (base !== 0 && (base < 2 || base > 36)) throw new PyValueError("int() base must be >= 2 and <= 36, or 0");
  const fail = (): never => {
    throw new PyValueError(`invalid literal for int() with base ${base}: ${pyStrRepr(text)}`);
  };
  let s = text.replace(STRIP, ""), neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let radix = base;
  const prefix = /^0([xob])_?/i.exec(s);
  if (prefix !== null && (base === 0 || base === PREFIX[prefix[1].toLowerCase()])) {
    radix = PREFIX[prefix[1].toLowerCase()];
    s = s.slice(prefix[0].length);
  } else if (base === 0) {
    radix = 10;
    if (/^0[0-9_]*[1-9]/.test(s)) fail(); // "010" is no literal; "00" is
  }
  const digit = "[0-9a-z]";
  if (!new RegExp(`^${digit}(?:_?${digit})*$`, "i").test(s)) fail();
  let v = 0n;
  const big = BigInt(radix);
  for (const ch of s.replace(/_/g, "").toLowerCase()) {
    const d = parseInt(ch, 36);
    if (d >= radix) fail();
    v = v * big + BigInt(d);
  }
  const n = Number(neg ? -v : v);
  return n + 0; // no -0 for ints
}
