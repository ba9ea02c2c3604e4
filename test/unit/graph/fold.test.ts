// Runs on Node (vitest): folding. The budget is never exceeded, every tape node is accounted for, outermost groups
// fold first, the choice is deterministic, and folding is undone by group id.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { explainGradient, explanationHighlight } from "../../../src/graph/explain";
import { chooseFolding } from "../../../src/graph/fold";
import { ancestors, buildViewModel, DEFAULT_MAX_EDGES } from "../../../src/graph/model";
import { toMermaid } from "../../../src/view/mermaid";
import type { ViewModel } from "../../../src/view/graph";
import { mlp, xor } from "./tapes";
import { referenceFolding } from "./fold-reference";
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

  it("folds a large MLP into the budget (its time is bench/graph-fold.ts's business)", () => {
    const { tape, target } = mlp([2, 64, 64, 1]);
    const m = buildViewModel(tape, target);
    wellFormed(m, 120, DEFAULT_MAX_EDGES);
    expect(m.totalNodes).toBe(tape.n);
  });

  it("chooses the folding its plain definition does: outermost first, then level by level (random tapes)", () => {
    const same = (tape: Tape, target: number, budget: number, maxEdges: number) => {
      const mark = ancestors(tape, target);
      const members = [...mark.keys()].filter((i) => mark[i]);
      const fast = chooseFolding({ tape, target, members, mark, budget, maxEdges });
      const plain = referenceFolding({ tape, members, targetGroup: tape.group[target], budget, maxEdges });
      expect([...fast].sort((a, b) => a - b)).toEqual([...plain].sort((a, b) => a - b));
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), steps, fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 80 }),
      (leaves, list, budget, maxEdges) => {
        const { tape, target } = tapeFrom(leaves, list);
        same(tape, target, budget, maxEdges);
      }), { numRuns: 400 });
    const { tape, target } = mlp([2, 4, 4, 1]);
    for (const budget of [3, 8, 20, 40, 70, 100]) for (const maxEdges of [10, 60, 150]) same(tape, target, budget, maxEdges);
    // Calls nested 30 deep, two of them at each depth (a wide and deep tree): many depths fit before one does not.
    const deep = new Tape();
    const w = deep.param(0.5, "w");
    const nest = (x: number, d: number): number => {
      if (d === 30) return x;
      deep.beginGroup("call", `f${d}`);
      const y = nest(deep.tanh(deep.mul(x, w)), d + 1);
      deep.endGroup();
      deep.beginGroup("call", `g${d}`);
      const z = deep.sigmoid(deep.add(x, w));
      deep.endGroup();
      return deep.add(y, z);
    };
    const out = deep.mul(nest(deep.input(0.3, "x"), 0), deep.const(2));
    deep.backward(out);
    for (const budget of [4, 12, 25, 50, 90, 130]) for (const maxEdges of [20, 80, 200]) same(deep, out, budget, maxEdges);
  });

  it("folds a 100,000-node chain and calls nested 10,000 deep: no walk recurses", () => {
    const chain = new Tape();
    let x = chain.input(0.5, "x");
    const w = chain.param(0.9, "w");
    while (chain.n < 100_000) x = chain.tanh(chain.mul(x, w));
    chain.backward(x);
    const c = buildViewModel(chain, x);
    wellFormed(c, 120, DEFAULT_MAX_EDGES);
    expect(c.hiddenNodes).toBe(100_000 - 119);
    expect(explainGradient(chain, x, w).pathCount).toBe((100_000 - 2) / 2);

    const deep = new Tape();
    let y = deep.input(0.3, "y");
    const v = deep.param(0.5, "v");
    for (let d = 0; d < 10_000; d++) {
      deep.beginGroup("call", `f(${10_000 - d})`);
      y = deep.tanh(deep.mul(y, v));
    }
    for (let d = 0; d < 10_000; d++) deep.endGroup();
    const out = deep.mul(y, deep.const(2));
    deep.backward(out);
    const m = buildViewModel(deep, out);
    wellFormed(m, 120, DEFAULT_MAX_EDGES);
    // Depth by depth the nest opens (each open call draws × and tanh, and three edges) until the next depth would
    // pass the 150-edge limit: 48 calls open, the 49th folded with the 9,952 inside it.
    const folded = m.groups.filter((g) => g.folded);
    expect(folded.map((g) => [g.id, g.size])).toEqual([[48, 2 * 9_952]]);
    expect(m.nodes.filter((n) => n.kind === "op")).toHaveLength(96);
    const inner = buildViewModel(deep, out, { folded: [9_999] });
    expect(inner.nodes.find((n) => n.kind === "group")?.title).toBe("f(10000) › f(1)");
    const ex = explainGradient(deep, out, v);
    expect(ex.pathCount).toBe(10_000);
    expect(explanationHighlight(m, ex, deep).nodes.has("g48")).toBe(true);
    expect(toMermaid(m).split("\n").length).toBeGreaterThan(m.nodes.length);
  });
});
