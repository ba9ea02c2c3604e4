// Runs on Node (bundled by run.mjs before the browser suite starts): the messages the suite posts to the graph
// webview, built from real tapes and the real view model code, plus the figures the assertions compare against.
import { Tape } from "../../src/engine/tape";
import { buildViewModel } from "../../src/graph/model";
import { explainGradient, explanationHighlight } from "../../src/graph/explain";
import type { ToGraphView } from "../../src/protocol/graph";
import { encodeNumbers } from "../../src/protocol/wire";
import type { ViewModel } from "../../src/view/graph";
import { edgeShapeLabel, toMermaid } from "../../src/view/mermaid";
import { mlp, xor } from "../unit/graph/tapes";
import { seed000 } from "../unit/graph/tensor-tapes";

/** A message as the extension posts it: numbers encoded (src/protocol/wire.ts). */
const post = (m: ToGraphView): unknown => encodeNumbers(m);
const render = (model: ViewModel): unknown => post({ type: "render", model });

export function xorCase() {
  const { tape, target, leaves } = xor();
  const model = buildViewModel(tape, target);
  const b3 = leaves["b3"];
  const ex = explainGradient(tape, target, b3);
  const hl = explanationHighlight(model, ex, tape);
  return {
    message: render(model),
    nodes: model.nodes.length,
    edges: model.edges.length,
    /** Edge labels (local derivatives) as the default options format them. */
    edgeLabels: [...toMermaid(model).matchAll(/-->\|"([^"]*)"\|/g)].map((m) => m[1]),
    /** A param node to click, with what the click must post. */
    click: { viewId: `n${b3}`, nodeId: b3 },
    targetId: `n${target}`,
    value: tape.val[b3],
    /** The first operation inside forward(0, 0): it has a source range. */
    op: firstOp(tape),
    paths: ex.paths.length,
    highlightEdges: hl.edges.size,
    explanation: post({ type: "explanation", explanation: ex, highlight: { nodes: [...hl.nodes], edges: [...hl.edges] } }),
    grad: tape.grad[b3],
  };
}

function firstOp(tape: Tape) {
  let i = 0;
  while (tape.group[i] !== 0 || tape.start[i] === tape.start[i + 1]) i++;
  return { viewId: `n${i}`, nodeId: i, range: tape.source(i) };
}

export const HOSTILE = '"]-->x[<script>window.__pwned=1</script>`%%{init: {"securityLevel":"loose"}}%%';

export function hostileCase() {
  const t = new Tape();
  const a = t.param(2, HOSTILE), b = t.input(3, "<img src=x onerror=window.__pwned=2>");
  const y = t.mul(a, b);
  t.backward(y);
  return { message: render(buildViewModel(t, y)), nodes: 3 };
}

/** A model with more edges than Mermaid's (raised) limit: what a buggy or hostile extension message would carry. */
export function tooManyEdgesCase(edgeCount: number) {
  const t = new Tape();
  const x = t.input(1, "x");
  const terms: number[] = [];
  for (let i = 0; i < 40; i++) terms.push(t.mul(x, t.const(i)));
  const y = t.sum(terms);
  t.backward(y);
  const base = buildViewModel(t, y);
  const edges = Array.from({ length: edgeCount }, (_, k) => ({ ...base.edges[k % base.edges.length] }));
  return render({ ...base, edges });
}

export function mlpCase() {
  const { tape, target } = mlp([2, 16, 16, 1]);
  const model = buildViewModel(tape, target);
  const group = model.nodes.find((n) => n.kind === "group")!;
  return {
    message: render(model), nodes: model.nodes.length, edges: model.edges.length, total: model.totalNodes,
    groupViewId: group.id, groupId: group.groupId,
  };
}

export function xorLossCase() {
  const { tape, target } = xor();
  const model = buildViewModel(tape, target);
  return { message: render(model), nodes: model.nodes.length, edges: model.edges.length };
}

/** A model at the node limit whose names are all escaped characters: its Mermaid text passes the text limit. */
export function hugeTextCase(nodes: number) {
  const t = new Tape();
  const name = "‱".repeat(48);
  const xs = Array.from({ length: nodes }, (_, k) => t.param(k, name));
  const y = t.sum(xs);
  t.backward(y);
  const m = buildViewModel(t, y, { maxVisibleNodes: 10 });
  const many = xs.map((i) => ({ ...m.nodes[0], id: `n${i}`, tapeId: i, title: name }));
  return render({ ...m, nodes: many, edges: [] });
}

/** More nodes than the view ever draws (a malformed message): refused before Mermaid sees it. */
export function tooManyNodesCase(nodes: number) {
  const t = new Tape();
  const xs = Array.from({ length: nodes }, (_, k) => t.param(k, `p${k}`));
  const y = t.sum(xs);
  t.backward(y);
  const m = buildViewModel(t, y, { maxVisibleNodes: 10 });
  return render({ ...m, nodes: xs.map((i) => ({ ...m.nodes[0], id: `n${i}`, tapeId: i })), edges: [] });
}

/** Seed 000's matrix MLP at tensor granularity: the W1 node to click, and what its matrix panel must show. */
export function tensorCase() {
  const { tape, target, ids } = seed000();
  const model = buildViewModel(tape, target);
  const w1 = model.nodes.find((n) => n.tapeId === ids.W1)!;
  return {
    message: render(model), nodes: model.nodes.length, edges: model.edges.length,
    w1: { viewId: w1.id, values: Array.from(tape.tensorValue(ids.W1)), grads: Array.from(tape.tensorGradient(ids.W1)) },
    /** Edge labels as drawn: the source's shape. */
    edgeLabels: model.edges.map((e) => edgeShapeLabel(e.shape ?? [])),
  };
}
