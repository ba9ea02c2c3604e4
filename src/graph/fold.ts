// Runs anywhere (extension host, CLI, tests): folding. Which groups show as one node, and the visible units and
// edges that result, never more than the budget. Automatic folding is predictable: outermost groups fold first,
// then groups are expanded a whole depth at a time while the graph still fits.
import type { SourceRange, Tape } from "../engine/tape";
import { groupUnits } from "./groups";
import type { ViewEdge } from "../view/graph";
import { leafKind } from "./tensor";

export interface FoldInput {
  readonly tape: Tape;
  readonly target: number;
  /** Tape nodes the target depends on, ascending. */
  readonly members: readonly number[];
  readonly mark: Uint8Array;
  readonly budget: number;
  readonly maxEdges: number;
}

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

export interface Prep {
  groupSize: Int32Array;
  direct: Int32Array;
  children: number[][];
  depth: Int32Array;
  targetChain: Set<number>;
}

const preps = new WeakMap<FoldInput, Prep>();

function prepare(input: FoldInput): Prep {
  const cached = preps.get(input);
  if (cached) return cached;
  const { tape, members, target } = input;
  const G = tape.groups.length;
  const groupSize = new Int32Array(G), direct = new Int32Array(G), depth = new Int32Array(G);
  for (let g = 0; g < G; g++) {
    const p = tape.groups[g].parent;
    depth[g] = p >= 0 && p < g ? depth[p] + 1 : 0;
  }
  for (const i of members) {
    const g0 = tape.group[i];
    if (g0 >= 0) direct[g0]++;
    for (let g = g0; g >= 0; g = tape.groups[g].parent) groupSize[g]++;
  }
  const children: number[][] = Array.from({ length: G }, () => []);
  for (let g = 0; g < G; g++) {
    const p = tape.groups[g].parent;
    if (groupSize[g] && p >= 0) children[p].push(g);
  }
  const targetChain = new Set<number>();
  for (let g = tape.group[target]; g >= 0; g = tape.groups[g].parent) targetChain.add(g);
  const prep = { groupSize, direct, children, depth, targetChain };
  preps.set(input, prep);
  return prep;
}

/** Representative per member: the tape id itself, or -(g + 1) for the outermost folded group g containing it. */
function representatives(input: FoldInput, folded: ReadonlySet<number>): Int32Array {
  const { tape, members } = input;
  const rep = new Int32Array(tape.n);
  for (const i of members) {
    let r = i;
    for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (folded.has(g)) r = -(g + 1);
    rep[i] = r;
  }
  return rep;
}

interface Raw {
  rep: Int32Array;
  /** Representatives in the order they are drawn (by their first member on the tape). */
  order: number[];
  edges: { from: number; to: number; local: number; count: number; tapeEdge: number }[];
}

function raw(input: FoldInput, folded: ReadonlySet<number>): Raw {
  const { tape, members, mark } = input;
  const rep = representatives(input, folded);
  const seen = new Set<number>(), order: number[] = [];
  const edges: Raw["edges"] = [];
  const merged = new Map<string, number>();
  for (const v of members) {
    const rv = rep[v];
    if (!seen.has(rv)) {
      seen.add(rv);
      order.push(rv);
    }
    for (let k = tape.start[v], e = tape.start[v + 1]; k < e; k++) {
      const u = tape.in[k];
      if (!mark[u]) continue;
      const ru = rep[u];
      if (ru === rv) continue;
      // Plain node to plain node keeps every edge (x * x draws two); anything touching a folded group merges.
      if (ru >= 0 && rv >= 0) {
        edges.push({ from: ru, to: rv, local: tape.local[k], count: 1, tapeEdge: k });
        continue;
      }
      const key = `${ru},${rv}`;
      const at = merged.get(key);
      if (at === undefined) {
        merged.set(key, edges.length);
        edges.push({ from: ru, to: rv, local: tape.local[k], count: 1, tapeEdge: k });
      } else {
        const m = edges[at];
        edges[at] = { from: ru, to: rv, local: NaN, count: m.count + 1, tapeEdge: -1 };
      }
    }
  }
  return { rep, order, edges };
}

