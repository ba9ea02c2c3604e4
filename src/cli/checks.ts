// Runs on Node (the CLI): the lines `check` and `run` print for a list of checks (one PASS/FAIL line each, then a
// line per row), and the label of a file's own check calls.
import { formatNumber } from "../view/format";
import type { ReportRow } from "../view/report";

export interface CheckEntry {
  what: string;
  pass: boolean;
  rows: ReportRow[];
}

/** Values and gradients to 12 significant digits (0.1 + 0.2 reads 0.3), errors to 3. */
const num = (x: number): string => formatNumber(x, 12);
const err = (x: number): string => formatNumber(x, 3);

/**
 * "gradcheck at xor.nn.ts:12:1" for a file's gradcheck(…) call, "autograd check of `z.backward()` at …" for the check
 * of a hand-written backward made at its top-level backward() call (`site`: the code it was made at, when known).
 */
export function callLabel(site: string | undefined, line: number, column: number, file: string | undefined): string {
  const code = site?.replace(/\s+/g, " ").trim();
  const what = code === undefined || /^gradcheck\s*\(/.test(code) ? "gradcheck" : `autograd check of \`${code.length > 40 ? `${code.slice(0, 39)}…` : code}\``;
  return `${what} at ${file !== undefined ? `${file}:` : ""}${line}:${column}`;
}

export function printChecks(checks: readonly CheckEntry[], print: (s: string) => void): void {
  for (const c of checks) {
    print(`${c.pass ? "PASS" : "FAIL"}  ${c.what}`);
    for (const row of c.rows) {
      print(`  ${row.pass ? "✓" : "✗"} ${row.name}: analytic ${num(row.analytic)}  numeric ${num(row.numeric)}  abs ${err(row.absError)}  rel ${err(row.relError)}${row.note ? `  (${row.note})` : ""}`);
    }
  }
}
