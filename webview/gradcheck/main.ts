// Runs in the gradient-check report webview (browser): draws the report the extension sends: per leaf analytic vs
// numeric gradient, errors and verdict, notes; a log-log plot of the error against eps (SVG we draw); the file's
// gradcheck(...) calls. Every label is set as text, never as HTML.
import { isToReportView, type FromReportView } from "../../src/protocol/report";
import { receive } from "../../src/protocol/wire";
import { formatNumber } from "../../src/view/format";
import type { ReportModel, ReportPoint, ReportRow } from "../../src/view/report";

interface VsCodeApi {
  postMessage(message: FromReportView): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById("report") as HTMLElement;
const SVG = "http://www.w3.org/2000/svg";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls !== undefined) e.className = cls;
  return e;
}

/** Values to 10 significant digits, errors and tolerances to 3. */
const fmt = (v: number, digits = 3): string => formatNumber(v, digits);

function rowsTable(rows: readonly ReportRow[], nameHead: string): HTMLTableElement {
  const table = el("table");
  const head = el("tr");
  for (const h of [nameHead, "analytic", "numeric", "abs. error", "rel. error", "verdict", "note"]) head.append(el("th", h));
  table.append(head);
  for (const r of rows) {
    const tr = el("tr", undefined, r.pass ? "pass" : "fail");
    tr.dataset.name = r.name;
    tr.append(el("td", r.name), el("td", fmt(r.analytic, 10)), el("td", fmt(r.numeric, 10)), el("td", fmt(r.absError)),
      el("td", fmt(r.relError)), el("td", r.pass ? "pass" : "FAIL", `verdict ${r.pass ? "pass" : "fail"}`), el("td", r.note, "note"));
    table.append(tr);
  }
  return table;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** log10(error) against log10(eps), eps from 1e-1 on the left to 1e-12 on the right; the best eps marked. */
function plot(points: readonly ReportPoint[], best: ReportPoint | undefined): SVGSVGElement {
  const W = 600, H = 300, L = 60, R = 20, T = 16, B = 40;
  const floor = 1e-17;
  const ys = points.map((p) => Math.log10(Math.max(Number.isFinite(p.error) ? p.error : 1e3, floor)));
  const yMin = Math.floor(Math.min(...ys)), yMax = Math.ceil(Math.max(...ys, yMin + 1));
  const x = (eps: number) => L + ((-Math.log10(eps) - 1) / 11) * (W - L - R);
  const y = (ly: number) => T + ((yMax - ly) / (yMax - yMin)) * (H - T - B);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot", role: "img", "aria-label": "error against eps, log-log" });
  for (let k = 1; k <= 12; k++) {
    s.append(svg("line", { x1: x(10 ** -k), x2: x(10 ** -k), y1: T, y2: H - B, class: "grid" }));
    if (k % 2 === 1 || k === 12) s.append(svg("text", { x: x(10 ** -k), y: H - B + 16, "text-anchor": "middle" }, `1e-${k}`));
  }
  const step = Math.max(1, Math.ceil((yMax - yMin) / 6));
  for (let v = yMin; v <= yMax; v += step) {
    s.append(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }));
    s.append(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, `1e${v}`));
  }
  s.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }), svg("line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }));
  s.append(svg("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" }, "eps (step of the central difference)"));
  s.append(svg("text", { x: 12, y: (T + H - B) / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${(T + H - B) / 2})` }, "max |analytic − numeric|"));
  s.append(svg("polyline", { points: points.map((p, i) => `${x(p.eps)},${y(ys[i])}`).join(" "), class: "curve" }));
  points.forEach((p, i) => s.append(svg("circle", { cx: x(p.eps), cy: y(ys[i]), r: 3, class: "dot" })));
  if (best !== undefined) {
    const by = y(Math.log10(Math.max(best.error, floor)));
    s.append(svg("circle", { cx: x(best.eps), cy: by, r: 6, class: "best" }));
    s.append(svg("text", { x: x(best.eps), y: by - 10, "text-anchor": "middle" }, `best eps ${fmt(best.eps)}`));
  }
  return s;
}

function render(m: ReportModel): void {
  root.replaceChildren();
  root.append(el("h1", m.title));
  const total = m.passed + m.failed;
  root.append(el("p", m.pass ? `All ${total} checks pass.` : `${m.failed} of ${total} checks fail.`, `summary ${m.pass ? "pass" : "fail"}`));
  const value = Number.isNaN(m.value) && m.rows.length === 0 ? "" : ` (value ${fmt(m.value, 10)})`;
  root.append(el("p", `Gradient of ${m.subject}${value} against central differences with eps ${fmt(m.eps)}; pass when |analytic − numeric| ≤ atol + rtol·|numeric| (atol ${fmt(m.atol)}, rtol ${fmt(m.rtol)}).`, "muted"));
  if (m.sample) root.append(el("p", `${m.sample.total} leaves: a random sample of ${m.sample.checked} of them is checked (seed ${m.sample.seed}), which bounds the work.`, "muted"));
  if (m.rows.length > 0) {
    root.append(el("h2", "Leaves"), rowsTable(m.rows, "leaf"));
  } else if (m.calls.length === 0) root.append(el("p", "No leaves to check: nothing the value depends on is a param or an input.", "muted"));
  if (m.sweep.length > 0) {
    root.append(el("h2", "Error against eps"));
    root.append(el("p", `Truncation error falls as eps shrinks, round-off error rises; the best eps here is ${m.best ? fmt(m.best.eps) : "undefined"}${m.sweepLeaves < m.rows.length ? ` (first ${m.sweepLeaves} leaves)` : ""}.`, "muted"));
    root.append(plot(m.sweep, m.best));
  }
  for (const c of m.calls) {
    const h = el("h2");
    const link = el("a", `line ${c.line}`, "reveal");
    link.addEventListener("click", () => vscode.postMessage({ type: "reveal", line: c.line, column: c.column }));
    h.append(`${c.kind === "derivative" ? "gradcheck(f, df, at)" : "gradcheck(f, at)"} at `, link, c.pass ? " — passes" : " — FAILS");
    root.append(h, rowsTable(c.rows, "input"));
  }
  root.append(el("p", `Conventions: ${m.conventions}`, "muted"));
}

window.addEventListener("message", (e: MessageEvent<unknown>) => {
  const m = receive(e.data, isToReportView, (line) => console.warn(line));
  // One message this way (ToReportView has no other variant).
  if (m) render(m.report);
});
vscode.postMessage({ type: "ready" });
