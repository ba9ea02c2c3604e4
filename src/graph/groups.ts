// Runs anywhere (extension host, CLI, tests): what a folded group shows as one node, computed for every folded
// group in one pass over the members and their edges, into arrays indexed by group (a per-group scan, or a Map and
// a Set per group, costs far more on a model with thousands of groups).
import type { Unit } from "./layout";
import type { FoldInput, Prep } from "./partition";
import { valueFinite } from "./tensor";

/**
 * Folded groups as units, keyed by representative: size, output (the target if inside, else the last member read
 * from outside: a call's return value; a layer has several), NaN mark, flags and source span.
 */
export function groupUnits(inp: FoldInput, rep: Int32Array, p: Prep): Map<number, Unit> {
  const { tape, members, target } = inp;
  const G = tape.groups.length;
  const last = new Int32Array(G).fill(-1), flags = new Int32Array(G), nonFinite = new Uint8Array(G);
  const from = new Float64Array(G).fill(Infinity), to = new Float64Array(G).fill(-Infinity);
  // Members of a folded group that a unit outside it reads: the group's outputs.
  const read = new Uint8Array(tape.n);
  for (const i of members) {
    const key = rep[i];
    if (key < 0) {
      const g = -key - 1;
      last[g] = i;
      if (!valueFinite(tape, i)) nonFinite[g] = 1;
      flags[g] |= tape.flags[i];
      if (tape.srcStart[i] >= 0) {
        from[g] = Math.min(from[g], tape.srcStart[i]);
        to[g] = Math.max(to[g], tape.srcEnd[i]);
      }
    }
    for (let k = tape.start[i], end = tape.start[i + 1]; k < end; k++) {
      const u = tape.in[k], ru = rep[u];
      if (ru < 0 && ru !== key) read[u] = 1;
    }
  }
  const outputs = new Int32Array(G), lastOutput = new Int32Array(G).fill(-1);
  for (const i of members) {
    if (!read[i]) continue;
    const g = -rep[i] - 1;
    outputs[g]++;
    lastOutput[g] = i;
  }
  const units = new Map<number, Unit>();
  for (let g = 0; g < G; g++) {
    if (last[g] < 0) continue;
    const hasTarget = rep[target] === -(g + 1);
    const out = hasTarget ? target : lastOutput[g];
    units.set(-(g + 1), {
      kind: "group", groupId: g, tapeId: out >= 0 ? out : last[g], size: p.groupSize[g],
      outputs: Math.max(1, outputs[g] + (hasTarget ? 1 : 0)), nonFinite: nonFinite[g] === 1, flags: flags[g],
      range: from[g] <= to[g] ? { start: from[g], end: to[g] } : undefined, isTarget: hasTarget,
    });
  }
  return units;
}
