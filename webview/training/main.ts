// Runs in the training webview (browser): the training view. Sends the settings form with every control; draws
// the snapshots the extension posts (loss curve, predictions, heat map, params, steps/s, verdict, accuracy) and the
// backprop vs finite-difference comparison; persists form, last snapshot and log-scale choice with setState, so
// a hidden and re-shown (or reloaded) view draws at once.
import uplotCss from "uplot/dist/uPlot.min.css";
import { isToTrainingView, type ToTrainingView } from "../../src/protocol/training";
import { assertNever, receive } from "../../src/protocol/wire";
import { formatNumber } from "../../src/view/format";
import { accuracyText, type CompareSnapshot, type TrainForm, type TrainingSnapshot } from "../../src/view/training";
import { LossChart } from "./chart";
import { buildForm } from "./form";
import { drawHeatMap } from "./heatmap";
import { connect, pageNonce, themeColor } from "./host";
import { renderParams } from "./params";
import { renderPredictions } from "./tables";
import css from "./training.css";

const host = connect();
const state = host.getState();
const persist = () => host.setState(state);

const style = document.createElement("style");
style.nonce = pageNonce();
style.textContent = `${uplotCss}\n${css}`;
document.head.append(style);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, id: string, cls = ""): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.id = id;
  if (cls) e.className = cls;
  return e;
}

const form = buildForm();
const buttons = el("div", "gl-buttons", "gl-buttons");
function button(id: string, text: string, title: string, onClick: () => void, secondary = false): HTMLButtonElement {
  const b = el("button", id, secondary ? "gl-secondary" : "");
  b.type = "button";
  b.textContent = text;
  b.title = title;
  b.addEventListener("click", onClick);
  buttons.append(b);
  return b;
}
const read = (): TrainForm => (state.form = form.read());
const train = button("gl-train", "Train", "Train (or resume) with these settings", () => host.post({ type: "train", form: read() }));
const pause = button("gl-pause", "Pause", "Pause training", () => host.post({ type: "pause" }));
const step = button("gl-step", "Step", "Take one step", () => host.post({ type: "step", form: read() }), true);
button("gl-reset", "Reset", "Back to the initial parameters", () => host.post({ type: "reset", form: read() }), true);
button("gl-compare", "Compare methods", "Train with backprop and with finite differences, side by side", () => host.post({ type: "compare", form: read() }), true);
button("gl-train-file", "Train active file", "Train the .nn.ts file in the active editor", () => host.post({ type: "trainFile" }), true);
const apply = button("gl-apply", "Apply to file", "Write the trained values into the file's param(...) calls (undoable)", () => host.post({ type: "apply" }), true);
const graph = button("gl-show-graph", "Show graph", "Show the file's computation graph", () => host.post({ type: "showGraph" }), true);

const label = el("div", "gl-label", "gl-label");
const notes = el("div", "gl-notes", "gl-notes");
const error = el("div", "gl-error", "gl-error");
const status = el("div", "gl-status", "gl-status");
const verdict = el("div", "gl-verdict", "gl-verdict");
const logBox = el("label", "gl-log-label");
const log = el("input", "gl-log");
log.type = "checkbox";
logBox.append(log, " log scale");
const chartEl = el("div", "gl-chart", "gl-chart");
const row = el("div", "gl-row", "gl-row");
const predictions = el("table", "gl-predictions");
const heat = el("canvas", "gl-heatmap", "gl-heatmap");
heat.width = heat.height = 192;
row.append(predictions, heat);
const params = el("table", "gl-params");
const compare = el("section", "gl-compare-section", "gl-compare");
const compareTitle = el("h3", "gl-compare-title");
compareTitle.textContent = "Backprop vs finite differences";
const compareChartEl = el("div", "gl-compare-chart", "gl-chart");
const compareTable = el("table", "gl-compare-table");
compare.append(compareTitle, compareChartEl, compareTable);
compare.hidden = true;
const paramsTitle = el("h3", "gl-params-title");
paramsTitle.textContent = "Parameters";
const accuracy = el("div", "gl-accuracy", "gl-accuracy");
accuracy.hidden = true;
document.body.append(form.el, buttons, error, label, notes, status, verdict, accuracy, logBox, chartEl, row, paramsTitle, params, compare);

const chart = new LossChart(chartEl);
const compareChart = new LossChart(compareChartEl, 150);
log.checked = state.log;
chart.setLog(state.log);
compareChart.setLog(state.log);
log.addEventListener("change", () => {
  state.log = log.checked;
  chart.setLog(state.log);
  compareChart.setLog(state.log);
  persist();
});
form.onChange(() => {
  state.form = form.read();
  persist();
});

