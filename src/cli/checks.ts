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

/** "gradcheck at xor.nn.ts:12:1" for a file's check call; an expression's has no file. */
export function callLabel(kind: string, line: number, column: number, file: string | undefined): string {
  const what = kind === "autograd" ? "autograd check" : "gradcheck";
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
