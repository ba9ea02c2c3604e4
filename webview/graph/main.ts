// Runs in the graph webview (browser): the graph view. The extension posts `render` with a view model; this draws
// it with Mermaid (labels, direction and colours are applied here, so toggles need no round trip), handles pan and
// zoom, clicks, hovers, exports, theme changes, and persists its state with setState. The page says ready at once;
// Mermaid loads meanwhile (render.ts), and what the first paint does not need comes after it (pan and zoom, the
// keyboard's node labels) or when first used (exports, the matrix panel).
import { isToGraphView, type ExportFormat, type GraphViewState } from "../../src/protocol/graph";
import { assertNever, receive } from "../../src/protocol/wire";
import { formatFull } from "../../src/view/format";
import { HARD_MAX_VISIBLE_NODES, type ViewModel, type ViewNode } from "../../src/view/graph";
import { toMermaid } from "../../src/view/mermaid";
import { DEFAULT_COLORS } from "../../src/view/theme";
import { buildPage, hideBanner, showBanner, type Action } from "./dom";
import { surface, themeColors } from "./colors";
import type { MatrixPanel } from "./heatmap";
import { connect, type RenderMessage } from "./host";
import { wire } from "./interact";
import { keyboardNav } from "./keyboard";
import { LIGHT_SURFACE, renderSvg } from "./render";

const host = connect();
const saved = host.getState();
const state: GraphViewState = saved.state;
const page = buildPage(state);
const panZoomLoading = import("svg-pan-zoom").then((m) => m.default);
// Made when a tensor node is first opened; closing it (Escape, ×) puts focus back on the node that opened it.
let matrix: MatrixPanel | undefined;
const matrixPanel = async () => (matrix ??= (await import("./heatmap")).matrixPanel((id) => void nav.focus(id)));
let last: RenderMessage | undefined = saved.last;
/** The host's error for what is drawn (a restore that failed): a redraw of the saved drawing keeps it; a new render ends it. */
let hostError: string | undefined;
let highlight: { nodes: Set<string>; edges: Set<number> } | undefined;
let explainMode = false;
let panZoom: SvgPanZoom.Instance | undefined;
let viewBox: string | null = null;
let drawing: Promise<void> = Promise.resolve();

const model = (): ViewModel | undefined => last?.model;
const persist = () => host.setState({ state, last });
const textFor = (colors = themeColors()) =>
  last ? toMermaid(last.model, { ...state, colors, highlight }) : "";

/** Draw the current model; calls are queued so a burst of messages never races two Mermaid renders. */
function draw(): Promise<void> {
  drawing = drawing.then(drawNow, drawNow);
  return drawing;
}

async function drawNow(): Promise<void> {
  if (!last) return;
  showDirection();
  page.buttons["explain-mode"].setAttribute("aria-pressed", String(explainMode));
  const m = last.model;
  if (m.nodes.length > HARD_MAX_VISIBLE_NODES) {
    // Only a malformed message gets here (the view model never exceeds its budget): Mermaid would take minutes.
    const message = `The graph has ${m.nodes.length} nodes, more than the view draws (${HARD_MAX_VISIBLE_NODES}). ` +
      `Collapse groups or use "Collapse all".`;
    return fail(message);
  }
  const hadFocus = nav.hasFocus();
  // Clear the old drawing first: Mermaid measures text in the live document, and a large SVG still in it slows that.
  panZoom?.destroy();
  panZoom = undefined;
  page.graph.replaceChildren();
  const result = await renderSvg(textFor(), surface());
  if (!result.ok) return fail(result.message);
  // Mermaid's strict mode has sanitised the SVG (DOMPurify); labels were escaped before it saw them.
  page.graph.innerHTML = result.svg;
  const svg = page.graph.querySelector("svg");
  if (!svg) return;
  viewBox = svg.getAttribute("viewBox");
  svg.removeAttribute("style");
  // Fitted and centred by its viewBox until svg-pan-zoom takes over (with the same fit) after this paint.
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  await afterPaint();
  const svgPanZoom = await panZoomLoading;
  panZoom = svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: false, fit: true, center: true, minZoom: 0.02, maxZoom: 40 });
  nav.decorate(hadFocus);
  const folded = m.groups.filter((g) => g.folded).length;
  const shown = m.nodes.length;
  let status = `${shown} nodes shown for ${m.totalNodes} on the tape`;
  if (folded) status += `, ${folded} groups folded (click one or press Enter on it to expand, shift-click a node to fold its group)`;
  if (m.hiddenNodes) status += `, ${m.hiddenNodes} nodes not shown`;
  if (m.droppedEdges) status += `, ${m.droppedEdges} edges left out`;
  page.status.textContent = status;
  refreshMatrix();
  if (!highlight && hostError === undefined) hideBanner(page);
  host.post({ type: "rendered", nodes: shown, edges: m.edges.length, ms: Math.round(result.ms) });
}

