// Runs in the training webview (browser): the params table, one row per param. A tensor param is one row (name,
// shape, ‖value‖₂ with a preview of its first values and min/max, ‖grad‖₂) with a toggle button that lists its
// elements below it. Snapshots redraw the table many times a second, so which tensors are open (and which toggle
// has focus) is kept here across redraws. Text goes in with textContent only: names come from user files.
import { formatElement, formatNumber, formatShape } from "../../src/view/format";
import type { ParamEntry, TensorParamRow } from "../../src/view/training";

const PREVIEW = 3;
const open = new Set<string>();
const last = new WeakMap<HTMLTableElement, { params: ParamEntry[]; total: number }>();

function cell(tr: HTMLTableRowElement, text: string, className?: string, head = false): HTMLTableCellElement {
  const td = document.createElement(head ? "th" : "td");
  td.textContent = text;
  if (className) td.className = className;
  tr.append(td);
  return td;
}

function line(parent: HTMLElement, text: string, className: string): void {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  parent.append(s);
}

function tensorRows(table: HTMLTableElement, p: TensorParamRow): void {
  const tr = document.createElement("tr"), expanded = open.has(p.name);
  tr.className = "gl-tensor";
  tr.dataset.name = p.name;
  const name = cell(tr, "");
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "gl-toggle";
  toggle.dataset.name = p.name;
  toggle.textContent = expanded ? "▾" : "▸";
  toggle.setAttribute("aria-expanded", String(expanded));
  toggle.setAttribute("aria-label", `${expanded ? "hide" : "show"} the ${p.size} elements of ${p.name}`);
  name.append(toggle);
  line(name, p.name, "gl-tensor-name");
  line(name, ` ${formatShape(p.shape)}`, "gl-shape");
  const value = cell(tr, "");
  line(value, `‖·‖₂ ${formatNumber(p.valueNorm)}`, "gl-norm");
  const shown = p.values.slice(0, PREVIEW).map((v) => formatNumber(v, 3));
  line(value, `${shown.join(", ")}${p.size > PREVIEW ? ", …" : ""} · min ${formatNumber(p.min, 3)} · max ${formatNumber(p.max, 3)}`, "gl-preview");
  cell(tr, `‖·‖₂ ${formatNumber(p.gradNorm)}`);
  table.append(tr);
  if (!expanded) return;
  p.values.forEach((v, k) => {
    const e = document.createElement("tr");
    e.className = "gl-element";
    cell(e, formatElement(p.shape, k));
    cell(e, formatNumber(v));
    cell(e, formatNumber(p.grads[k] ?? NaN));
    table.append(e);
  });
  if (p.size > p.values.length) {
    const more = document.createElement("tr");
    more.className = "gl-element gl-more";
    cell(more, `… ${p.size - p.values.length} more elements`);
    cell(more, "");
    cell(more, "");
    table.append(more);
  }
}

function draw(table: HTMLTableElement, params: ParamEntry[], total: number): void {
  const focused = document.activeElement instanceof HTMLElement && table.contains(document.activeElement)
    ? document.activeElement.dataset.name : undefined;
  const head = document.createElement("tr");
  for (const h of ["param", "value", "gradient"]) cell(head, h, undefined, true);
  table.replaceChildren(head);
  for (const p of params) {
    // Snapshots saved before tensor rows existed have rows without a kind: they are scalars.
    if (p.kind === "tensor") tensorRows(table, p);
    else {
      const tr = document.createElement("tr");
      cell(tr, p.name);
      cell(tr, formatNumber(p.value));
      cell(tr, formatNumber(p.grad));
      table.append(tr);
    }
  }
  if (total > params.length) {
    const more = document.createElement("tr");
    more.className = "gl-more";
    cell(more, `… ${total - params.length} more`);
    cell(more, "");
    cell(more, "");
    table.append(more);
  }
  if (focused !== undefined) {
    for (const b of table.querySelectorAll<HTMLButtonElement>("button.gl-toggle")) if (b.dataset.name === focused) b.focus();
  }
}

/** Draw the rows; `total` is how many rows there are in all (a tensor counts one), for the "… N more" line. */
export function renderParams(table: HTMLTableElement, params: ParamEntry[], total: number): void {
  if (!last.has(table)) {
    // Buttons answer Enter and Space with a click, so this one listener serves mouse and keyboard.
    table.addEventListener("click", (ev) => {
      const b = ev.target instanceof Element ? ev.target.closest<HTMLButtonElement>("button.gl-toggle") : null;
      const name = b?.dataset.name, now = last.get(table);
      if (name === undefined || !now) return;
      if (open.has(name)) open.delete(name);
      else open.add(name);
      draw(table, now.params, now.total);
    });
  }
  last.set(table, { params, total });
  draw(table, params, total);
}
