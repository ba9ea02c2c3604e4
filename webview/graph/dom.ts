// Runs in the graph webview (browser): the page's fixed parts (toolbar, banner, status, graph, tooltip), built
// with createElement and textContent only, so no user text is ever parsed as HTML here.
import type { GraphViewState } from "../../src/protocol/graph";

export type Action =
  | "fit" | "zoom-in" | "zoom-out" | "direction" | "expand-all" | "collapse-all" | "explain-mode" | "export-svg"
  | "export-png" | "copy-mermaid";
export type Toggle = "values" | "grads" | "locals" | "shade" | "lightExport";

export interface Page {
  toolbar: HTMLElement;
  banner: HTMLElement;
  status: HTMLElement;
  graph: HTMLElement;
  tip: HTMLElement;
  buttons: Record<Action, HTMLButtonElement>;
  toggles: Record<Toggle, HTMLInputElement>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// Action, visible text, accessible name (it contains the visible text, so speech input finds the button by what it
// shows; the direction button's is set with the direction), tooltip (read as the description).
const BUTTONS: [Action, string, string, string][] = [
  ["fit", "Fit", "Fit", "Fit the graph to the view"],
  ["zoom-in", "+", "Zoom in", "Zoom in"],
  ["zoom-out", "−", "Zoom out", "Zoom out"],
  ["direction", "LR", "LR: left to right, switch direction", "Switch between left-right and top-bottom"],
  ["expand-all", "Expand all", "Expand all", "Unfold every group"],
  ["collapse-all", "Collapse all", "Collapse all", "Fold back to the automatic view"],
  ["explain-mode", "Explain", "Explain", "Click a node to see every path from the target to it and the product along each"],
  ["export-svg", "SVG", "SVG export", "Export as SVG"],
  ["export-png", "PNG", "PNG export", "Export as PNG"],
  ["copy-mermaid", "Copy Mermaid", "Copy Mermaid", "Copy as Mermaid Markdown"],
];

const TOGGLES: [Toggle, string][] = [
  ["values", "values"],
  ["grads", "gradients"],
  ["locals", "local ∂"],
  ["shade", "|∂| border"],
  ["lightExport", "light export"],
];

export function buildPage(state: GraphViewState): Page {
  document.body.classList.add("gradlens-graph");
  const toolbar = el("div", { id: "gl-toolbar", role: "toolbar", "aria-label": "Graph tools" });
  const buttons = {} as Record<Action, HTMLButtonElement>;
  for (const [action, label, name, title] of BUTTONS) {
    const b = el("button", { type: "button", "data-action": action, title, "aria-label": name }, label);
    buttons[action] = b;
    toolbar.appendChild(b);
  }
  const toggles = {} as Record<Toggle, HTMLInputElement>;
  for (const [key, label] of TOGGLES) {
    const box = el("input", { type: "checkbox", "data-toggle": key });
    box.checked = state[key];
    toggles[key] = box;
    const l = el("label");
    l.append(box, document.createTextNode(" " + label));
    toolbar.appendChild(l);
  }
  const banner = el("div", { id: "gl-banner", role: "alert" });
  banner.hidden = true;
  const status = el("div", { id: "gl-status", "aria-live": "polite" });
  // An application region: screen readers pass the arrow keys through to the node navigation (keyboard.ts).
  const graph = el("div", { id: "gl-graph", role: "application",
    "aria-label": "Computation graph: arrow keys follow edges, Enter opens a node, Home goes to the target" });
  const tip = el("div", { id: "gl-tip", role: "tooltip" });
  tip.hidden = true;
  document.body.append(toolbar, banner, status, graph, tip);
  return { toolbar, banner, status, graph, tip, buttons, toggles };
}

/** Show a message in the banner, with optional buttons; kind picks the style. */
export function showBanner(page: Page, kind: "error" | "warning" | "info", text: string,
  actions: [string, () => void][] = []): void {
  const b = page.banner;
  b.replaceChildren(el("span", { class: "gl-text" }, text));
  for (const [label, run] of actions) {
    const btn = el("button", { type: "button" }, label);
    btn.addEventListener("click", run);
    b.appendChild(btn);
  }
  b.className = `gl-${kind}`;
  b.hidden = false;
}

export function hideBanner(page: Page): void {
  page.banner.hidden = true;
  page.banner.replaceChildren();
}

export function tipLines(page: Page, lines: string[], x: number, y: number): void {
  page.tip.replaceChildren(...lines.map((l) => el("div", {}, l)));
  page.tip.style.left = `${x + 12}px`;
  page.tip.style.top = `${y + 12}px`;
  page.tip.hidden = false;
}
