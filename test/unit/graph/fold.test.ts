// Runs on Node (vitest): folding. The budget is never exceeded, every tape node is accounted for, outermost groups
// fold first, the choice is deterministic, and folding is undone by group id.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { buildViewModel, DEFAULT_MAX_EDGES } from "../../../src/graph/model";
import type { ViewModel } from "../../../src/view/graph";
import { mlp, xor } from "./tapes";
import { steps, tapeFrom } from "./random";

/** Each tape ancestor is drawn exactly once: as itself, inside a folded group or bundle, or counted as hidden. */
function accounted(m: ViewModel): number {
  return m.nodes.filter((n) => n.kind !== "hidden").reduce((a, n) => a + n.size, 0) + m.hiddenNodes;
}

function wellFormed(m: ViewModel, budget: number, maxEdges: number): void {
  expect(m.nodes.length).toBeLessThanOrEqual(budget);
  expect(m.edges.length).toBeLessThanOrEqual(maxEdges);
  expect(accounted(m)).toBe(m.totalNodes);
  const ids = new Set(m.nodes.map((n) => n.id));
  expect(ids.size).toBe(m.nodes.length);
  for (const e of m.edges) {
    expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(e.from).not.toBe(e.to);
  }
  expect(m.nodes.filter((n) => n.isTarget).length).toBe(1);
}

describe("folding", () => {
  it("leaves a graph that fits unfolded", () => {
    const { tape, target } = xor();
    const m = buildViewModel(tape, target);
    expect(m.nodes).toHaveLength(m.totalNodes);
    expect(m.groups.some((g) => g.folded)).toBe(false);
  });

  it("folds the outermost groups first when the graph is over budget", () => {
    const { tape, target } = xor();
    const m = buildViewModel(tape, target, { maxVisibleNodes: 40 });
    expect(m.groups.map((g) => g.folded)).toEqual([true, true, true, true]);
    const calls = m.nodes.filter((n) => n.kind === "group");
    expect(calls.map((n) => [n.title, n.size])).toEqual([["forward(0, 0)", 15], ["forward(0, 1)", 15], ["forward(1, 0)", 15], ["forward(1, 1)", 15]]);
    // A folded call shows its return value (the output sigmoid) and that node's gradient.
    const out = calls[0].tapeId;
    expect(tape.op[out]).toBe(17);
    expect(calls[0].value).toBe(tape.val[out]);
    expect(calls[0].grad).toBe(tape.grad[out]);
    // Edges into a folded group merge: the six params feeding a call are six edges, w1[0] -> call is one of them.
    expect(m.edges.filter((e) => e.to === calls[0].id)).toHaveLength(11);
    wellFormed(m, 40, DEFAULT_MAX_EDGES);
  });

  it("expands whole levels while they fit, and is deterministic", () => {
    const { tape, target } = mlp([2, 16, 16, 1]);
    const a = buildViewModel(tape, target);
    const b = buildViewModel(tape, target);
    expect(a).toEqual(b);
    wellFormed(a, 120, DEFAULT_MAX_EDGES);
    const folded = a.groups.filter((g) => g.folded);
    // Model and samples (depth 0) are open; their layers (depth 1) opened as far as the budget allows.
    expect(a.groups.filter((g) => g.parent === -1).every((g) => !g.folded)).toBe(true);
    expect(folded.length).toBeGreaterThan(0);
    expect(a.totalNodes).toBe(622);
  });

  it("undoes folding by group id: expand one group, or everything", () => {
    const { tape, target } = xor();
    const m = buildViewModel(tape, target, { folded: [0, 1, 2, 3] });
    expect(m.nodes.filter((n) => n.kind === "group")).toHaveLength(4);
    const expanded = buildViewModel(tape, target, { folded: [1, 2, 3] });
    expect(expanded.nodes.filter((n) => n.kind === "group").map((n) => n.groupId)).toEqual([1, 2, 3]);
    expect(expanded.nodes.length).toBe(m.nodes.length - 1 + 15);
    expect(buildViewModel(tape, target, { folded: [] }).nodes.length).toBe(92);
  });

  it("bundles leaves that feed the same nodes, then hides the farthest nodes, to stay within budget", () => {
    const t = new Tape();
    const ws = Array.from({ length: 300 }, (_, k) => t.param(k / 300, `w${k}`));
    const xs = Array.from({ length: 300 }, (_, k) => t.input(1, `x${k}`));
    const y = t.linear(ws, xs, t.param(0, "b"));
    t.backward(y);
    const m = buildViewModel(t, y, { maxVisibleNodes: 10 });
    wellFormed(m, 10, DEFAULT_MAX_EDGES);
    expect(m.nodes.filter((n) => n.kind === "bundle").map((n) => n.title)).toEqual(["301 params", "300 inputs"]);
    const chain = new Tape();
    let v = chain.input(1, "x");
    for (let i = 0; i < 500; i++) v = chain.tanh(v);
    chain.backward(v);
    const c = buildViewModel(chain, v, { maxVisibleNodes: 50 });
    wellFormed(c, 50, DEFAULT_MAX_EDGES);
    expect(c.nodes.at(-1)!.kind).toBe("hidden");
    expect(c.hiddenNodes).toBe(501 - 49);
    expect(c.nodes.some((n) => n.tapeId === v)).toBe(true);
  });

  it("never exceeds the node budget or the edge limit, and accounts for every node (random tapes)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), steps, fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 80 }),
      (leaves, list, budget, maxEdges) => {
        const { tape, target } = tapeFrom(leaves, list);
        const auto = buildViewModel(tape, target, { maxVisibleNodes: budget, maxEdges });
        wellFormed(auto, budget, maxEdges);
        const none = buildViewModel(tape, target, { maxVisibleNodes: budget, maxEdges, folded: [] });
        wellFormed(none, budget, maxEdges);
      }), { numRuns: 300 });
  });

  it("stays fast on a large tape", () => {
    const { tape, target } = mlp([2, 64, 64, 1]);
    const t0 = performance.now();
    const m = buildViewModel(tape, target);
    wellFormed(m, 120, DEFAULT_MAX_EDGES);
    // Generous bound: this only guards against a quadratic blow-up (a few ms expected).
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
