// Runs in vitest (Node): the editor features on a Python file (`.nn.py`): hovers, inlay hints and CodeLens read the
// same tree the evaluation ran, so they work as they do in `.nn.ts` files.
import { describe, expect, it } from "vitest";
import { hoverAt } from "../../../src/editor-model/hover";
import { inlaysIn } from "../../../src/editor-model/inlays";
import { lensesOf } from "../../../src/editor-model/lenses";
import { evaluateDocument } from "../../../src/notation";

const text = `import math
w = param(0.5)
loss = 0
for p, q, y in XOR:
    loss = loss + (math.tanh(w * p + q) - y) ** 2
`;
const r = evaluateDocument(text, { lang: "py" });
const src = { program: r.program!, text };
const hover = (needle: string, shift = 0) => hoverAt(r, src, text.indexOf(needle) + shift, 4)?.markdown ?? "";

describe("editor features in a Python file", () => {
  it("hovers: a param, the target, an operator's local derivatives, a loop variable's values per row", () => {
    expect(r.ok).toBe(true);
    expect(hover("w = param")).toMatch(/^\*\*w\*\* \(param\)/);
    expect(hover("loss = 0")).toMatch(/\(the target\)/);
    expect(hover("* p", 0)).toMatch(/operator `\*`.*evaluated 4 times/s);
    expect(hover("p + q")).toMatch(/\*\*p\*\* \(loop variable\): 4 values/);
  });

  it("inlay hints after assignments and the target's CodeLens", () => {
    const hints = inlaysIn(r, src, 0, text.length, 4);
    // Python assignments are declarations here: the one in the loop body too (evaluated once per row).
    expect(hints.map((h) => text.slice(0, h.offset).split("\n").length)).toEqual([2, 3, 5]);
    expect(hints[0].label).toMatch(/^0\.5 ∂/);
    const lens = lensesOf(r, src, 4).find((l) => l.kind === "target");
    expect(lens && text.slice(lens.offset).startsWith("loss = 0")).toBe(true);
  });
});
