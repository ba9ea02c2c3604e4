// Runs anywhere (CLI, tests): Graphviz DOT text of a graph view model, for people who use Graphviz tools (`gradlens
// graph --format dot`). The same view model, labels and colour classes as the Mermaid generator (mermaid.ts); every
// label from user text goes through escapeDot, colours through sanitizeColors, ids are our counters.
import { escapeDot } from "./escape";
import type { ViewModel, ViewNode } from "./graph";
import { edgeLabels, nodeClass, nodeLines, type LabelOptions } from "./mermaid";
import { sanitizeColors } from "./theme";

const SHAPE: Record<ViewNode["kind"], string> = {
  param: "box", input: "box", const: "box", op: "ellipse", target: "doubleoctagon", group: "box3d", bundle: "component",
  hidden: "hexagon",
};

/** An id as DOT takes it unquoted: ours are `n12`, `g3`; anything else is quoted. */
const id = (s: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `"${escapeDot(s)}"`);

export function toDot(model: ViewModel, opts: LabelOptions = {}): string {
  const colors = sanitizeColors(opts.colors);
  const out = [
    "digraph gradlens {",
    `  rankdir=${opts.direction === "TB" ? "TB" : "LR"};`,
    '  node [fontname="Helvetica", fontsize=11, style=filled];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of model.nodes) {
    const c = colors[opts.highlight?.nodes.has(node.id) ? "hl" : nodeClass(node)];
    const width = node.isTarget || node.nonFinite === "origin" ? 3 : 1;
    const label = nodeLines(node, opts).map(escapeDot).join("\\n");
    out.push(`  ${id(node.id)} [label="${label}", shape=${SHAPE[node.kind]}, fillcolor="${c.fill}", color="${c.stroke}", fontcolor="${c.text}", penwidth=${width}];`);
  }
  edgeLabels(model, opts).forEach((label, i) => {
    const e = model.edges[i];
    const attrs = [
      label ? `label="${escapeDot(label)}"` : "", e.cut ? "style=dashed" : "", opts.highlight?.edges.has(i) ? `color="${colors.hl.stroke}", penwidth=3` : "",
    ].filter(Boolean);
    out.push(`  ${id(e.from)} -> ${id(e.to)}${attrs.length ? ` [${attrs.join(", ")}]` : ""};`);
  });
  out.push("}");
  return out.join("\n") + "\n";
}
