// Runs anywhere (extension host, CLI, tests): "explain this gradient". Every path from the target down to a node,
// with the product of local derivatives along it; the products sum to the node's gradient (the chain rule).
import type { Tape } from "../engine/tape";
import type { Explanation, GradientPath, ViewModel } from "../view/graph";
import { ancestors } from "./model";
import { outermostFolded } from "./partition";

export const DEFAULT_MAX_PATHS = 64;

/** Paths from target to node, at most maxPaths of them (the count of all paths is exact up to 2^53). */
export function explainGradient(tape: Tape, target: number, node: number, maxPaths = DEFAULT_MAX_PATHS): Explanation {
  const up = ancestors(tape, target);
  if (!(node >= 0 && node <= target) || !up[node]) {
    return { target, node, paths: [], sum: 0, grad: tape.grad[node] ?? 0, pathCount: 0, truncated: false, throughTensors: false };
  }
  const { start, in: inp, local } = tape;
  // count[i]: paths from i down to node, for ancestors of target between node and target.
  const count = new Float64Array(target + 1);
  count[node] = 1;
  for (let i = node + 1; i <= target; i++) {
    if (!up[i]) continue;
    let c = 0;
    for (let k = start[i], e = start[i + 1]; k < e; k++) if (inp[k] >= node) c += count[inp[k]];
    count[i] = c;
  }
  const paths: GradientPath[] = [];
  // Depth-first with an explicit stack of edge cursors (no recursion: paths can be thousands of steps long).
  const nodes = [target], edges: number[] = [], cursor = [start[target]];
  while (nodes.length && paths.length < maxPaths) {
    const top = nodes[nodes.length - 1];
    if (top === node) {
      const locals = edges.map((k) => local[k]);
      paths.push({ nodes: [...nodes], edges: [...edges], locals, product: locals.reduce((a, b) => a * b, 1) });
      nodes.pop();
      cursor.pop();
      edges.pop();
      continue;
    }
    const k = cursor[cursor.length - 1]++;
    if (k >= start[top + 1]) {
      nodes.pop();
      cursor.pop();
      edges.pop();
      continue;
    }
    const j = inp[k];
    if (j < node || count[j] === 0) continue;
    nodes.push(j);
    edges.push(k);
    cursor.push(start[j]);
  }
  const sum = paths.reduce((a, p) => a + p.product, 0);
  const throughTensors = paths.some((p) => p.nodes.some((i) => tape.isTensor(i)));
  return {
    target, node, paths, sum, grad: tape.grad[node], pathCount: count[target], truncated: paths.length < count[target],
    throughTensors,
  };
}

/** The visible nodes and edges (indices into model.edges) that the explained paths run through. */
export function explanationHighlight(model: ViewModel, ex: Explanation, tape: Tape): { nodes: Set<string>; edges: Set<number> } {
  // Map every tape node to the visible node that shows it: itself, or the folded group that holds it.
  const shown = new Map<number, string>();
  const groupIds = new Map<number, string>();
  for (const n of model.nodes) {
    if (n.kind === "group") groupIds.set(n.groupId, n.id);
    else if (n.tapeId >= 0) shown.set(n.tapeId, n.id);
  }
  // The outermost drawn group holding each group (paths cross the same groups many times).
  const outer = outermostFolded(tape, new Set(groupIds.keys()));
  const visible = (i: number): string | undefined => {
    const g = tape.group[i];
    return shown.get(i) ?? (g >= 0 && outer[g] >= 0 ? groupIds.get(outer[g]) : undefined);
  };
  const byTapeEdge = new Map<number, number>(), byPair = new Map<string, number>();
  model.edges.forEach((e, i) => {
    if (e.tapeEdge >= 0) byTapeEdge.set(e.tapeEdge, i);
    byPair.set(`${e.from}>${e.to}`, i);
  });
  const nodes = new Set<string>(), edges = new Set<number>();
  for (const p of ex.paths) {
    p.nodes.forEach((i) => {
      const v = visible(i);
      if (v) nodes.add(v);
    });
    p.edges.forEach((k, s) => {
      const direct = byTapeEdge.get(k);
      if (direct !== undefined) return void edges.add(direct);
      const a = visible(p.nodes[s + 1]), b = visible(p.nodes[s]);
      const e = a && b ? byPair.get(`${a}>${b}`) : undefined;
      if (e !== undefined) edges.add(e);
    });
  }
  return { nodes, edges };
}
