// Runs anywhere: from source positions to graph nodes and from names to nodes, for hovers and "reveal in graph".
import type { Tape } from "../engine";
import type { Scope } from "./interp";
import { Num, Obj, type Value } from "./values";

/** The node with the smallest source range containing offset (the latest one on ties), or -1. */
export function nodeAt(tape: Tape, offset: number): number {
  let best = -1, bestLen = Infinity;
  for (let i = 0; i < tape.n; i++) {
    const s = tape.srcStart[i], e = tape.srcEnd[i];
    if (s < 0 || offset < s || offset > e) continue;
    if (e - s <= bestLen) {
      best = i;
      bestLen = e - s;
    }
  }
  return best;
}

/** Top-level names bound to graph values: `loss`, `w1[0]`, `layer.b` (name → node on `tape`). */
export function bindings(scope: Scope, tape: Tape): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (name: string, v: Value, depth: number): void => {
    if (v instanceof Num) {
      if (v.tape === tape) out[name] = v.node;
    } else if (Array.isArray(v) && depth < 2) {
      v.forEach((x, i) => add(`${name}[${i}]`, x, depth + 1));
    } else if (v instanceof Obj && depth < 2) {
      for (const [k, x] of v.props) add(`${name}.${k}`, x, depth + 1);
    }
  };
  for (const [name, b] of scope.vars) add(name, b.value, 0);
  return out;
}
