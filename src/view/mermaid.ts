// Runs anywhere (extension host, graph webview, CLI, tests): THE Mermaid flowchart text of a view model, for the
// webview's drawing and exports and the CLI. Ids come from our counters, every label from user text goes through
// escapeMermaid, colours through sanitizeColors.
import { escapeMermaid } from "./escape";
import { formatElement, formatNumber, formatShape } from "./format";
import type { ViewModel, ViewNode } from "./graph";
import { sanitizeColors, type ColorClass, type ThemeColors } from "./theme";

export type Direction = "LR" | "TB";

export interface LabelOptions {
  direction?: Direction;
  /** Show values on nodes. */
  values?: boolean;
  /** Show gradients on nodes. */
  grads?: boolean;
  /** Show local derivatives on edges. */
  locals?: boolean;
  /** Significant digits. */
  digits?: number;
  /** Draw each node's border thicker the larger its gradient's magnitude (relative to the largest shown). */
  shade?: boolean;
  colors?: ThemeColors;
  /** Nodes and edges (indices into model.edges) to highlight, e.g. the paths of "explain this gradient". */
  highlight?: { nodes: ReadonlySet<string>; edges: ReadonlySet<number> };
}

const SHAPE: Record<ViewNode["kind"], [string, string]> = {
  param: ['["', '"]'],
  input: ['["', '"]'],
  const: ['["', '"]'],
  op: ['("', '")'],
  target: ['(["', '"])'],
  group: ['[["', '"]]'],
  bundle: ['[("', '")]'],
  hidden: ['{{"', '"}}'],
};

/** Longest title drawn in a node; the hover shows the whole name. Keeps boxes and Mermaid's text small. */
export const MAX_TITLE = 48;

const clip = (s: string) => ([...s].length > MAX_TITLE ? [...s].slice(0, MAX_TITLE - 1).join("") + "…" : s);

/** The lines of a node's label, unescaped. */
export function nodeLines(node: ViewNode, opts: LabelOptions = {}): string[] {
  const f = (x: number) => formatNumber(x, opts.digits);
  const lines = [node.kind === "group" ? `${clip(node.title)} (${node.size} nodes)` : clip(node.title)];
  if (node.kind === "bundle" || node.kind === "hidden") return lines;
  // Several outputs (a layer, a model's parameters): one value would mislead, so say how many instead.
  if (node.kind === "group" && node.outputs > 1) return [...lines, `${node.outputs} outputs`];
  if (node.tensor) return [...lines, ...tensorLines(node, node.tensor, opts)];
  if (opts.values !== false) lines.push(`= ${f(node.value)}`);
  if (opts.grads !== false) lines.push(`∂ ${f(node.grad)}`);
  if (opts.grads !== false && node.claimed !== undefined) lines.push(`yours ∂ ${f(node.claimed)}`);
  return lines;
}

/** Shape, the first few values, ‖grad‖₂ and where a NaN/Infinity sits; a one-element tensor reads like a scalar. */
function tensorLines(node: ViewNode, t: NonNullable<ViewNode["tensor"]>, opts: LabelOptions): string[] {
  const f = (x: number) => formatNumber(x, opts.digits);
  const lines = [formatShape(t.shape)];
  if (opts.values !== false) {
    const more = t.size > t.head.length ? ", …" : "";
    lines.push(t.size === 1 ? `= ${f(t.head[0])}` : `= ${t.head.map(f).join(", ")}${more}`);
  }
  if (opts.grads !== false && t.hasGrad) lines.push(t.size === 1 ? `∂ ${f(node.grad)}` : `‖∂‖ ${f(t.gradNorm)}`);
  if (t.firstNonFinite >= 0) lines.push(`NaN/Infinity at ${formatElement(t.shape, t.firstNonFinite)}`);
  else if (t.gradNonFinite >= 0) lines.push(`∂ NaN/Infinity at ${formatElement(t.shape, t.gradNonFinite)}`);
  return lines;
}

