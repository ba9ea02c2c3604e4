// Runs anywhere: Python's format-spec mini-language (`f"{x:>+10,.3f}"`, `format(x, spec)`) for ints, floats and
// strings, as CPython 3.11 renders it: [[fill]align][sign][z][#][0][width][grouping][.precision][type]. Digits and
// rounding come from pydigits.ts (half-even on the exact binary value); padding and grouping follow CPython's
// unicode_format.h (zero padding with `,` puts separators among the zeros: `format(1234, "09,")` is `0,001,234`).
import { expForm, fixed, fixedForm, pyRepr, pyRound, pyStr, shortest, significant } from "./pydigits";

export { pyRepr, pyRound, pyStr };

/** A format spec Python would reject (the message is CPython's). */
export class PyFormatError extends Error {}

interface Spec {
  fill: string;
  align: string | undefined;
  sign: string;
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  group: string;
  prec: number | undefined;
  type: string;
}

const ALIGNS = "<>=^";

function parseSpec(spec: string, what: string): Spec {
  const s = Array.from(spec);
  let i = 0, fill = " ", align: string | undefined;
  if (s.length >= 2 && ALIGNS.includes(s[1])) {
    fill = s[0];
    align = s[1];
    i = 2;
  } else if (s.length >= 1 && ALIGNS.includes(s[0])) {
    align = s[0];
    i = 1;
  }
  const fillSet = i === 2;
  let sign = "-";
  if ("+- ".includes(s[i] ?? "x")) sign = s[i++];
  const z = s[i] === "z" ? (i++, true) : false;
  const alt = s[i] === "#" ? (i++, true) : false;
  let zero = false;
  if (s[i] === "0") {
    zero = true;
    i++;
  }
  let w = "";
  while (/[0-9]/.test(s[i] ?? "")) w += s[i++];
  let group = "";
  if (s[i] === "," || s[i] === "_") group = s[i++];
  if ((s[i] === "," || s[i] === "_") && s[i] !== group) throw new PyFormatError("Cannot specify both ',' and '_'.");
  if (s[i] === group && group !== "") throw new PyFormatError(`Cannot specify '${group}' with '${group}'.`);
  let prec: number | undefined;
  if (s[i] === ".") {
    i++;
    let p = "";
    while (/[0-9]/.test(s[i] ?? "")) p += s[i++];
    if (p === "") throw new PyFormatError("Format specifier missing precision");
    prec = Number(p);
  }
  const type = s.length - i === 1 ? s[i++] : "";
  if (i < s.length) throw new PyFormatError(`Invalid format specifier '${spec}' for object of type '${what}'`);
  if (zero && !fillSet) fill = "0";
  if (zero && !fillSet && align === undefined && what !== "str") align = "=";
  return { fill, align, sign, z, alt, zero, width: w === "" ? 0 : Number(w), group, prec, type };
}

/**
 * Digits with separators every `size` from the right, zero-padded to `minWidth` characters first when zero padding
 * applies (CPython's _PyUnicode_InsertThousandsGrouping: a separator is never left leading).
 */
function groupDigits(digits: string, sep: string, size: number, minWidth: number): string {
  if (sep === "") return digits.padStart(minWidth, "0");
  const parts: string[] = [];
  let remaining = digits.length, min = minWidth, end = digits.length;
  for (;;) {
    const l = Math.min(size, Math.max(remaining, min, 1));
    const chars = Math.max(0, Math.min(remaining, l));
    parts.unshift("0".repeat(Math.max(0, l - remaining)) + digits.slice(end - chars, end));
    end -= chars;
    remaining -= chars;
    min -= l;
    if (remaining <= 0 && min <= 0) break;
    min -= 1;
  }
  return parts.join(sep);
}

/** Sign, prefix, integer digits (grouped, maybe zero-padded) and the rest, padded to the width by the alignment. */
function render(sp: Spec, negative: boolean, prefix: string, m: string, rest: string, groupSize: number): string {
  const sign = negative ? "-" : sp.sign === "-" ? "" : sp.sign;
  const align = sp.align ?? ">";
  const padDigits = align === "=" && sp.fill === "0" ? sp.width - sign.length - prefix.length - rest.length : 0;
  // inf and nan have no digits: zero padding still applies, separators do not
  const digits = m === "" ? "0".repeat(Math.max(0, padDigits)) : groupDigits(m, sp.group, groupSize, padDigits);
  return pad(sp, sign + prefix, digits + rest, align);
}

function pad(sp: Spec, lead: string, tail: string, align: string): string {
  const n = sp.width - Array.from(lead + tail).length;
  if (n <= 0) return lead + tail;
  if (align === "=") return lead + sp.fill.repeat(n) + tail;
  if (align === "<") return lead + tail + sp.fill.repeat(n);
  if (align === "^") return sp.fill.repeat(Math.floor(n / 2)) + lead + tail + sp.fill.repeat(n - Math.floor(n / 2));
  return sp.fill.repeat(n) + lead + tail;
}