/** Resolves once the browser has painted what is in the page now (or after 100 ms where it paints no frames: hidden). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const hidden = window.setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      window.clearTimeout(hidden);
      window.setTimeout(resolve, 0);
    });
  });
}

function fail(message: string): void {
  showBanner(page, "error", message, [["Collapse all", () => host.post({ type: "collapseAll" })]]);
  host.post({ type: "renderFailed", message });
}

/** After a redraw (new model, theme): show the open matrix again from the new data, or close it if it is gone. */
function refreshMatrix(): void {
  const id = matrix?.shown;
  if (id === undefined) return;
  const node = last?.model.nodes.find((n) => n.id === id);
  if (node?.tensor && node.kind !== "group") matrix?.open(node, false);
  else matrix?.close();
}

/** A click on a node, or Enter/Space on a focused one (shift as with shift-click). */
function onNodeClick(node: ViewNode, e: { shiftKey: boolean }): void {
  if (e.shiftKey && node.parentGroup >= 0) return host.post({ type: "collapse", groupId: node.parentGroup });
  if (node.kind === "group" && !explainMode) return host.post({ type: "expand", groupId: node.groupId });
  if (node.tapeId < 0) return;
  // A tensor node opens its matrix here; explain follows scalar local derivatives, which tensor edges do not have.
  if (node.tensor && node.kind !== "group") {
    if (explainMode) showBanner(page, "info", "Explain follows scalar local derivatives; a tensor node has none, so its matrix is shown instead.");
    return void matrixPanel().then((m) => m.open(node));
  }
  if (explainMode) return host.post({ type: "explain", nodeId: node.tapeId });
  host.post({ type: "nodeClicked", nodeId: node.tapeId, range: node.range });
}

/** Exports wait their turn behind drawing: a light export reconfigures Mermaid, which must not hit a render midway. */
function exportAs(format: ExportFormat): Promise<void> {
  const run = () => exportNow(format);
  drawing = drawing.then(run, run);
  return drawing;
}

async function exportNow(format: ExportFormat): Promise<void> {
  try {
    if (!last) throw new Error("nothing drawn yet");
    const { mermaidMarkdown, pngFromSvg, standaloneSvg } = await import("./exporting");
    if (format === "mermaid") {
      const md = mermaidMarkdown(toMermaid(last.model, { ...state, colors: DEFAULT_COLORS }));
      // Clipboard access can be refused inside a webview: the extension copies what we post as well.
      await navigator.clipboard?.writeText(md).catch(() => undefined);
      return host.post({ type: "export", format, data: md, ok: true });
    }
    let markup: string;
    if (state.lightExport) {
      const r = await renderSvg(toMermaid(last.model, { ...state, colors: DEFAULT_COLORS, highlight }), LIGHT_SURFACE);
      if (!r.ok) throw new Error(r.message);
      const holder = document.createElement("div");
      holder.innerHTML = r.svg;
      const svg = holder.querySelector("svg")!;
      markup = standaloneSvg(svg, "#ffffff", svg.getAttribute("viewBox"));
    } else {
      const svg = page.graph.querySelector("svg");
      if (!svg) throw new Error("nothing drawn yet");
      markup = standaloneSvg(svg, surface().background, viewBox);
    }
    const data = format === "svg" ? markup : await pngFromSvg(markup);
    host.post({ type: "export", format, data, ok: true });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    showBanner(page, "error", `Export failed: ${error}`);
    host.post({ type: "export", format, data: "", ok: false, error });
  }
}

