// Runs anywhere (extension host, CLI, tests): the visible units and edges for a folding, never more than the budget:
// leaves that feed the same nodes bundle, then the units farthest from the target hide, then the edges farthest
// from it are left out. Linear in the tape's members and edges (bundling sorts each leaf's consumers).
import type { SourceRange, Tape } from "../engine/tape";
import type { ViewEdge } from "../view/graph";
import { groupUnits } from "./groups";
import { PairTable } from "./pairs";
import { prepare, raw, type FoldInput, type RawEdge } from "./partition";
import { leafKind } from "./tensor";

export type Unit =
  | { kind: "node"; tapeId: number }
  | { kind: "group"; groupId: number; tapeId: number; size: number; outputs: number; nonFinite: boolean; flags: number;
      range?: SourceRange; isTarget: boolean }
  | { kind: "bundle"; index: number; title: string; size: number }
  | { kind: "hidden"; size: number };

export interface Layout {
  units: Unit[];
  edges: ViewEdge[];
  totalEdges: number;
  hiddenNodes: number;
  droppedEdges: number;
  /** Members per group, subgroups included (0 for groups the target does not depend on). */
  groupSize: Int32Array;
  /** Groups that contain the target. */
  targetChain: Set<number>;
}

// Unit keys: tape id (>= 0), folded group -(g + 1), bundle BUNDLE - k, hidden HIDDEN.
const BUNDLE = -1e9, HIDDEN = -2e9;

/** Unit keys as small non-negative integers for a PairTable. */
function unitCodes(n: number, groups: number, bundles: number): (u: number) => number {
  return (u) => (u >= 0 ? u : u > BUNDLE ? n - u - 1 : u > HIDDEN ? n + groups + BUNDLE - u : n + groups + bundles);
}

/** Position of each unit in order; tape ids, groups and bundles in typed arrays (no Map over 100,000 units). */
function positions(order: readonly number[], n: number, groups: number, bundles: number): (u: number) => number {
  const node = new Int32Array(n).fill(-1), group = new Int32Array(groups).fill(-1), bundle = new Int32Array(bundles).fill(-1);
  order.forEach((u, i) => {
    if (u >= 0) node[u] = i;
    else if (u > BUNDLE) group[-u - 1] = i;
    else if (u > HIDDEN) bundle[BUNDLE - u] = i;
  });
  return (u) => (u >= 0 ? node[u] : u > BUNDLE ? group[-u - 1] : u > HIDDEN ? bundle[BUNDLE - u] : -1);
}

/**
 * Leaves (the target aside) grouped by what they feed: kind and the units they feed, ascending; each list in the
 * order of the leaves' first edges. Kind, not op code: tensor params, inputs and constants share one op (Tensor)
 * but must not bundle together.
 */
function leavesByConsumers(tape: Tape, edges: readonly RawEdge[], target: number): Map<string, number[]> {
  const isLeaf = (u: number) => u >= 0 && u !== target && tape.start[u] === tape.start[u + 1];
  const slot = new Int32Array(tape.n), leaves: number[] = [];
  for (const e of edges) if (isLeaf(e.from) && !slot[e.from]) slot[e.from] = leaves.push(e.from);
  const start = new Int32Array(leaves.length + 1);
  for (const e of edges) if (isLeaf(e.from)) start[slot[e.from]]++;
  for (let i = 0; i < leaves.length; i++) start[i + 1] += start[i];
  const fed = new Int32Array(start[leaves.length]), fill = start.slice(0, leaves.length);
  for (const e of edges) if (isLeaf(e.from)) fed[fill[slot[e.from] - 1]++] = e.to;
  const byKey = new Map<string, number[]>();
  leaves.forEach((leaf, i) => {
    const units = fed.subarray(start[i], start[i + 1]).sort();
    let key = leafKind(tape, leaf);
    for (let k = 0; k < units.length; k++) if (k === 0 || units[k] !== units[k - 1]) key += (k ? "," : "|") + units[k];
    const list = byKey.get(key);
    if (list) list.push(leaf);
    else byKey.set(key, [leaf]);
  });
  return byKey;
}