function formatInt(x: number, sp: Spec): string {
  const t = sp.type;
  if ("eEfFgG%".includes(t) && t !== "") return formatFloat(x, sp);
  if (!"dnbcoxX".includes(t) && t !== "") throw new PyFormatError(`Unknown format code '${t}' for object of type 'int'`);
  if (sp.prec !== undefined) throw new PyFormatError("Precision not allowed in integer format specifier");
  if (sp.z) throw new PyFormatError("Negative zero coercion (z) not allowed in integer format specifier");
  if (sp.group === "," && !"d".includes(t) && t !== "") throw new PyFormatError(`Cannot specify ',' with '${t}'.`);
  if (sp.group === "_" && !"dbox".includes(t.toLowerCase()) && t !== "") throw new PyFormatError(`Cannot specify '_' with '${t}'.`);
  const v = BigInt(Math.trunc(x)), neg = v < 0n, a = neg ? -v : v;
  if (t === "c") {
    if (sp.sign !== "-") throw new PyFormatError("Sign not allowed with integer format specifier 'c'");
    if (sp.alt) throw new PyFormatError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0n || v > 0x10ffffn) throw new PyFormatError("%c arg not in range(0x110000)");
    return pad(sp, "", String.fromCodePoint(Number(v)), sp.align ?? ">");
  }
  const radix = t === "b" ? 2 : t === "o" ? 8 : t === "x" || t === "X" ? 16 : 10;
  let body = a.toString(radix);
  if (t === "X") body = body.toUpperCase();
  const prefix = sp.alt && radix !== 10 ? `0${t}` : "";
  return render(sp, neg, prefix, body, "", radix === 10 ? 3 : 4);
}

/** The digits of |x| for a float presentation type (inf and nan included), without sign. */
function floatBody(xIn: number, t: string, precIn: number | undefined, alt: boolean): string {
  const x = t === "%" ? xIn * 100 : xIn; // a float product, as CPython computes it (it can overflow to inf)
  const upper = t === "E" || t === "F" || t === "G";
  if (!Number.isFinite(x)) {
    const s = Number.isNaN(x) ? "nan" : "inf";
    return (upper ? s.toUpperCase() : s) + (t === "%" ? "%" : "");
  }
  const a = Math.abs(x);
  if (t === "" && precIn === undefined) { // repr, with `#` keeping a point
    if (a === 0) return "0.0";
    const { digits, exp } = shortest(a);
    return exp < -4 || exp >= 16 ? expForm(digits, exp, alt) : fixedForm(digits, exp, 1, true);
  }
  const prec = precIn ?? 6;
  if (t === "f" || t === "F") return fixed(a, prec) + (alt && prec === 0 ? "." : "");
  if (t === "%") return fixed(a, prec) + (alt && prec === 0 ? "." : "") + "%";
  if (t === "e" || t === "E") {
    const { digits, exp } = significant(a, prec);
    return expForm(digits, exp, alt, upper);
  }
  // 'g', 'G', 'n', and no type with a precision (which keeps one digit after the point, and goes to exponent
  // notation one place earlier: CPython's Py_DTSF_ADD_DOT_0)
  const p = prec === 0 ? 1 : prec, dot0 = t === "";
  let { digits, exp } = significant(a, p - 1);
  if (a === 0) exp = 0;
  if (!alt) digits = digits.replace(/0+$/, "") || "0";
  if (exp < -4 || exp >= (dot0 ? p - 1 : p)) return expForm(digits, exp, alt, upper);
  const frac = alt ? Math.max(0, p - 1 - exp) : 0;
  return fixedForm(digits, exp, dot0 && !alt ? 1 : frac, alt || dot0);
}

function formatFloat(x: number, sp: Spec): string {
  const t = sp.type;
  if (!"eEfFgGn%".includes(t) && t !== "") throw new PyFormatError(`Unknown format code '${t}' for object of type 'float'`);
  if (sp.group !== "" && t === "n") throw new PyFormatError(`Cannot specify '${sp.group}' with 'n'.`);
  const body = floatBody(x, t === "n" ? "g" : t, sp.prec, sp.alt);
  let neg = x < 0 || Object.is(x, -0);
  // `z` turns a result that rounded to zero positive; nan has no sign in Python's output
  if (sp.z && neg && Number.isFinite(x) && !/[1-9]/.test(body.replace(/[eE][+-][0-9]+/, ""))) neg = false;
  if (Number.isNaN(x)) neg = false;
  const m = /^[0-9]*/.exec(body)![0];
  return render(sp, neg, "", m, body.slice(m.length), 3);
}

function formatStr(s: string, sp: Spec): string {
  if (sp.type !== "" && sp.type !== "s") throw new PyFormatError(`Unknown format code '${sp.type}' for object of type 'str'`);
  if (sp.sign !== "-" || sp.z) throw new PyFormatError("Sign not allowed in string format specifier");
  if (sp.alt) throw new PyFormatError("Alternate form (#) not allowed in string format specifier");
  if (sp.group !== "") throw new PyFormatError(`Cannot specify '${sp.group}' with 's'.`);
  if (sp.align === "=") throw new PyFormatError("'=' alignment not allowed in string format specifier");
  const chars = Array.from(s), text = sp.prec === undefined ? s : chars.slice(0, sp.prec).join("");
  return pad(sp, "", text, sp.align ?? "<");
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr of a str: single quotes unless only double quotes avoid escaping, `\n \t \r \\` and `\x.. \u....` escapes. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch === " " || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += `\\U${c.toString(16).padStart(8, "0")}`;
  }
  return out + quote;
}

/** `format(x, spec)`: an int (`isInt`), a float, or a string (isInt ignored). Throws PyFormatError as Python raises. */
export function formatSpec(x: number | string, isInt: boolean, spec: string): string {
  if (typeof x === "string") return formatStr(x, parseSpec(spec, "str"));
  if (isInt) return spec === "" ? pyRepr(x, true) : formatInt(x, parseSpec(spec, "int"));
  return spec === "" ? pyRepr(x, false) : formatFloat(x, parseSpec(spec, "float"));
}
