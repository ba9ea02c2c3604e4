// Runs in the graph webview (browser): our own listeners on the drawn nodes (Mermaid click directives are off in
// strict mode, and we want typed messages): which view node an SVG element is, clicks that are not drags, hovers.
import { formatElement, formatFull, formatShape } from "../../src/view/format";
import { warningText, type ViewModel, type ViewNode } from "../../src/view/graph";
import { tipLines, type Page } from "./dom";

const VIEW_ID = /^(?:.*-)?flowchart-([ngbh]\d+)-\d+$/;

/** The view node id (n3, g0, ...) of a Mermaid node element. */
export function viewIdOf(el: Element): string | undefined {
  const data = el.getAttribute("data-id");
  if (data && /^[ngbh]\d+$/.test(data)) return data;
  return VIEW_ID.exec(el.id)?.[1];
}

export interface Handlers {
  click(node: ViewNode, e: MouseEvent): void;
}

/** Wire clicks and hovers on the graph container; returns a function that removes them. */
export function wire(page: Page, model: () => ViewModel | undefined, h: Handlers): () => void {
  let down: { x: number; y: number } | undefined;
  const find = (t: EventTarget | null): ViewNode | undefined => {
    const g = t instanceof Element ? t.closest("g.node") : null;
    const id = g ? viewIdOf(g) : undefined;
    return id ? model()?.nodes.find((n) => n.id === id) : undefined;
  };
  const onDown = (e: MouseEvent) => (down = { x: e.clientX, y: e.clientY });
  const onClick = (e: MouseEvent) => {
    // A drag to pan ends in a click too: only a click that stayed put counts.
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
    const node = find(e.target);
    if (node) h.click(node, e);
  };
  const onOver = (e: MouseEvent) => {
    const node = find(e.target);
    if (!node) return void (page.tip.hidden = true);
    tipLines(page, hoverLines(node), e.clientX, e.clientY);
  };
  const onOut = (e: MouseEvent) => {
    if (!find(e.relatedTarget)) page.tip.hidden = true;
  };
  const g = page.graph;
  g.addEventListener("mousedown", onDown);
  g.addEventListener("click", onClick);
  g.addEventListener("mouseover", onOver);
  g.addEventListener("mouseout", onOut);
  return () => {
    g.removeEventListener("mousedown", onDown);
    g.removeEventListener("click", onClick);
    g.removeEventListener("mouseover", onOver);
    g.removeEventListener("mouseout", onOut);
  };
}

/** Full-precision hover text (plain strings, shown with textContent). */
export function hoverLines(n: ViewNode): string[] {
  const lines = [n.kind === "group" ? `${n.title}: ${n.size} nodes (click to expand)` : `${n.title} (${n.kind})`];
  if (n.kind === "bundle" || n.kind === "hidden") return lines;
  if (n.kind === "group" && n.outputs > 1) lines.push(`${n.outputs} outputs; the last one:`);
  const t = n.tensor;
  if (t) {
    lines.push(`tensor ${t.op}, shape ${formatShape(t.shape)} (${t.size} elements)`);
    lines.push(`first values ${t.head.map(formatFull).join(", ")}${t.size > t.head.length ? ", …" : ""}`);
    lines.push(`min ${formatFull(t.min)}, max ${formatFull(t.max)}`);
    lines.push(t.hasGrad ? `‖gradient‖₂ ${formatFull(t.gradNorm)}` : "no gradient (backward did not reach it)");
    if (t.firstNonFinite >= 0) lines.push(`NaN/Infinity first at ${formatElement(t.shape, t.firstNonFinite)}`);
    else if (t.gradNonFinite >= 0) lines.push(`gradient NaN/Infinity first at ${formatElement(t.shape, t.gradNonFinite)}`);
    if (n.kind !== "group") lines.push("click to see the matrix");
    lines.push(...(n.warnings ?? []).map(warningText));
    return lines;
  }
  lines.push(`value ${formatFull(n.value)}`, `gradient ${formatFull(n.grad)}`);
  if (n.nonFinite === "origin") lines.push("NaN/Infinity first appears here");
  else if (n.nonFinite === "flow") lines.push("NaN/Infinity from an input");
  lines.push(...(n.warnings ?? []).map(warningText));
  return lines;
}
