// Runs in vitest (Node): an edge no gradient flows along (into detach, a comparison, argmax) is marked in the view
// model and drawn as a cut, dotted in Mermaid and dashed in DOT; the other edges keep their local derivatives.
import { describe, expect, it } from "vitest";
import { buildViewModel, renderDot, renderMermaid } from "../../../src/graph";
import { evaluateSelection } from "../../../src/notation";

describe("cut edges", () => {
  it("detach(x) * x: the edge into detach is a cut; the product's two edges carry x's value", () => {
    const r = evaluateSelection("detach(x) * x", { values: { x: 2 } });
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["x", 2]]);
    const m = buildViewModel(r.tape, r.target);
    expect(m.edges.map((e) => e.cut === true)).toEqual([true, false, false]);
    expect(renderMermaid(r.tape, r.target)).toMatch(/^ {2}n0 -\.->\|"0 \(no gradient\)"\| n1$/m);
    expect(renderMermaid(r.tape, r.target).match(/-\.->/g)).toHaveLength(1);
    expect(renderDot(r.tape, r.target)).toMatch(/^ {2}n0 -> n1 \[label="0 \(no gradient\)", style=dashed\];$/m);
  });

  it("a comparison's edges are cuts: a mask carries no gradient (here t's gradient comes through where alone)", () => {
    const r = evaluateSelection("sum(where(gt(t, 1), t, 0 * t))", { values: { t: 2 } });
    const text = renderMermaid(r.tape, r.target);
    const cmp = /^ {2}(n\d+)\("#62;/m.exec(text)?.[1];
    expect(cmp).toBeDefined();
    const cuts = text.split("\n").filter((l) => l.includes("-.->"));
    expect(cuts.length).toBe(2);
    expect(cuts.every((l) => l.endsWith(`| ${cmp}`))).toBe(true);
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["t", 1]]);
  });
});
