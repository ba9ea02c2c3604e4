// Runs on Node (vitest): the extension-side graph session: folding and explain driven by webview messages.
import { describe, expect, it } from "vitest";
import { GraphSession } from "../../../../src/extension/graph/session";
import type { ToGraphView } from "../../../../src/protocol/graph";
import { mlp, xor } from "../../graph/tapes";

const modelOf = (m: ToGraphView | undefined) => {
  if (m?.type !== "render") throw new Error(`expected render, got ${m?.type}`);
  return m.model;
};

describe("GraphSession", () => {
  it("expands a folded group one level, collapses it back, and returns to automatic folding", () => {
    const { tape, target } = mlp([2, 4, 1]);
    const s = new GraphSession(tape, target, { maxVisibleNodes: 30 });
    const sample = s.model.groups.find((g) => g.kind === "sample" && !g.folded)!;
    const layer = s.model.groups.find((g) => g.parent === sample.id && g.folded)!;
    const expanded = modelOf(s.handle({ type: "expand", groupId: layer.id }));
    expect(expanded.groups.find((g) => g.id === layer.id)!.folded).toBe(false);
    const neurons = expanded.groups.filter((g) => g.parent === layer.id);
    expect(neurons.length).toBeGreaterThan(0);
    expect(neurons.every((g) => g.folded)).toBe(true);
    const collapsed = modelOf(s.handle({ type: "collapse", groupId: sample.id }));
    expect(collapsed.groups.find((g) => g.id === sample.id)!.folded).toBe(true);
    expect(collapsed.nodes.some((n) => n.groupId === sample.id)).toBe(true);
    const auto = modelOf(s.handle({ type: "collapseAll" }));
    expect(auto).toEqual(new GraphSession(tape, target, { maxVisibleNodes: 30 }).model);
  });

  it("expand all raises the budget only when the user confirmed a large render", () => {
    const { tape, target } = mlp([2, 16, 16, 1]);
    const s = new GraphSession(tape, target);
    const capped = modelOf(s.handle({ type: "expandAll", confirmedLarge: false }));
    expect(capped.nodes.length).toBeLessThanOrEqual(120);
    expect(capped.hiddenNodes).toBeGreaterThan(0);
    const all = modelOf(s.handle({ type: "expandAll", confirmedLarge: true }));
    expect(all.nodes.length).toBe(all.totalNodes);
  });

  it("answers explain with the paths and their place in the drawn graph, and ignores the panel's messages", () => {
    const { tape, target, leaves } = xor();
    const s = new GraphSession(tape, target);
    const ans = s.handle({ type: "explain", nodeId: leaves["w1[0]"] });
    expect(ans?.type).toBe("explanation");
    if (ans?.type !== "explanation") return;
    expect(Math.abs(ans.explanation.sum - tape.grad[leaves["w1[0]"]])).toBeLessThan(1e-12);
    expect(ans.highlight.nodes).toContain(`n${leaves["w1[0]"]}`);
    expect(s.handle({ type: "nodeClicked", nodeId: 1 })).toBeUndefined();
  });
});
