// Runs on Node (tests): random tapes with nested groups, from fast-check, for the folding and explain properties.
import fc from "fast-check";
import { Tape, type GroupKind } from "../../../src/engine/tape";

export type Step =
  | { t: "op"; op: "add" | "mul" | "sub" | "tanh" | "sigmoid" | "sum" | "linear"; a: number; b: number; c: number }
  | { t: "begin"; kind: GroupKind }
  | { t: "end" };

export const steps = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({
      t: fc.constant("op" as const),
      op: fc.constantFrom("add", "mul", "sub", "tanh", "sigmoid", "sum", "linear"),
      a: fc.nat(), b: fc.nat(), c: fc.nat(),
    }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("begin" as const), kind: fc.constantFrom<GroupKind>("call", "layer", "neuron", "sample") }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("end" as const) }) },
  ),
  { minLength: 1, maxLength: 120 },
);

/** A tape from steps; values stay small (tanh/sigmoid squash), target is the last node, backward has run. */
export function tapeFrom(leafCount: number, list: Step[]): { tape: Tape; target: number } {
  const t = new Tape();
  for (let i = 0; i < leafCount; i++) {
    if (i % 3 === 0) t.param(0.1 * (i + 1), `p${i}`);
    else if (i % 3 === 1) t.input(0.5 - 0.1 * i, `x${i}`);
    else t.const(0.3);
  }
  let groups = 0;
  for (const s of list) {
    if (s.t === "begin") t.beginGroup(s.kind, `${s.kind} ${groups++}`);
    else if (s.t === "end") t.endGroup();
    else {
      const n = t.n, a = s.a % n, b = s.b % n, c = s.c % n;
      if (s.op === "tanh" || s.op === "sigmoid") t[s.op](a);
      else if (s.op === "sum") t.sum([a, b, c]);
      else if (s.op === "linear") t.linear([a, b], [c, a], b);
      else t[s.op](a, b);
    }
  }
  const target = t.n - 1;
  t.backward(target);
  return { tape: t, target };
}