function showSnapshot(s: TrainingSnapshot): void {
  state.last = s;
  label.textContent = s.label;
  notes.textContent = s.notes.join(" · ");
  const rate = s.stepsPerSecond > 0 ? `${Math.round(s.stepsPerSecond).toLocaleString("en-US")} steps/s` : "– steps/s";
  const first = s.history.losses[0];
  const from = s.step > 0 && first !== undefined ? ` (from ${formatNumber(first)})` : "";
  status.textContent = `${s.state} · step ${s.step} / ${s.totalSteps} · loss ${formatNumber(s.loss, 6)}${from} · ${rate} · ${s.method}`;
  status.dataset.state = s.state;
  verdict.textContent = s.verdict?.message ?? "";
  accuracy.textContent = s.accuracy ? accuracyText(s.accuracy) : "";
  accuracy.hidden = s.accuracy === undefined;
  verdict.className = `gl-verdict ${s.verdict ? `gl-${s.verdict.kind}` : ""}`;
  const blue = themeColor("--vscode-charts-blue", "#3794ff"), full = s.fullHistory;
  // On mini-batches: the batch loss and, beside it, the loss on all rows.
  chart.update([{ label: full ? "batch loss" : "loss", steps: s.history.steps, losses: s.history.losses, color: blue },
    ...(full ? [{ label: "full data", steps: full.steps, losses: full.losses, color: themeColor("--vscode-charts-orange", "#d18616") }] : [])]);
  renderPredictions(predictions, s.predictions);
  drawHeatMap(heat, s.grid, s.predictions);
  heat.hidden = s.grid === undefined;
  // paramRows counts a tensor once (a tensor param is one row).
  renderParams(params, s.params, s.paramRows);
  train.disabled = s.state === "running";
  pause.disabled = s.state !== "running";
  step.disabled = s.state === "running";
}

function showCompare(c: CompareSnapshot): void {
  state.compare = c;
  compare.hidden = false;
  const colors = [themeColor("--vscode-charts-blue", "#3794ff"), themeColor("--vscode-charts-orange", "#d18616")];
  compareChart.update(c.runs.map((r, i) => ({ label: r.method, steps: r.history.steps, losses: r.history.losses, color: colors[i] })));
  compareTable.replaceChildren();
  const head = document.createElement("tr");
  for (const h of ["method", "step", "final loss", "steps/s"]) head.append(Object.assign(document.createElement("th"), { textContent: h }));
  compareTable.append(head);
  for (const r of c.runs) {
    const tr = document.createElement("tr");
    tr.dataset.method = r.method;
    for (const v of [r.method, `${r.step} / ${r.totalSteps}`, formatNumber(r.finalLoss, 6), Math.round(r.stepsPerSecond).toLocaleString("en-US")]) {
      tr.append(Object.assign(document.createElement("td"), { textContent: v }));
    }
    compareTable.append(tr);
  }
  const diff = el("tr", "gl-compare-diff");
  diff.append(Object.assign(document.createElement("td"), {
    colSpan: 4, textContent: Number.isNaN(c.maxLossDiff) ? "" : `largest loss difference ${formatNumber(c.maxLossDiff, 3)}`,
  }));
  compareTable.append(diff);
}

function setDocument(doc: { label: string } | undefined): void {
  state.document = doc;
  form.setDocument(doc?.label);
  apply.hidden = doc === undefined;
  graph.hidden = doc === undefined || !state.graph;
}

function handle(msg: ToTrainingView): void {
  switch (msg.type) {
    case "form":
      state.graph = msg.graph;
      state.choices = msg.choices;
      setDocument(msg.document);
      form.setChoices(msg.choices);
      form.write(msg.form);
      state.form = form.read();
      error.textContent = "";
      break;
    case "snapshot":
      error.textContent = "";
      showSnapshot(msg.snapshot);
      break;
    case "compare":
      showCompare(msg.compare);
      break;
    case "applied":
      error.textContent = msg.skipped.length ? `not written back: ${msg.skipped.join(", ")}` : "";
      notes.textContent = `${msg.edits} value${msg.edits === 1 ? "" : "s"} written to the file (undo with Ctrl+Z)`;
      break;
    case "error":
      error.textContent = msg.message;
      break;
    default:
      assertNever(msg);
  }
  persist();
}

window.addEventListener("message", (e: MessageEvent<unknown>) => {
  const msg = receive(e.data, isToTrainingView, (line) => console.warn(line));
  if (msg) handle(msg);
});

setDocument(state.document);
if (state.choices) form.setChoices(state.choices);
if (state.form) form.write(state.form);
if (state.last) showSnapshot(state.last);
else pause.disabled = true;
if (state.compare) showCompare(state.compare);
host.post({ type: "ready" });
