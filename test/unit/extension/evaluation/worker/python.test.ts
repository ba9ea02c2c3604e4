// Runs in vitest (Node): the worker's answers for Python: a `.nn.py` document is read as Python (its language from
// its file name), what it printed is answered by the `output` request, a selection in a Python document is read as
// Python, and Apply Trained Values writes Python floats into a `.nn.py` file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { harness } from "./harness";
import { applyToText, parseSettings } from "../../../../../src/train";

const PY = `# a Python GradLens file
w = param(0.5)
x = 2.0
loss = (w * x - 3) ** 2
print("loss", loss)
print(7 // 2, 7 / 2)
`;

describe("a .nn.py document", () => {
  it("is evaluated as Python: its target, Problems free of errors, and what it printed", () => {
    const ask = harness(), doc = { uri: "file:///w/model.nn.py", version: 1, text: PY };
    const s = ask({ kind: "summary", doc, bounds: {}, digits: 4 });
    expect(s.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(s.target).toBeDefined();
    expect(PY.slice(s.target?.start, s.target?.end)).toContain("(w * x - 3) ** 2");
    expect(ask({ kind: "output", doc: { uri: doc.uri, version: 1 }, bounds: {} })).toEqual(["loss 4.0", "3 3.5"]);
  });

  it("a .nn.ts document is still TypeScript and prints nothing", () => {
    const ask = harness(), doc = { uri: "file:///w/model.nn.ts", version: 1, text: "const w = param(0.5);\nconst loss = w * w; // 7 // 2\n" };
    expect(ask({ kind: "summary", doc, bounds: {}, digits: 4 }).problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(ask({ kind: "output", doc: { uri: doc.uri, version: 1 }, bounds: {} })).toEqual([]);
  });
});

describe("a selection in a Python document", () => {
  it("reads `//` as floor division, with x from the line above", () => {
    const ask = harness(), documentText = "x = 1\ny = 7 // 2 + x\n", text = "7 // 2 + x";
    expect(ask({ kind: "prepare", selection: 1, text, documentText, offset: documentText.indexOf(text), languageId: "python" }))
      .toEqual({ found: [{ name: "x", value: 1, line: 1 }], missing: [] });
    const v = ask({ kind: "evaluateSelection", selection: 1, values: {}, bounds: {} });
    expect(v.value).toBe(4);
    expect(v.leaves.map((l) => [l.name, l.grad])).toEqual([["x", 1]]);
    expect(v.output).toEqual([]);
  });
});

describe("Apply Trained Values to a .nn.py file", () => {
  it("writes the trained values as Python floats", () => {
    const ask = harness(), text = "w = param(0.5)\nb = param(1)\nloss = (w * 2 + b - 3) ** 2\ntrain(lr=0.1, steps=30)\n";
    const settings = parseSettings({ optimizer: "sgd", lr: "0.1", steps: "30", method: "backprop", seed: "1", eps: "1e-4" });
    const source = { kind: "document", uri: "file:///w/fit.nn.py", version: 1, text, label: "fit.nn.py" } as const;
    const limit = { ms: 10_000, setting: "gradlens.timeLimit.trainingStep" };
    ask({ kind: "trainStart", session: 1, config: { source, settings }, bounds: {}, stepLimit: limit });
    ask({ kind: "trainControl", session: 1, action: "step" });
    const { edits, skipped } = ask({ kind: "trainEdits", session: 1 });
    expect(skipped).toEqual([]);
    expect(edits).toHaveLength(2);
    for (const e of edits) expect(e.newText).toMatch(/^-?\d+\.\d+(e[-+]\d\d)?$/);
    expect(applyToText(text, edits)).toMatch(/^w = param\(-?\d+\.\d+(e[-+]\d\d)?\)\nb = param\(-?\d+\.\d+(e[-+]\d\d)?\)\n/);
  });

  it("a program of its own autograd draws its root's graph with the learner's gradient where it is wrong", () => {
    const ask = harness(), text = readFileSync(join(__dirname, "..", "..", "..", "..", "e2e", "fixtures", "autograd.nn.py"), "utf8");
    const doc = { uri: "file:///w/autograd.nn.py", version: 1, text };
    ask({ kind: "summary", doc, bounds: {}, digits: 4 });
    const opened = ask({ kind: "graphOpen", graph: 1, spec: { kind: "document", doc: { uri: doc.uri, version: 1 } }, bounds: {}, maxVisibleNodes: 120, keep: false });
    expect([opened.value, opened.targetName]).toEqual([8, "your autograd's root"]);
    const model = opened.render.type === "render" ? opened.render.model : undefined;
    expect(model?.nodes.filter((n) => n.claimed !== undefined).map((n) => [n.value, n.grad, n.claimed])).toEqual([[3, 2, 3]]);
  });
});
