// Runs in the graph webview (browser): the matrix panel of a tensor node. A small box over the graph with the value
// (and the gradient when backward reached it) as heat maps on a diverging scale around 0 in the theme's colours,
// with shape, min/max and ‖grad‖. Built with createElement and textContent only: names are user text.
import { formatElement, formatFull, formatNumber, formatShape } from "../../src/view/format";
import { gridOf, MAX_MATRIX_CELLS, type TensorInfo, type ViewNode } from "../../src/view/graph";
import { divergingColor, divergingColors, readableOn, type Diverging } from "./colors";

/** Matrices at most this big show their numbers in the cells; larger ones on hover only (title attributes). */
const NUMBERS_IN_CELLS = 64;
const NUMBERS_MAX_COLS = 8;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function extremes(a: readonly number[]): { min: number; max: number; scale: number } {
  let min = Infinity, max = -Infinity;
  for (const x of a) if (Number.isFinite(x)) { if (x < min) min = x; if (x > max) max = x; }
  if (min > max) return { min: NaN, max: NaN, scale: 0 };
  return { min, max, scale: Math.max(Math.abs(min), Math.abs(max)) };
}

/** One heat map: a CSS grid of cells coloured by value, each with its index and full value on hover. */
function grid(what: "values" | "grads", data: readonly number[], shape: readonly number[], colors: Diverging): HTMLElement {
  const { cols } = gridOf(shape);
  const { scale } = extremes(data);
  const box = el("div", `gl-heat gl-${what}`);
  box.style.gridTemplateColumns = `repeat(${cols}, auto)`;
  const numbers = data.length <= NUMBERS_IN_CELLS && cols <= NUMBERS_MAX_COLS;
  if (numbers) box.classList.add("gl-numbers");
  data.forEach((x, k) => {
    const cell = el("div", Number.isFinite(x) ? "gl-cell" : "gl-cell gl-nonfinite", numbers ? formatNumber(x, 3) : undefined);
    const bg = divergingColor(colors, x, scale);
    cell.style.backgroundColor = bg;
    // Numbers stay readable on the darkest cells of either theme.
    if (numbers) cell.style.color = readableOn(bg);
    cell.title = `${formatElement(shape, k)} = ${formatFull(x)}`;
    box.appendChild(cell);
  });
  return box;
}

function section(label: string, stats: string, body: HTMLElement): HTMLElement {
  const s = el("section", "gl-matrix-part");
  const h = el("div", "gl-matrix-sub");
  h.append(el("strong", undefined, label), document.createTextNode(" " + stats));
  s.append(h, body);
  return s;
}

function range(data: readonly number[]): string {
  const { min, max } = extremes(data);
  return Number.isNaN(min) ? "no finite values" : `min ${formatNumber(min)}, max ${formatNumber(max)}`;
}

function body(t: TensorInfo, colors: Diverging): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const shape = formatShape(t.shape);
  const facts = `${t.op}, shape ${shape}, ${t.size} element${t.size === 1 ? "" : "s"}`;
  parts.push(el("div", "gl-matrix-facts", facts));
  if (t.firstNonFinite >= 0) parts.push(el("div", "gl-matrix-warn", `NaN/Infinity first at ${formatElement(t.shape, t.firstNonFinite)}`));
  else if (t.gradNonFinite >= 0) parts.push(el("div", "gl-matrix-warn", `gradient NaN/Infinity first at ${formatElement(t.shape, t.gradNonFinite)}`));
  if (!t.values) {
    const why = t.omitted === "large"
      ? `Too large to show: shape ${shape} has ${t.size} elements (the view shows at most ${MAX_MATRIX_CELLS}).`
      : `Not sent: this graph has more matrix data than one view carries. Collapse or fold others to see it.`;
    parts.push(el("div", "gl-matrix-omitted", why));
    parts.push(el("div", "gl-matrix-facts", `value min ${formatNumber(t.min)}, max ${formatNumber(t.max)}; ‖grad‖₂ ${formatNumber(t.gradNorm)}`));
    return parts;
  }
  parts.push(section("value", range(t.values), grid("values", t.values, t.shape, colors)));
  if (t.grads) {
    parts.push(section("gradient", `‖grad‖₂ ${formatNumber(t.gradNorm)}, ${range(t.grads)}`, grid("grads", t.grads, t.shape, colors)));
  } else {
    parts.push(el("div", "gl-matrix-facts", "no gradient: backward did not reach this tensor"));
  }
  return parts;
}

export interface MatrixPanel {
  /** Show a tensor node's matrices (replacing what is shown); takeFocus false for a redraw's refresh. */
  open(node: ViewNode, takeFocus?: boolean): void;
  close(): void;
  /** The view id shown, or undefined when closed. */
  readonly shown: string | undefined;
}

/** The panel, created once and hidden; Escape or its close button hides it and calls closed with the node's view
 * id (so focus can go back to the node that opened it). */
export function matrixPanel(closed?: (id: string) => void): MatrixPanel {
  const box = el("div");
  box.id = "gl-matrix";
  box.setAttribute("role", "dialog");
  box.hidden = true;
  const head = el("div", "gl-matrix-head");
  const title = el("span", "gl-matrix-title");
  const close = el("button", "gl-matrix-close", "×");
  close.type = "button";
  close.title = "Close (Escape)";
  close.setAttribute("aria-label", "Close the matrix view");
  head.append(title, close);
  const content = el("div", "gl-matrix-body");
  box.append(head, content);
  document.body.appendChild(box);
  let shown: string | undefined;
  const hide = () => {
    box.hidden = true;
    content.replaceChildren();
    shown = undefined;
  };
  const userClose = () => {
    const id = shown;
    hide();
    if (id !== undefined) closed?.(id);
  };
  close.addEventListener("click", userClose);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !box.hidden) userClose();
  });
  return {
    open(node, takeFocus = true) {
      if (!node.tensor) return hide();
      title.textContent = node.title;
      box.setAttribute("aria-label", `Matrix of ${node.title}`);
      content.replaceChildren(...body(node.tensor, divergingColors()));
      box.hidden = false;
      shown = node.id;
      // svg-pan-zoom cancels mousedown, so the click that opened the panel did not focus the webview; without focus
      // here, Escape would go to the editor instead of closing the panel.
      if (takeFocus) close.focus();
    },
    close: hide,
    get shown() {
      return shown;
    },
  };
}