/** Groups folded automatically: none if everything fits, else outermost first, then expanded level by level. */
export function chooseFolding(input: FoldInput): Set<number> {
  const prep = prepare(input);
  const all = raw(input, new Set());
  if (all.order.length <= input.budget && all.edges.length <= input.maxEdges) return new Set();
  const { tape } = input;
  const folded = new Set<number>();
  for (let g = 0; g < tape.groups.length; g++) {
    if (!prep.groupSize[g] || prep.targetChain.has(g)) continue;
    const p = tape.groups[g].parent;
    if (p < 0 || prep.targetChain.has(p)) folded.add(g);
  }
  // Level by level: expand every folded group of the next depth at once while that fits; at the first level that
  // does not fit, expand what fits nearest the target first (latest group first) and stop, so the view never mixes
  // more than two depths.
  const fits = (f: ReadonlySet<number>) => {
    const r = raw(input, f);
    return r.order.length <= input.budget && r.edges.length <= input.maxEdges;
  };
  let level = [...folded].sort((a, b) => a - b);
  while (level.length) {
    const next = new Set(folded);
    const kids: number[] = [];
    for (const g of level) {
      next.delete(g);
      for (const c of prep.children[g]) {
        next.add(c);
        kids.push(c);
      }
    }
    if (fits(next)) {
      folded.clear();
      for (const g of next) folded.add(g);
      level = kids.sort((a, b) => a - b);
      continue;
    }
    for (const g of [...level].reverse()) {
      const one = new Set(folded);
      one.delete(g);
      for (const c of prep.children[g]) one.add(c);
      if (!fits(one)) continue;
      folded.delete(g);
      for (const c of prep.children[g]) folded.add(c);
    }
    break;
  }
  return folded;
}

/** Visible units and edges for a folding, bundled and then cut to the budget if it still does not fit. */
export function layout(input: FoldInput, folded: ReadonlySet<number>): Layout {
  const prep = prepare(input);
  const { tape, target, budget, maxEdges } = input;
  const r = raw(input, folded);
  const totalEdges = r.edges.length;
  let order = r.order;
  let edges = r.edges;
  // Unit keys: tape id (>= 0), folded group -(g + 1), bundle BUNDLE - k, hidden HIDDEN.
  const BUNDLE = -1e9, HIDDEN = -2e9;
  const bundleOf = new Map<number, number>();
  const bundles: { title: string; size: number }[] = [];
  const remap = (key: (u: number) => number) => {
    const m = new Map<string, number>();
    const out: Raw["edges"] = [];
    for (const e of edges) {
      const from = key(e.from), to = key(e.to);
      if (from === to) continue;
      if (from === e.from && to === e.to && from >= 0 && to >= 0) {
        out.push(e);
        continue;
      }
      const k = `${from},${to}`, at = m.get(k);
      if (at === undefined) {
        m.set(k, out.length);
        out.push({ ...e, from, to });
      } else out[at] = { from, to, local: NaN, count: out[at].count + e.count, tapeEdge: -1 };
    }
    edges = out;
  };

  if (order.length > budget) {
    // Leaves that feed exactly the same visible nodes (a layer's weights) become one bundle, largest first.
    const consumers = new Map<number, Set<number>>();
    for (const e of edges) if (e.from >= 0 && e.from !== target && tape.start[e.from] === tape.start[e.from + 1]) {
      let s = consumers.get(e.from);
      if (!s) consumers.set(e.from, (s = new Set()));
      s.add(e.to);
    }
    const byKey = new Map<string, number[]>();
    for (const [leaf, s] of consumers) {
      // By kind, not op code: tensor params, inputs and constants share one op (Tensor) but must not bundle together.
      const key = `${leafKind(tape, leaf)}|${[...s].sort((a, b) => a - b).join(",")}`;
      const list = byKey.get(key);
      if (list) list.push(leaf);
      else byKey.set(key, [leaf]);
    }
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
    const inputsOf = new Map<number, number[]>();
    for (const e of edges) {
      const l = inputsOf.get(e.to);
      if (l) l.push(e.from);
      else inputsOf.set(e.to, [e.from]);
    }
    const root = r.rep[target];
    const keep = new Set<number>([root]);
    const queue = [root];
    for (let q = 0; q < queue.length && keep.size < budget - 1; q++) {
      for (const u of inputsOf.get(queue[q]) ?? []) {
        if (keep.has(u)) continue;
        keep.add(u);
        queue.push(u);
        if (keep.size >= budget - 1) break;
      }
    }
    for (const u of order) if (!keep.has(u)) hiddenNodes += sizeOf(u);
    order = [...order.filter((u) => keep.has(u)), HIDDEN];
    remap((u) => (keep.has(u) ? u : HIDDEN));
    edges = edges.filter((e) => e.to !== HIDDEN);
  }

  let droppedEdges = 0;
  if (edges.length > maxEdges) {
    droppedEdges = edges.length - maxEdges;
    // Keep the edges into the units drawn last (nearest the target on a topological tape).
    const rank = new Map(order.map((u, i) => [u, i]));
    edges = [...edges].sort((a, b) => rank.get(b.to)! - rank.get(a.to)!).slice(0, maxEdges);
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