function expandAll(): void {
  const m = model();
  if (!m) return;
  if (m.totalNodes <= m.maxVisibleNodes) return host.post({ type: "expandAll", confirmedLarge: false });
  const secs = Math.max(1, Math.round((m.totalNodes * 6) / 1000));
  showBanner(page, "warning",
    `Expanding all draws ${m.totalNodes} nodes, which may take about ${secs} s or more (and very large graphs are cut).`,
    [["Render all", () => host.post({ type: "expandAll", confirmedLarge: true })], ["Cancel", () => hideBanner(page)]]);
}

function act(a: Action): void {
  switch (a) {
    case "fit": panZoom?.resize(); panZoom?.fit(); panZoom?.center(); return;
    case "zoom-in": panZoom?.zoomIn(); return;
    case "zoom-out": panZoom?.zoomOut(); return;
    case "direction":
      state.direction = state.direction === "LR" ? "TB" : "LR";
      showDirection();
      persist();
      return void draw();
    case "expand-all": return expandAll();
    case "collapse-all": return host.post({ type: "collapseAll" });
    case "explain-mode":
      explainMode = !explainMode;
      page.buttons["explain-mode"].setAttribute("aria-pressed", String(explainMode));
      if (!explainMode) clearExplanation();
      return;
    case "export-svg": return void exportAs("svg");
    case "export-png": return void exportAs("png");
    case "copy-mermaid": return void exportAs("mermaid");
    default: return assertNever(a, "action");
  }
}

/** The direction button shows LR or TB; its accessible name keeps that text and says it in words. */
function showDirection(): void {
  const b = page.buttons.direction;
  b.textContent = state.direction;
  b.setAttribute("aria-label", `${state.direction}: ${state.direction === "LR" ? "left to right" : "top to bottom"}, switch direction`);
}

function clearExplanation(): void {
  if (!highlight) return hideBanner(page);
  highlight = undefined;
  hideBanner(page);
  void draw();
}


function onMessage(raw: unknown): void {
  const msg = receive(raw, isToGraphView, (line) => console.warn(line));
  if (!msg) return;
  switch (msg.type) {
    case "render":
      last = msg;
      hostError = undefined;
      Object.assign(state, msg.state ?? {});
      highlight = undefined;
      persist();
      return void draw();
    case "explanation": {
      highlight = { nodes: new Set(msg.highlight.nodes), edges: new Set(msg.highlight.edges) };
      const ex = msg.explanation;
      const more = ex.truncated ? ` (showing ${ex.paths.length} of ${ex.pathCount} paths)` : "";
      const sum = ex.throughTensors
        ? "they run through tensor ops, whose local derivatives are Jacobians (no single number to multiply)"
        : `products sum to ${formatFull(ex.sum)}`;
      showBanner(page, "info", `${ex.paths.length} path(s) from the target${more}: ${sum}; the gradient is ${formatFull(ex.grad)}.`,
        [["Clear", clearExplanation]]);
      return void draw();
    }
    case "error":
      hostError = msg.message;
      return showBanner(page, "error", msg.message);
    default: return assertNever(msg);
  }
}

for (const [a, b] of Object.entries(page.buttons)) b.addEventListener("click", () => act(a as Action));
for (const [k, box] of Object.entries(page.toggles)) {
  box.addEventListener("change", () => {
    state[k as keyof Pick<GraphViewState, "values" | "grads" | "locals" | "shade" | "lightExport">] = box.checked;
    persist();
    if (k !== "lightExport") void draw();
  });
}
const nav = keyboardNav(page, {
  model,
  direction: () => state.direction,
  digits: () => state.digits,
  activate: onNodeClick,
  panBy: (x, y) => panZoom?.panBy({ x, y }),
});
wire(page, model, { click: onNodeClick });
window.addEventListener("message", (e: MessageEvent) => onMessage(e.data));
window.addEventListener("resize", () => panZoom?.resize());
// VS Code changes the body's class (vscode-light, vscode-dark, vscode-high-contrast) when the theme changes.
let themeTimer: number | undefined;
new MutationObserver(() => {
  window.clearTimeout(themeTimer);
  themeTimer = window.setTimeout(() => void draw(), 50);
}).observe(document.body, { attributes: true, attributeFilter: ["class"] });

if (last) void draw();
host.post({ type: "ready" });
