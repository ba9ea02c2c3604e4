// Runs anywhere: `print(a)` of a NumPy array as NumPy 2 prints it with its default options (numpy/_core/arrayprint.py:
// precision 8, floatmode "maxprec", threshold 1000 with 3 edge items, line width 75): every float written with the
// fewest digits that read back (at most 8 after the point, else rounded half-even on the exact value), the column
// padded to one width, scientific notation when the magnitudes call for it, rows wrapped and nested as NumPy does.
import { fixed, floatRepr, shortest, significant } from "./pydigits";

export type NpDtype = "float" | "int" | "bool";

const PRECISION = 8, THRESHOLD = 1000, EDGE = 3, WIDTH = 75;

/** One float's text before padding: positional (`0.5`, `1.`, `-0.12345679`) or scientific (`1.5e-05`), unique digits. */
function floatText(x: number, sci: boolean): { int: string; frac: string; exp: string } {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const a = Math.abs(x);
  if (sci) {
    let digits = "0", e = 0;
    if (a !== 0) ({ digits, exp: e } = shortest(a));
    if (digits.length - 1 > PRECISION) ({ digits, exp: e } = significant(a, PRECISION));
    const frac = digits.slice(1).replace(/0+$/, "");
    const exp = `${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    return { int: sign + digits[0], frac, exp };
  }
  let text: string;
  if (a === 0) text = "0.";
  else {
    const { digits, exp } = shortest(a);
    text = digits.length - 1 - exp <= PRECISION ? positional(digits, exp) : fixed(a, PRECISION);
    text = text.includes(".") ? text.replace(/0+$/, "") : `${text}.`;
  }
  const [int, frac] = text.split(".");
  return { int: sign + int, frac, exp: "" };
}

function positional(digits: string, exp: number): string {
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${digits}`;
  const d = digits.padEnd(exp + 1, "0");
  return `${d.slice(0, exp + 1)}.${d.slice(exp + 1)}`;
}

/** FloatingFormat: the widths and the notation chosen from the values shown, then each value written to them. */
function floatFormatter(shown: readonly number[]): (x: number) => string {
  const finite = shown.filter(Number.isFinite), nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let sci = false;
  if (nonZero.length > 0) {
    const max = Math.max(...nonZero), min = Math.min(...nonZero);
    sci = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }
  let padLeft = 0, padRight = 0, prec = 0, expSize = -1;
  const texts = finite.map((v) => floatText(v, sci));
  if (texts.length > 0) {
    padLeft = Math.max(...texts.map((t) => t.int.length));
    prec = Math.max(...texts.map((t) => t.frac.length));
    if (sci) {
      expSize = Math.max(...texts.map((t) => t.exp.length)) - 1;
      padRight = expSize + 2 + prec;
    } else {
      padRight = prec;
    }
  }
  if (finite.length !== shown.length) {
    const negInf = shown.some((v) => v === -Infinity) ? 1 : 0, offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negInf - offset);
  }
  return (x) => {
    if (!Number.isFinite(x)) {
      const s = Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
      return s.padStart(padLeft + padRight + 1);
    }
    const t = floatText(x, sci);
    if (sci) return `${t.int.padStart(padLeft)}.${t.frac.padEnd(prec, "0")}e${t.exp[0]}${t.exp.slice(1).padStart(expSize, "0")}`;
    return `${t.int.padStart(padLeft)}.${t.frac.padEnd(padRight)}`;
  };
}

function formatter(shown: readonly number[], dtype: NpDtype): (x: number) => string {
  if (dtype === "bool") return (x) => (x !== 0 ? " True" : "False");
  if (dtype === "int") {
    const width = Math.max(...shown.map((v) => String(v).length));
    return (x) => String(x).padStart(width);
  }
  return floatFormatter(shown);
}

/** NumPy's _extendLine: wrap before a word that would pass the width, unless the line holds only its indent. */
function extend(acc: { s: string; line: string }, word: string, width: number, indent: string): void {
  if (acc.line.length + word.length > width && acc.line.length > indent.length) {
    acc.s += `${acc.line.trimEnd()}\n`;
    acc.line = indent;
  }
  acc.line += word;
}

/** `str(a)` for an array of `shape` whose elements are `data` in row-major order. */
export function npArrayStr(data: readonly number[], shape: readonly number[], dtype: NpDtype = "float"): string {
  if (shape.length === 0) return dtype === "float" ? floatRepr(data[0]) : dtype === "int" ? String(data[0]) : data[0] !== 0 ? "True" : "False";
  if (data.length === 0) return "[]";
  const summarize = data.length > THRESHOLD;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1));
  const kept = (axis: number): number[] => {
    const n = shape[axis];
    if (!summarize || n <= 2 * EDGE) return Array.from({ length: n }, (_, i) => i);
    return [0, 1, 2, -1, n - 3, n - 2, n - 1]; // -1 marks the "..."
  };
  const shown: number[] = [];
  const collect = (axis: number, base: number): void => {
    for (const i of kept(axis)) {
      if (i < 0) continue;
      if (axis === shape.length - 1) shown.push(data[base + i]);
      else collect(axis + 1, base + i * strides[axis]);
    }
  };
  collect(0, 0);
  const fmt = formatter(shown, dtype);
  const rec = (axis: number, base: number, indent: string, width: number): string => {
    const left = shape.length - axis, nextIndent = `${indent} `, nextWidth = width - 1, idx = kept(axis);
    let s: string;
    if (left === 1) {
      const acc = { s: "", line: indent }, elemWidth = width - 1;
      idx.forEach((i, k) => {
        extend(acc, i < 0 ? "..." : fmt(data[base + i]), elemWidth, indent);
        if (k < idx.length - 1) acc.line += " ";
      });
      s = acc.s + acc.line;
    } else {
      const sep = "\n".repeat(left - 1);
      s = idx.map((i) => indent + (i < 0 ? "..." : rec(axis + 1, base + i * strides[axis], nextIndent, nextWidth))).join(sep);
    }
    return `[${s.slice(indent.length)}]`;
  };
  return rec(0, 0, " ", WIDTH);
}
