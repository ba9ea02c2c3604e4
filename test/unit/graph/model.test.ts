// Runs on Node (vitest): the view model: which nodes, their kinds, values, gradients, local derivatives, marks.
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { ancestors, buildViewModel } from "../../../src/graph/model";
import { warningText } from "../../../src/view/graph";
import { example1, example3, xor } from "./tapes";

describe("buildViewModel", () => {
  it("holds only the nodes the target depends on, with kinds, values and gradients", () => {
    const t = new Tape();
    const x = t.input(2, "x"), w = t.param(3, "w"), unused = t.param(9, "u"), c = t.const(1);
    const y = t.add(t.mul(w, x), c);
    t.mul(unused, x); // after the target's inputs but not an ancestor
    t.backward(y);
    const m = buildViewModel(t, y);
    expect(m.nodes.map((n) => [n.id, n.kind, n.value, n.grad])).toEqual([
      ["n0", "input", 2, 3], ["n1", "param", 3, 2], ["n3", "const", 1, 1], ["n4", "op", 6, 1], ["n5", "target", 7, 1],
    ]);
    expect(m.totalNodes).toBe(5);
    expect(m.nodes.find((n) => n.tapeId === unused)).toBeUndefined();
    expect(m.nodes.find((n) => n.id === "n4")!.title).toBe("×");
  });

  it("labels edges with the local derivative and draws x * x as two edges", () => {
    const { tape, target } = example3();
    const m = buildViewModel(tape, target);
    expect(m.edges).toEqual([
      { from: "n0", to: "n1", local: -4, count: 1, tapeEdge: 0 },
      { from: "n0", to: "n1", local: -4, count: 1, tapeEdge: 1 },
    ]);
  });

  it("gives the notation example 1 its known values and gradients", () => {
    const { tape, target, leaves } = example1();
    const m = buildViewModel(tape, target);
    const byTape = new Map(m.nodes.map((n) => [n.tapeId, n]));
    expect(byTape.get(target)!.value).toBe(7907327);
    expect(byTape.get(leaves.x)!.grad).toBe(596144);
    expect(byTape.get(leaves.y)!.grad).toBe(1);
    expect(m.nodes.filter((n) => n.kind === "op").map((n) => n.title)).toEqual(["^2", "+", "^2"]);
  });

  it("marks NaN/Infinity where it first appears and where it flows", () => {
    const t = new Tape();
    const x = t.input(-1, "x");
    const l = t.log(x); // NaN from a finite input: the origin
    const s = t.add(l, t.const(1)); // inherits it
    const y = t.mul(s, t.const(2));
    t.backward(y);
    const m = buildViewModel(t, y);
    const mark = (i: number) => m.nodes.find((n) => n.tapeId === i)?.nonFinite;
    expect(mark(x)).toBeUndefined();
    expect(mark(l)).toBe("origin");
    expect(mark(s)).toBe("flow");
    expect(mark(y)).toBe("flow");
    expect(t.firstNonFinite()).toBe(l);
  });

  it("carries the non-differentiable and undefined-derivative flags", () => {
    const t = new Tape();
    const z = t.input(0, "z");
    const r = t.relu(z);
    const p = t.pow(t.input(-2, "a"), t.input(2, "b"));
    const y = t.add(r, p);
    t.backward(y);
    const m = buildViewModel(t, y);
    expect(m.nodes.find((n) => n.tapeId === r)!.warnings).toEqual(["non-differentiable"]);
    expect(m.nodes.find((n) => n.tapeId === p)!.warnings).toEqual(["undefined-derivative"]);
    expect(m.nodes.find((n) => n.tapeId === y)!.warnings).toBeUndefined();
  });

  it("flags every NaN or infinite gradient on its node, with a finite value (issue 15: sqrt(x * x) at 0)", () => {
    const t = new Tape();
    const x = t.input(0, "x");
    const sq = t.mul(x, x);
    const r = t.sqrt(sq);
    const y = t.add(r, t.input(1, "b"));
    t.backward(y);
    const m = buildViewModel(t, y);
    const at = (i: number) => m.nodes.find((n) => n.tapeId === i)!;
    expect(at(sq).grad).toBe(Infinity);
    expect(at(sq).warnings).toEqual(["non-finite-gradient"]);
    expect(at(x).grad).toBeNaN();
    expect(at(x).warnings).toEqual(["non-finite-gradient"]);
    // sqrt's own gradient is finite: its derivative is the non-finite one, not its gradient.
    expect(at(r).warnings).toBeUndefined();
    expect(at(y).warnings).toBeUndefined();
    expect(warningText("non-finite-gradient")).toMatch(/gradient NaN or Infinity here/);
  });

  it("keeps groups, names and source ranges of the XOR network", () => {
    const { tape, target } = xor();
    const m = buildViewModel(tape, target);
    expect(m.groups.map((g) => g.label)).toEqual(["forward(0, 0)", "forward(0, 1)", "forward(1, 0)", "forward(1, 1)"]);
    expect(m.groups.every((g) => !g.folded && g.size === 15)).toBe(true);
    expect(m.nodes.filter((n) => n.kind === "param").map((n) => n.title)).toEqual(["w1[0]", "w1[1]", "b1", "w2[0]", "w2[1]", "b2", "w3[0]", "w3[1]", "b3"]);
    const inCall = m.nodes.filter((n) => n.parentGroup === 0);
    expect(inCall).toHaveLength(15);
    expect(inCall[0].range).toEqual({ start: 150, end: 195 });
    expect(m.nodes.find((n) => n.isTarget)!.title).toBe("loss = +");
  });

  it("rejects a target that is not on the tape", () => {
    const t = new Tape();
    t.input(1);
    expect(() => ancestors(t, 5)).toThrow(/no node 5/);
  });
});
