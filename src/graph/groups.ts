// Runs anywhere (extension host, CLI, tests): what a folded group shows as one node, computed for every folded
// group in one pass over the tape (a per-group scan would be quadratic on big models).
import type { FoldInput, Prep, Unit } from "./fold";
import { valueFinite } from "./tensor";

interface GroupStats {
  last: number;
  nonFinite: boolean;
  flags: number;
  s: number;
  e: number;
  outs: Set<number>;
}

/**
 * Folded groups as units, in one pass over the members: size, output (the target if inside, else the last member
 * read from outside: a call's return value; a layer has several), NaN mark, flags and source span.
 */
export function groupUnits(inp: FoldInput, rep: Int32Array, p: Prep): Map<number, Unit> {
  const { tape, members, target } = inp;
  const stats = new Map<number, GroupStats>();
  for (const i of members) {
    const key = rep[i];
    if (key < 0) {
      let st = stats.get(key);
      if (!st) stats.set(key, (st = { last: i, nonFinite: false, flags: 0, s: Infinity, e: -Infinity, outs: new Set() }));
      st.last = i;
      if (!valueFinite(tape, i)) st.nonFinite = true;
      st.flags |= tape.flags[i];
      if (tape.srcStart[i] >= 0) {
        st.s = Math.min(st.s, tape.srcStart[i]);
        st.e = Math.max(st.e, tape.srcEnd[i]);
      }
    }
    for (let k = tape.start[i], end = tape.start[i + 1]; k < end; k++) {
      const u = tape.in[k], ru = rep[u];
      if (ru < 0 && ru !== key) stats.get(ru)?.outs.add(u);
    }
  }
  const units = new Map<number, Unit>();
  for (const [key, st] of stats) {
    const g = -key - 1;
    const hasTarget = rep[target] === key;
    let out = hasTarget ? target : -1;
    if (out < 0) for (const o of st.outs) out = Math.max(out, o);
    if (hasTarget) st.outs.add(target);
    units.set(key, {
      kind: "group", groupId: g, tapeId: out >= 0 ? out : st.last, size: p.groupSize[g], outputs: Math.max(1, st.outs.size),
      nonFinite: st.nonFinite, flags: st.flags, range: st.s <= st.e ? { start: st.s, end: st.e } : undefined,
      isTarget: hasTarget,
    });
  }
  return units;
}