/**
 * Shape on an edge: 4×2, 3-vector, scalar. Only characters Mermaid labels take as plain text: Mermaid draws entity
 * codes in edge labels literally (&#91;4,2&#93;) when labels are SVG text, so [4,2] would not survive there.
 */
/**
 * Each edge's label, unescaped (Mermaid's and DOT's alike). A merged edge has no single derivative, and an edge into a
 * folded group carries the derivative of a node inside it, not of the group: no label for either (Mermaid lays every
 * label out as an extra node, too). A tensor's edge carries its shape instead; a scalar element into a tensor has
 * neither (its local is NaN). A cut edge says it carries no gradient.
 */
export function edgeLabels(model: ViewModel, opts: LabelOptions = {}): string[] {
  const folded = new Set(model.nodes.filter((n) => n.kind === "group").map((n) => n.id));
  const tensors = new Set(model.nodes.filter((n) => n.tensor && n.kind !== "group").map((n) => n.id));
  return model.edges.map((e) => {
    let label = "";
    if (opts.locals !== false && e.shape) label = edgeShapeLabel(e.shape);
    else if (opts.locals !== false && e.count === 1 && !folded.has(e.to) && !tensors.has(e.to)) label = formatNumber(e.local, opts.digits);
    return e.cut ? (label ? `${label} (no gradient)` : "no gradient") : label;
  });
}

export function edgeShapeLabel(shape: readonly number[]): string {
  if (shape.length === 0) return "scalar";
  if (shape.length === 1) return `${shape[0]}-vector`;
  return shape.join("×");
}

export function nodeClass(node: ViewNode): ColorClass {
  if (node.nonFinite === "origin") return "nan";
  if (node.nonFinite === "flow") return "nanflow";
  // The learner's own gradient is wrong here: marked like a NaN's origin, the place to look.
  if (node.claimed !== undefined) return "nan";
  return node.isTarget ? "target" : node.kind;
}

export function toMermaid(model: ViewModel, opts: LabelOptions = {}): string {
  const colors = sanitizeColors(opts.colors);
  const out = [`flowchart ${opts.direction === "TB" ? "TB" : "LR"}`];
  const used = new Set<ColorClass>();
  for (const node of model.nodes) {
    const [open, close] = SHAPE[node.kind];
    const label = nodeLines(node, opts).map(escapeMermaid).join("<br>");
    const cls = opts.highlight?.nodes.has(node.id) ? "hl" : nodeClass(node);
    used.add(cls);
    out.push(`  ${node.id}${open}${label}${close}:::${cls}`);
  }
  edgeLabels(model, opts).forEach((label, i) => {
    const e = model.edges[i];
    if (e.cut) out.push(`  ${e.from} -.->|"${escapeMermaid(label)}"| ${e.to}`);
    else out.push(label ? `  ${e.from} -->|"${escapeMermaid(label)}"| ${e.to}` : `  ${e.from} --> ${e.to}`);
  });
  for (const cls of [...used].sort()) {
    const c = colors[cls];
    const width = cls === "target" || cls === "nan" || cls === "hl" ? "3px" : "1px";
    out.push(`  classDef ${cls} fill:${c.fill},stroke:${c.stroke},color:${c.text},stroke-width:${width}`);
  }
  if (opts.shade) {
    // Border width 1..6 px by |gradient| relative to the largest finite one shown (colour-blind and theme safe).
    let max = 0;
    for (const n of model.nodes) if (Number.isFinite(n.grad) && !n.isTarget) max = Math.max(max, Math.abs(n.grad));
    for (const n of model.nodes) {
      if (n.isTarget || !Number.isFinite(n.grad) || max === 0) continue;
      const w = 1 + Math.round((5 * Math.abs(n.grad)) / max * 10) / 10;
      out.push(`  style ${n.id} stroke-width:${w}px`);
    }
  }
  const hl = opts.highlight ? [...opts.highlight.edges].filter((i) => i >= 0 && i < model.edges.length).sort((a, b) => a - b) : [];
  if (hl.length) out.push(`  linkStyle ${hl.join(",")} stroke:${colors.hl.stroke},stroke-width:3px`);
  return out.join("\n") + "\n";
}
