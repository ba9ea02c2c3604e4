// Runs anywhere (extension host, webview, CLI, tests): number formatting for graph labels.

export interface FormatOptions {
  /** Significant digits (1..17); 4 keeps labels short enough for a node box. */
  digits?: number;
}

/** Below this magnitude (or at/above BIG) numbers switch to exponent form, where fixed form would be all zeros. */
const SMALL = 1e-4;
const BIG = 1e6;

/** Short, stable text for a number: NaN and ±Infinity spelled out, -0 as 0, exponent form for extremes. */
export function formatNumber(x: number, opts: FormatOptions = {}): string {
  const digits = Math.min(17, Math.max(1, Math.round(opts.digits ?? 4)));
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  const a = Math.abs(x);
  // Whole numbers below BIG print exactly (596144, not 596100): the notation's examples are checked by eye.
  if (Number.isInteger(x) && a < BIG) return String(x);
  if (a >= SMALL && a < BIG) {
    const s = x.toPrecision(digits);
    if (!s.includes("e")) return trimZeros(s);
    // toPrecision uses an exponent when the integer part has more digits than asked (12345 -> 1.235e+4): the
    // rounded value in fixed form (12350) reads better, unless rounding carried it up to BIG.
    const r = Number(s);
    if (Math.abs(r) < BIG) return String(r);
  }
  const [m, e] = x.toExponential(digits - 1).split("e");
  return `${trimZeros(m)}e${e.startsWith("+") ? e.slice(1) : e}`;
}

/** Full precision for hovers: the shortest text that reads back as the same double. */
export function formatFull(x: number): string {
  if (Object.is(x, -0)) return "-0";
  return String(x);
}

function trimZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}
