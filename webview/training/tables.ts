// Runs in the training webview (browser): the predictions table (inputs, target, output, ✓/✗); the params table
// is in params.ts. Text goes in with textContent only: names come from user files.
import { formatNumber } from "../../src/view/format";
import type { PredictionRow } from "../../src/view/training";

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
      ...r.inputs.map((x) => String(x)), String(r.target), formatNumber(r.output),
      r.right ? ["✓", "gl-right"] : ["✗", "gl-wrong"],
    ]));
  }
}
