// Runs in the training webview (browser): the predictions table (inputs, target, output, ✓/✗) and number format
// (the params table is in params.ts). Text goes in with textContent only: names come from user files.
import type { PredictionRow } from "../../src/train/types";

export function fmt(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return v.toFixed(digits);
}

function row(cells: (string | [string, string])[], head = false): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement(head ? "th" : "td");
    if (Array.isArray(c)) {
      td.textContent = c[0];
      td.className = c[1];
    } else td.textContent = c;
    tr.append(td);
  }
  return tr;
}

export function renderPredictions(table: HTMLTableElement, rows: PredictionRow[] | undefined): void {
  table.replaceChildren();
  if (!rows || rows.length === 0) return;
  const n = rows[0].inputs.length;
  table.append(row([...Array.from({ length: n }, (_, i) => `x${i + 1}`), "target", "output", ""], true));
  for (const r of rows) {
    table.append(row([
      ...r.inputs.map((x) => String(x)), String(r.target), fmt(r.output),
      r.right ? ["✓", "gl-right"] : ["✗", "gl-wrong"],
    ]));
  }
}
