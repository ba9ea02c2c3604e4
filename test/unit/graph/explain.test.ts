// Runs on Node (vitest): "explain this gradient": the paths' products sum to the gradient (the chain rule).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildViewModel } from "../../../src/graph/model";
import { explainGradient, explanationHighlight } from "../../../src/graph/explain";
import { example1, example2, example3, example4, xor } from "./tapes";
import { steps, tapeFrom } from "./random";
import { seed000 } from "./tensor-tapes";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("explainGradient", () => {
  it("example 2: two paths to x, 31.5 + 1 = 32.5", () => {
    const { tape, target, leaves } = example2();
    const ex = explainGradient(tape, target, leaves.x);
    expect(ex.paths.map((p) => p.product)).toEqual([31.5, 1]);
    expect(ex.sum).toBe(32.5);
    expect(ex.grad).toBe(32.5);
    expect(ex.truncated).toBe(false);
    expect(ex.paths[1].nodes).toEqual([target, leaves.x]);
  });

  it("example 3: x * x gives two paths through different edges", () => {
    const { tape, target, leaves } = example3();
    const ex = explainGradient(tape, target, leaves.x);
    expect(ex.paths.map((p) => p.edges)).toEqual([[0], [1]]);
    expect(ex.sum).toBe(-8);
  });

  it("example 1 and every XOR param: the sum equals the gradient", () => {
    const e1 = example1();
    expect(explainGradient(e1.tape, e1.target, e1.leaves.x).sum).toBe(596144);
    const { tape, target, leaves } = xor();
    for (const [name, i] of Object.entries(leaves)) {
      const ex = explainGradient(tape, target, i);
      expect(ex.truncated, name).toBe(false);
      expect(close(ex.sum, tape.grad[i]), `${name}: ${ex.sum} vs ${tape.grad[i]}`).toBe(true);
    }
  });

  it("example 4: 2^30 paths are counted, not listed, and the list says it was cut", () => {
    const { tape, target, leaves } = example4();
    const ex = explainGradient(tape, target, leaves.x, 16);
    expect(ex.pathCount).toBe(2 ** 30);
    expect(ex.paths).toHaveLength(16);
    expect(ex.truncated).toBe(true);
    expect(ex.grad).toBe(2 ** 30);
    expect(ex.paths.every((p) => p.product === 1 && p.nodes.length === 31)).toBe(true);
  });

  it("the target explains itself with the empty path; a node it does not depend on has none", () => {
    const { tape, target } = xor();
    const self = explainGradient(tape, target, target);
    expect(self.paths).toEqual([{ nodes: [target], edges: [], locals: [], product: 1 }]);
    const unused = tape.param(5, "unused");
    const none = explainGradient(tape, target, unused);
    expect(none.paths).toHaveLength(0);
    expect(none.pathCount).toBe(0);
  });

  it("holds on random tapes (sum of path products = gradient)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), steps, fc.nat(), (leaves, list, pick) => {
      const { tape, target } = tapeFrom(leaves, list);
      const node = pick % (target + 1);
      const ex = explainGradient(tape, target, node, 5000);
      if (ex.truncated) return;
      expect(close(ex.sum, tape.grad[node]), `${ex.sum} vs ${tape.grad[node]}`).toBe(true);
      expect(ex.paths).toHaveLength(ex.pathCount);
    }), { numRuns: 300 });
  });

  it("maps the paths onto the visible graph, folded groups included", () => {
    const { tape, target, leaves } = xor();
    const open = buildViewModel(tape, target);
    const ex = explainGradient(tape, target, leaves.b3);
    const hl = explanationHighlight(open, ex, tape);
    expect(hl.nodes.has(`n${leaves.b3}`)).toBe(true);
    expect(hl.nodes.has(`n${target}`)).toBe(true);
    // b3 feeds each call's output neuron: 4 paths of 6 edges (+, sigmoid, -, ^2, and the loss adds).
    expect(ex.paths).toHaveLength(4);
    expect(hl.edges.size).toBe(new Set(ex.paths.flatMap((p) => p.edges)).size);
    const folded = buildViewModel(tape, target, { folded: [0, 1, 2, 3] });
    const fh = explanationHighlight(folded, ex, tape);
    expect([...fh.nodes].filter((id) => id.startsWith("g")).sort()).toEqual(["g0", "g1", "g2", "g3"]);
    for (const e of fh.edges) expect(folded.edges[e]).toBeDefined();
  });

  it("paths through tensor ops are found and highlighted, and say their products are not numbers", () => {
    const { tape, target, ids } = seed000();
    const ex = explainGradient(tape, target, ids.W1);
    expect(ex.pathCount).toBe(1);
    expect(ex.throughTensors).toBe(true);
    expect(ex.paths[0].nodes).toContain(ids.h);
    const hl = explanationHighlight(buildViewModel(tape, target), ex, tape);
    expect(hl.nodes.size).toBeGreaterThan(3);
    const e2 = example2();
    expect(explainGradient(e2.tape, e2.target, e2.leaves.x).throughTensors).toBe(false);
  });
});
