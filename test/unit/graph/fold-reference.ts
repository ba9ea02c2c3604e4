// Runs on Node (tests): automatic folding as it is defined, written plainly and slowly (every candidate folding
// measured from scratch, parents walked per node), to check that src/graph/fold.ts's linear pass chooses the same.
import type { Tape } from "../../../src/engine/tape";

interface Case {
  tape: Tape;
  members: readonly number[];
  targetGroup: number;
  budget: number;
  maxEdges: number;
}

/** Visible units and edges for a set of folded groups: each node drawn as itself or its outermost folded group. */
function size(c: Case, folded: ReadonlySet<number>): { units: number; edges: number } {
  const { tape, members } = c;
  const rep = new Map<number, string>();
  for (const i of members) {
    let r = `n${i}`;
    for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (folded.has(g)) r = `g${g}`;
    rep.set(i, r);
  }
  let plain = 0;
  const merged = new Set<string>();
  for (const v of members) {
    for (const u of tape.inputsOf(v)) {
      const ru = rep.get(u)!, rv = rep.get(v)!;
      if (ru === rv) continue;
      if (ru[0] === "n" && rv[0] === "n") plain++;
      else merged.add(`${ru}>${rv}`);
    }
  }
  return { units: new Set(rep.values()).size, edges: plain + merged.size };
}

export function referenceFolding(c: Case): Set<number> {
  const { tape, budget, maxEdges } = c;
  const fits = (f: ReadonlySet<number>) => {
    const s = size(c, f);
    return s.units <= budget && s.edges <= maxEdges;
  };
  if (fits(new Set())) return new Set();
  const chain = new Set<number>();
  for (let g = c.targetGroup; g >= 0; g = tape.groups[g].parent) chain.add(g);
  const groupSize = (g: number) => c.members.filter((i) => {
    for (let h = tape.group[i]; h >= 0; h = tape.groups[h].parent) if (h === g) return true;
    return false;
  }).length;
  const sizes = tape.groups.map((_, g) => groupSize(g));
  const children = (g: number) => tape.groups.flatMap((h, k) => (h.parent === g && sizes[k] ? [k] : []));
  // Outermost groups without the target fold first.
  const folded = new Set<number>();
  tape.groups.forEach((gr, g) => {
    if (sizes[g] && !chain.has(g) && (gr.parent < 0 || chain.has(gr.parent))) folded.add(g);
  });
  // Then a whole level opens at a time while that fits; at the first level that does not, each group of it opens
  // where it fits, latest first, and that is all.
  let level = [...folded].sort((a, b) => a - b);
  while (level.length) {
    const next = new Set(folded);
    const kids = level.flatMap((g) => (next.delete(g), children(g).map((k) => (next.add(k), k))));
    if (fits(next)) {
      folded.clear();
      next.forEach((g) => folded.add(g));
      level = kids.sort((a, b) => a - b);
      continue;
    }
    for (const g of [...level].reverse()) {
      const one = new Set(folded);
      one.delete(g);
      children(g).forEach((k) => one.add(k));
      if (fits(one)) {
        folded.delete(g);
        children(g).forEach((k) => folded.add(k));
      }
    }
    break;
  }
  return folded;
}
