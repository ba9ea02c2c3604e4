// Runs anywhere (extension host, webviews, CLI, tests): the one way GradLens writes numbers and shapes for people:
// graph labels, hovers, inlay hints, CodeLenses, the reports, the training view, the CLI and Evaluate Selection.

/** Significant digits when a caller does not choose (the `gradlens.precision` default). */
export const DEFAULT_DIGITS = 4;

/** Below this magnitude numbers switch to exponent form, where fixed form would be mostly zeros. */
const SMALL = 1e-4;

/**
 * Short, stable text for a number to `digits` significant digits (1..17): NaN and ±Infinity spelled out, -0 as 0,
 * trailing zeros trimmed, exponent form (`1.5e-7`, `7.907e6`) for magnitudes below 1e-4 or with more integer digits
 * than asked (at least 6). Whole numbers that fit print exactly (596144, not 596100): examples are checked by eye.
 */
export function formatNumber(x: number, digits = DEFAULT_DIGITS): string {
  const d = Math.min(17, Math.max(1, Math.round(Number.isFinite(digits) ? digits : DEFAULT_DIGITS)));
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  const big = 10 ** Math.max(6, d);
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < big) return String(x);
  if (a >= SMALL && a < big) {
    const s = x.toPrecision(d);
    if (!s.includes("e")) return trimZeros(s);
    // toPrecision uses an exponent when the integer part has more digits than asked (12345 -> 1.235e+4): the
    // rounded value in fixed form (12350) reads better, unless rounding carried it up to `big`.
    const r = Number(s);
    if (Math.abs(r) < big) return String(r);
  }
  const [m, e] = x.toExponential(d - 1).split("e");
  return `${trimZeros(m)}e${e.startsWith("+") ? e.slice(1) : e}`;
}

/** Full precision (hovers, the output channel): the shortest text that reads back as the same double. */
export function formatFull(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

/** A tensor's shape: `[2,3]`, `[4]`, `[]` for a rank-0 tensor. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/**
 * Where element k (row-major) of a tensor of this shape sits, spelled as element names spell it: `[1][2]` in a
 * matrix, `[k]` in a vector, `[0]` for the one element of a rank-0 tensor.
 */
export function formatElement(shape: readonly number[], k: number): string {
  if (shape.length < 2) return `[${k}]`;
  const cols = shape[shape.length - 1];
  return `[${Math.floor(k / cols)}][${k % cols}]`;
}

function trimZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}
