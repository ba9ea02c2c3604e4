// Runs anywhere (extension host, CLI, tests): the visible unit each tape node falls into for a set of folded groups
// (itself, or the outermost folded group holding it), and the edges between units. Every pass here is linear in the
// tape's nodes, edges and groups, and none recurses: tapes reach millions of nodes and groups nest thousands deep.
// Groups are numbered after their parent (Tape.beginGroup pushes a child after its open parent), so a forward pass
// over group ids meets parents first and a backward pass meets children first.
import type { Tape } from "../engine/tape";
import { PairTable } from "./pairs";

export interface FoldInput {
  readonly tape: Tape;
  readonly target: number;
  /** Tape nodes the target depends on, ascending. */
  readonly members: readonly number[];
  readonly mark: Uint8Array;
  readonly budget: number;
  readonly maxEdges: number;
}

export interface Prep {
  /** Members per group, subgroups included (0 for groups the target does not depend on). */
  groupSize: Int32Array;
  /** Members directly in each group. */
  direct: Int32Array;
  /** Subgroups with members, as CSR: group g's are childList[childStart[g] .. childStart[g + 1]), ascending. */
  childStart: Int32Array;
  childList: Int32Array;
  /** Groups that contain the target. */
  targetChain: Set<number>;
}

const preps = new WeakMap<FoldInput, Prep>();

export function prepare(input: FoldInput): Prep {
  const cached = preps.get(input);
  if (cached) return cached;
  const { tape, members, target } = input;
  const groups = tape.groups, G = groups.length;
  const direct = new Int32Array(G);
  for (const i of members) {
    const g = tape.group[i];
    if (g >= 0) direct[g]++;
  }
  const groupSize = direct.slice();
  for (let g = G - 1; g >= 0; g--) {
    const p = groups[g].parent;
    if (p >= 0) groupSize[p] += groupSize[g];
  }
  const childStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) {
    const p = groups[g].parent;
    if (groupSize[g] && p >= 0) childStart[p + 1]++;
  }
  for (let g = 0; g < G; g++) childStart[g + 1] += childStart[g];
  const childList = new Int32Array(childStart[G]), fill = childStart.slice(0, G);
  for (let g = 0; g < G; g++) {
    const p = groups[g].parent;
    if (groupSize[g] && p >= 0) childList[fill[p]++] = g;
  }
  const targetChain = new Set<number>();
  for (let g = tape.group[target]; g >= 0; g = groups[g].parent) targetChain.add(g);
  const prep = { groupSize, direct, childStart, childList, targetChain };
  preps.set(input, prep);
  return prep;
}

/** Representative per member: the tape id itself, or -(g + 1) for the outermost group g with outer[g] === g. */
export function representativesOf(input: FoldInput, outer: Int32Array): Int32Array {
  const { tape, members } = input;
  const rep = new Int32Array(tape.n);
  for (const i of members) {
    const g = tape.group[i];
    rep[i] = g >= 0 && outer[g] >= 0 ? -(outer[g] + 1) : i;
  }
  return rep;
}

/** For each group, the outermost folded group that holds it (itself included), or -1. */
export function outermostFolded(tape: Tape, folded: ReadonlySet<number>): Int32Array {
  const groups = tape.groups, outer = new Int32Array(groups.length).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    const p = groups[g].parent;
    outer[g] = p >= 0 && outer[p] >= 0 ? outer[p] : folded.has(g) ? g : -1;
  }
  return outer;
}

export function representatives(input: FoldInput, folded: ReadonlySet<number>): Int32Array {
  return representativesOf(input, outermostFolded(input.tape, folded));
}

/** Units as small non-negative integers for a PairTable: a tape id as itself, folded group g as n + g. */
export function unitCode(tape: Tape): (unit: number) => number {
  const n = tape.n;
  return (u) => (u >= 0 ? u : n - u - 1);
}

export interface RawEdge {
  from: number;
  to: number;
  local: number;
  count: number;
  tapeEdge: number;
}

export interface Raw {
  rep: Int32Array;
  /** Representatives in the order they are drawn (by their first member on the tape). */
  order: number[];
  edges: RawEdge[];
}

export function raw(input: FoldInput, folded: ReadonlySet<number>): Raw {
  const { tape, members, mark } = input;
  const rep = representatives(input, folded);
  const G = tape.groups.length;
  const seenNode = new Uint8Array(tape.n), seenGroup = new Uint8Array(G);
  const order: number[] = [];
  const edges: RawEdge[] = [];
  // Index + 1 in edges of the merged edge between two units.
  const merged = new PairTable(1024), code = unitCode(tape);
  for (const v of members) {
    const rv = rep[v];
    if (rv >= 0 ? !seenNode[rv] : !seenGroup[-rv - 1]) {
      if (rv >= 0) seenNode[rv] = 1;
      else seenGroup[-rv - 1] = 1;
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
      const slot = merged.slot(code(ru), code(rv));
      const at = merged.values[slot] - 1;
      if (at < 0) {
        merged.values[slot] = edges.length + 1;
        edges.push({ from: ru, to: rv, local: tape.local[k], count: 1, tapeEdge: k });
      } else {
        const m = edges[at];
        edges[at] = { from: ru, to: rv, local: NaN, count: m.count + 1, tapeEdge: -1 };
      }
    }
  }
  return { rep, order, edges };
}
