// Runs in the graph webview (browser): what a screen reader says for a drawn node, built from the view model (never
// from the SVG's text). Plain strings, set with setAttribute, so user names stay text.
import { formatElement, formatNumber } from "../../src/view/format";
import type { ViewNode } from "../../src/view/graph";

const KIND: Record<ViewNode["kind"], string> = {
  param: "parameter",
  input: "input",
  const: "constant",
  op: "operation",
  target: "target",
  group: "folded group",
  bundle: "bundle",
  hidden: "hidden nodes",
};

/** Shape in words: "2 by 3" reads better than "[2,3]", which screen readers spell out bracket by bracket. */
function shapeWords(shape: readonly number[]): string {
  return shape.length ? shape.join(" by ") : "scalar";
}

/** One sentence-like label: kind, title, then value and gradient (or shape and ‖grad‖ for a tensor) and warnings. */
export function nodeAriaLabel(n: ViewNode, digits?: number): string {
  const f = (x: number) => formatNumber(x, digits);
  const parts = [`${KIND[n.kind]} ${n.title}`];
  if (n.isTarget && n.kind !== "target") parts.push(n.kind === "group" ? "contains the target" : "target");
  if (n.kind === "group") parts.push(`${n.size} nodes, press Enter to expand`);
  if (n.kind === "bundle" || n.kind === "hidden") {
    parts.push(`${n.size} nodes`);
    return parts.join(", ");
  }
  if (n.kind === "group" && n.outputs > 1) {
    parts.push(`${n.outputs} outputs`);
    return parts.join(", ");
  }
  const t = n.tensor;
  if (t) {
    parts.push(`tensor ${t.op}, shape ${shapeWords(t.shape)}, ${t.size} element${t.size === 1 ? "" : "s"}`);
    if (t.size === 1) parts.push(`value ${f(t.head[0])}`);
    else parts.push(`first values ${t.head.map(f).join(", ")}`);
    parts.push(t.hasGrad ? (t.size === 1 ? `gradient ${f(n.grad)}` : `gradient norm ${f(t.gradNorm)}`) : "no gradient");
    if (t.firstNonFinite >= 0) parts.push(`NaN or Infinity at ${formatElement(t.shape, t.firstNonFinite)}`);
    else if (t.gradNonFinite >= 0) parts.push(`gradient NaN or Infinity at ${formatElement(t.shape, t.gradNonFinite)}`);
    if (n.kind !== "group") parts.push("press Enter for the matrix");
    return parts.join(", ");
  }
  parts.push(`value ${f(n.value)}`, `gradient ${f(n.grad)}`);
  if (n.nonFinite === "origin") parts.push("NaN or Infinity first appears here");
  else if (n.nonFinite === "flow") parts.push("NaN or Infinity from an input");
  return parts.join(", ");
}
