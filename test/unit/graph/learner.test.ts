// Runs in vitest (Node): the graph of a program of its own autograd (a Var class with a wrong __mul__ backward)
// draws what its `z.backward()` computed: the true gradient on every number, and the learner's own beside it where
// the two differ (y: the learner's 3, the true 2), marked as the place to look.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildViewModel, renderMermaid } from "../../../src/graph";
import { evaluateDocument } from "../../../src/notation";
import { run } from "../../../src/cli/run";

const file = join(__dirname, "..", "..", "e2e", "fixtures", "autograd.nn.py");

describe("the graph of a learner's own autograd", () => {
  it("both gradients where they differ, the true one alone where they agree", () => {
    const doc = evaluateDocument(readFileSync(file, "utf8"), { lang: "py" });
    expect(doc.target).toBeUndefined();
    const own = doc.learnerGraph;
    expect(own).toBeDefined();
    if (own === undefined) return;
    expect(own.tape.val[own.root]).toBe(8);
    const m = buildViewModel(own.tape, own.root, { claims: own.claims });
    const leaves = m.nodes.filter((n) => n.kind === "input").map((n) => [n.value, n.grad, n.claimed]);
    expect(leaves).toEqual([[2, 4, undefined], [3, 2, 3]]);
    const text = renderMermaid(own.tape, own.root, { claims: own.claims });
    expect(text).toMatch(/\["input<br>= 3<br>∂ 2<br>yours ∂ 3"\]:::nan$/m);
    expect(text.match(/yours/g)).toHaveLength(1);
  });

  it("gradlens graph draws it (the file has no target of its own)", () => {
    const out: string[] = [], err: string[] = [];
    expect(run(["graph", file], (s) => out.push(s), (s) => err.push(s))).toBe(0);
    expect(out.join("\n")).toContain("yours ∂ 3");
  });
});
