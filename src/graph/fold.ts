// Runs anywhere (extension host, CLI, tests): which groups fold automatically. Predictable: outermost groups fold
// first, then groups are expanded a whole depth at a time while the graph still fits the budget; at the first depth
// that does not fit, the groups of the depth above open one by one, nearest the target first, where they fit.
// Linear in the tape (times the log of the group depth): a tape of 100,000 nodes folds in milliseconds.
import { PairTable } from "./pairs";
import { prepare, representativesOf, unitCode, type FoldInput, type Prep } from "./partition";

export type { FoldInput } from "./partition";

/** The edges a partition draws, counted as raw() draws them: plain-to-plain ones each, the rest once per pair. */
class EdgeCount {
  private plain = 0;
  /** Edges per pair of units with a folded group among them, and how many pairs have any. */
  private readonly merged = new PairTable(1024);
  private pairs = 0;

  constructor(private readonly code: (unit: number) => number) {}

  get edges(): number {
    return this.plain + this.pairs;
  }

  /** Counts (sign 1) or uncounts (sign -1) one tape edge between units ru and rv. */
  add(ru: number, rv: number, sign: 1 | -1): void {
    if (ru === rv) return;
    if (ru >= 0 && rv >= 0) {
      this.plain += sign;
      return;
    }
    const slot = this.merged.slot(this.code(ru), this.code(rv));
    const was = this.merged.values[slot];
    this.merged.values[slot] = was + sign;
    if (was === 0) this.pairs++;
    else if (was + sign === 0) this.pairs--;
  }
}

/** Units of a partition: its distinct representatives. */
function unitCount(input: FoldInput, rep: Int32Array): number {
  const { tape, members } = input;
  const seenNode = new Uint8Array(tape.n), seenGroup = new Uint8Array(tape.groups.length);
  let units = 0;
  for (const v of members) {
    const rv = rep[v];
    if (rv >= 0 ? seenNode[rv] : seenGroup[-rv - 1]) continue;
    if (rv >= 0) seenNode[rv] = 1;
    else seenGroup[-rv - 1] = 1;
    units++;
  }
  return units;
}

/** The edges of a partition, counted until there are more than `limit` (Infinity: all of them). */
function edgeCount(input: FoldInput, rep: Int32Array, limit: number): EdgeCount {
  const { tape, members, mark } = input;
  const { start, in: inp } = tape;
  const count = new EdgeCount(unitCode(tape));
  for (const v of members) {
    const rv = rep[v];
    for (let k = start[v], e = start[v + 1]; k < e; k++) if (mark[inp[k]]) count.add(rep[inp[k]], rv, 1);
    if (count.edges > limit) break;
  }
  return count;
}

/** For each group, its ancestor-or-self at depth d below the folding's roots (-1 above that depth or off it). */
function outerAt(input: FoldInput, depth: Int32Array, d: number): Int32Array {
  const groups = input.tape.groups, outer = new Int32Array(groups.length).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    if (depth[g] === d) outer[g] = g;
    else if (depth[g] > d) outer[g] = outer[groups[g].parent];
  }
  return outer;
}

/** Groups folded automatically: none if everything fits, else outermost first, then expanded level by level. */
export function chooseFolding(input: FoldInput): Set<number> {
  const { tape, members, mark, budget, maxEdges } = input;
  let allEdges = 0;
  for (const v of members) for (let k = tape.start[v], e = tape.start[v + 1]; k < e; k++) if (mark[tape.in[k]]) allEdges++;
  if (members.length <= budget && allEdges <= maxEdges) return new Set();
  const prep = prepare(input);
  const groups = tape.groups, G = groups.length;
  // Depth below the folding's roots: the groups without the target whose parent holds the target, or is none.
  const depth = new Int32Array(G).fill(-1);
  let deepest = -1;
  for (let g = 0; g < G; g++) {
    if (!prep.groupSize[g] || prep.targetChain.has(g)) continue;
    const p = groups[g].parent;
    depth[g] = p < 0 || prep.targetChain.has(p) ? 0 : depth[p] + 1;
    deepest = Math.max(deepest, depth[g]);
  }
  if (deepest < 0) return new Set();
  const fitsAt = (d: number): boolean => {
    const rep = representativesOf(input, outerAt(input, depth, d));
    return unitCount(input, rep) <= budget && edgeCount(input, rep, maxEdges).edges <= maxEdges;
  };
  // The first depth whose groups do not fit folded (depth deepest + 1, everything open, does not): opening groups
  // never removes a unit or an edge, so the depths that fit come first and a binary search finds the boundary.
  let lo = 1, hi = deepest + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fitsAt(mid)) lo = mid + 1;
    else hi = mid;
  }
  return openWhatFits(input, prep, depth, lo - 1);
}

