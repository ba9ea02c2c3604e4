// Runs anywhere (extension host, tests): numbers as the editor shows them, to a chosen number of significant digits.

export const DEFAULT_DIGITS = 4;

/** `v` to `digits` significant digits: integers whole, NaN/Infinity spelled out, tiny or huge in exponent form. */
export function formatNumber(v: number, digits = DEFAULT_DIGITS): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const d = Math.min(Math.max(Math.round(digits), 1), 17);
  return String(Number(v.toPrecision(d)));
}

/** Markdown-safe text: user names can hold `*`, `_`, backticks, brackets, pipes (tables) or HTML. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]|~<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
}
