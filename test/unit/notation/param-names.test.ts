// Runs in vitest (Node): params named by the path that reaches them from the file's top-level names (issue 15:
// params pushed into arrays were `p0` and `Neuron.b#5`), and everything that shows those names.
import { describe, expect, it } from "vitest";
import { applyEdits, TrainingSession } from "../../../src/train";
import { buildViewModel } from "../../../src/graph/model";
import { hoverAt } from "../../../src/editor-model/hover";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";
import { trainingSnapshot } from "../../../src/extension/training/view-model";
import { MICROGRAD } from "../class-models";
import { evaluate } from "../editor-model/helpers";
import { documentConfig } from "../train/helpers";

const LAYER0 = [0, 1, 2].flatMap((n) => [`model.layers[0].neurons[${n}].w[0]`, `model.layers[0].neurons[${n}].w[1]`, `model.layers[0].neurons[${n}].b`]);
const NAMES = [...LAYER0, "model.layers[1].neurons[0].w[0]", "model.layers[1].neurons[0].w[1]", "model.layers[1].neurons[0].w[2]", "model.layers[1].neurons[0].b"];

describe("params named by the path that reaches them", () => {
  it("a micrograd-style model: model.layers[0].neurons[1].b, on the store, the params and the tape", () => {
    const d = evaluateDocument(MICROGRAD);
    expect(d.params.map((p) => p.name)).toEqual(NAMES);
    expect(d.store.names).toEqual(NAMES);
    const b = d.params.find((p) => p.name === "model.layers[0].neurons[1].b");
    expect(b && d.tape.names.get(b.node)).toBe("model.layers[0].neurons[1].b");
  });

  it("arrays pushed into at the top level, and arrays of instances", () => {
    const d = evaluateDocument(`class N { constructor() { this.w = []; this.w.push(param(1)); this.b = param(2); } }
const ns = [];
for (let j = 0; j < 2; j++) ns.push(new N());
const arr = [];
arr.push(param(3));
const loss = ns[1].b + ns[0].w[0] + arr[0];
`);
    expect(d.params.map((p) => p.name)).toEqual(["ns[0].w[0]", "ns[0].b", "ns[1].w[0]", "ns[1].b", "arr[0]"]);
  });

  it("names a path already gave stay (w1[0], net.w1[0], layer.b, model.W1), and so do names the file gives", () => {
    expect(evaluateDocument("const w1 = [param(1), param(2)];\nconst loss = w1[0] * w1[1];\n").params.map((p) => p.name)).toEqual(["w1[0]", "w1[1]"]);
    // Reached by a shorter path too (`first`): the name it was made under still reaches it, so it stays.
    expect(evaluateDocument("const w = [param(1)];\nconst first = w[0];\nconst loss = first * 2;\n").params.map((p) => p.name)).toEqual(["w[0]"]);
    expect(evaluateDocument("const layer = { b: param(1) };\nconst model = { layers: [layer] };\nconst loss = layer.b * 2;\n").params[0].name).toBe("layer.b");
    const given = evaluateDocument("const ws = [];\nws.push(param(1, \"first weight\"));\nconst loss = ws[0] * 2;\n");
    expect(given.params.map((p) => p.name)).toEqual(["first weight"]);
  });

  it("a tensor param pushed into an array: the tensor and its elements", () => {
    const d = evaluateDocument("const Ws = [];\nWs.push(param(tensor([[1, 2]])));\nconst loss = sum(Ws[0] * 3);\n");
    expect(d.store.names).toEqual(["Ws[0][0][0]", "Ws[0][0][1]"]);
    expect(d.store.tensors.map((t) => t.name)).toEqual(["Ws[0]"]);
  });

  it("a param no top-level name reaches keeps the name it was made with", () => {
    const d = evaluateDocument("function f() { const ws = []; ws.push(param(1)); return ws[0] * 2; }\nconst loss = f();\n");
    expect(d.params.map((p) => p.name)).toEqual(["p0"]);
  });

  it("selections too", () => {
    const r = evaluateSelection("const ws = []; ws.push(param(2)); ws[0] * x", { values: { x: 3 } });
    expect(r.leaves.map((l) => l.name)).toEqual(["x", "ws[0]"]);
  });
});

describe("what shows the names", () => {
  it("the graph, the hover, the training view's param rows and Apply Trained Values", () => {
    const { result, sf, text } = evaluate(MICROGRAD);
    const target = result.target as number;
    const titles = buildViewModel(result.tape, target, { maxVisibleNodes: 1500 }).nodes.map((n) => n.title);
    expect(titles).toContain("model.layers[1].neurons[0].b");
    // The param(…) call made one param per neuron: the hover names each.
    const h = hoverAt(result, sf, text.indexOf("this.b = param") + 10, 4);
    for (const n of ["model.layers\\[0\\].neurons\\[0\\].b", "model.layers\\[0\\].neurons\\[2\\].b", "model.layers\\[1\\].neurons\\[0\\].b"]) expect(h?.markdown).toContain(n);
    expect(h?.markdown).toMatch(/^\*\*param\*\*: 4 params/);
    const session = new TrainingSession(documentConfig(MICROGRAD, { steps: 3 }));
    expect(trainingSnapshot(session).params.map((p) => p.name)).toEqual(NAMES);
    const applied = applyEdits(MICROGRAD, result.store.snapshot(), result.store.names);
    expect(applied.skipped.map((s) => s.name).sort()).toEqual([...NAMES].sort());
  });
});