/**
 * The groups at depth d folded, then each opened (latest group first: nearest the target on a topological tape)
 * when the graph still fits with it open, so the view never mixes more than two depths. Each try touches only the
 * group's own members and their edges, so the pass is linear.
 */
function openWhatFits(input: FoldInput, prep: Prep, depth: Int32Array, d: number): Set<number> {
  const { tape, members, mark, budget, maxEdges } = input;
  const { start, in: inp } = tape;
  const rep = representativesOf(input, outerAt(input, depth, d));
  const below = outerAt(input, depth, d + 1);
  const count = edgeCount(input, rep, Infinity);
  let visible = unitCount(input, rep);
  const level: number[] = [];
  for (let g = 0; g < depth.length; g++) if (depth[g] === d) level.push(g);
  // Each level group's members (CSR over group ids), and their consumers (the tape's edges reversed).
  const n = tape.n, G = depth.length;
  const memberStart = new Int32Array(G + 1), outStart = new Int32Array(n + 1);
  for (const v of members) {
    if (rep[v] < 0) memberStart[-rep[v]]++;
    for (let k = start[v]; k < start[v + 1]; k++) if (mark[inp[k]] && rep[inp[k]] < 0) outStart[inp[k] + 1]++;
  }
  for (let g = 0; g < G; g++) memberStart[g + 1] += memberStart[g];
  for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
  const memberList = new Int32Array(memberStart[G]), outList = new Int32Array(outStart[n]);
  const mFill = memberStart.slice(0, G), oFill = outStart.slice(0, n);
  for (const v of members) {
    if (rep[v] < 0) memberList[mFill[-rep[v] - 1]++] = v;
    for (let k = start[v]; k < start[v + 1]; k++) if (mark[inp[k]] && rep[inp[k]] < 0) outList[oFill[inp[k]]++] = v;
  }
  const inGroup = new Uint8Array(n);
  /** (Un)counts every edge with an end among the members of g: its inputs, and consumers outside g. */
  const touch = (g: number, sign: 1 | -1) => {
    for (let m = memberStart[g]; m < memberStart[g + 1]; m++) {
      const v = memberList[m];
      for (let k = start[v]; k < start[v + 1]; k++) if (mark[inp[k]]) count.add(rep[inp[k]], rep[v], sign);
      for (let k = outStart[v]; k < outStart[v + 1]; k++) if (!inGroup[outList[k]]) count.add(rep[v], rep[outList[k]], sign);
    }
  };
  const setRep = (g: number, open: boolean) => {
    for (let m = memberStart[g]; m < memberStart[g + 1]; m++) {
      const v = memberList[m], own = tape.group[v];
      rep[v] = !open ? -(g + 1) : own === g ? v : -(below[own] + 1);
    }
  };
  const folded = new Set(level);
  for (let x = level.length - 1; x >= 0; x--) {
    const g = level[x];
    const opened = visible - 1 + prep.direct[g] + prep.childStart[g + 1] - prep.childStart[g];
    // Too many units open: no need to count its edges.
    if (opened > budget) continue;
    for (let m = memberStart[g]; m < memberStart[g + 1]; m++) inGroup[memberList[m]] = 1;
    touch(g, -1);
    setRep(g, true);
    touch(g, 1);
    if (count.edges <= maxEdges) {
      visible = opened;
      folded.delete(g);
      for (let c = prep.childStart[g]; c < prep.childStart[g + 1]; c++) folded.add(prep.childList[c]);
    } else {
      touch(g, -1);
      setRep(g, false);
      touch(g, 1);
    }
    for (let m = memberStart[g]; m < memberStart[g + 1]; m++) inGroup[memberList[m]] = 0;
  }
  return folded;
}