export function layout(input: FoldInput, folded: ReadonlySet<number>): Layout {
  const prep = prepare(input);
  const { tape, target, budget, maxEdges } = input;
  const r = raw(input, folded);
  const totalEdges = r.edges.length;
  let order = r.order;
  let edges = r.edges;
  const bundleOf = new Map<number, number>();
  const bundles: { title: string; size: number }[] = [];
  const remap = (key: (u: number) => number) => {
    // Index + 1 in out of the merged edge between two units.
    const m = new PairTable(1024), code = unitCodes(tape.n, tape.groups.length, bundles.length);
    const out: RawEdge[] = [];
    for (const e of edges) {
      const from = key(e.from), to = key(e.to);
      if (from === to) continue;
      if (from === e.from && to === e.to && from >= 0 && to >= 0) {
        out.push(e);
        continue;
      }
      const slot = m.slot(code(from), code(to)), at = m.values[slot] - 1;
      if (at < 0) {
        m.values[slot] = out.length + 1;
        out.push({ ...e, from, to });
      } else out[at] = { from, to, local: NaN, count: out[at].count + e.count, tapeEdge: -1 };
    }
    edges = out;
  };

  if (order.length > budget) {
    // Leaves that feed exactly the same visible nodes (a layer's weights) become one bundle, largest first.
    const byKey = leavesByConsumers(tape, edges, target);
    const candidates = [...byKey.values()].filter((l) => l.length > 1).sort((a, b) => b.length - a.length || a[0] - b[0]);
    let count = order.length;
    for (const list of candidates) {
      if (count <= budget) break;
      const k = bundles.length;
      const k0 = leafKind(tape, list[0]);
      const kind = k0 === "param" ? "params" : k0 === "input" ? "inputs" : "constants";
      bundles.push({ title: kind, size: list.length });
      for (const leaf of list) bundleOf.set(leaf, k);
      count -= list.length - 1;
    }
    if (bundles.length) {
      const key = (u: number) => (bundleOf.has(u) ? BUNDLE - bundleOf.get(u)! : u);
      const seen = new Set<number>();
      order = order.map(key).filter((u) => (seen.has(u) ? false : (seen.add(u), true)));
      remap(key);
    }
  }

  let hiddenNodes = 0;
  const sizeOf = (u: number) =>
    u >= 0 ? 1 : u > BUNDLE ? prep.groupSize[-u - 1] : u > HIDDEN ? bundles[BUNDLE - u].size : 0;
  if (order.length > budget) {
    // Still too many: keep the units nearest the target (breadth-first against the edges), hide the rest.
    const at = positions(order, tape.n, tape.groups.length, bundles.length);
    const U = order.length;
    // Each unit's inputs, as CSR over positions in order (in edge order, as the search meets them).
    const inStart = new Int32Array(U + 1);
    for (const e of edges) inStart[at(e.to) + 1]++;
    for (let i = 0; i < U; i++) inStart[i + 1] += inStart[i];
    const inList = new Int32Array(inStart[U]), fill = inStart.slice(0, U);
    for (const e of edges) inList[fill[at(e.to)]++] = at(e.from);
    const root = at(r.rep[target]);
    const keep = new Uint8Array(U);
    keep[root] = 1;
    let kept = 1;
    const queue = [root];
    for (let q = 0; q < queue.length && kept < budget - 1; q++) {
      for (let k = inStart[queue[q]]; k < inStart[queue[q] + 1]; k++) {
        const u = inList[k];
        if (keep[u]) continue;
        keep[u] = 1;
        kept++;
        queue.push(u);
        if (kept >= budget - 1) break;
      }
    }
    for (let i = 0; i < U; i++) if (!keep[i]) hiddenNodes += sizeOf(order[i]);
    order = [...order.filter((_, i) => keep[i]), HIDDEN];
    remap((u) => (keep[at(u)] ? u : HIDDEN));
    edges = edges.filter((e) => e.to !== HIDDEN);
  }

  let droppedEdges = 0;
  if (edges.length > maxEdges) {
    droppedEdges = edges.length - maxEdges;
    // Keep the edges into the units drawn last (nearest the target on a topological tape).
    const rank = positions(order, tape.n, tape.groups.length, bundles.length);
    edges = [...edges].sort((a, b) => rank(b.to) - rank(a.to)).slice(0, maxEdges);
  }

  const groups = groupUnits(input, r.rep, prep);
  const idOf = (u: number) => (u >= 0 ? `n${u}` : u > BUNDLE ? `g${-u - 1}` : u > HIDDEN ? `b${BUNDLE - u}` : "h0");
  const units: Unit[] = order.map((u) => {
    if (u >= 0) return { kind: "node", tapeId: u };
    if (u === HIDDEN) return { kind: "hidden", size: hiddenNodes };
    if (u <= BUNDLE) return { kind: "bundle", index: BUNDLE - u, ...bundles[BUNDLE - u] };
    return groups.get(u)!;
  });
  return {
    units,
    edges: edges.map((e) => ({ from: idOf(e.from), to: idOf(e.to), local: e.local, count: e.count, tapeEdge: e.tapeEdge })),
    totalEdges, hiddenNodes, droppedEdges, groupSize: prep.groupSize, targetChain: prep.targetChain,
  };
}
