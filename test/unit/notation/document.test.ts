// Runs in vitest (Node): `.nn.ts` evaluation: the target rule, the objective for the engine's Trainer (with and
// without replay), caching, and timings of the first and warm parse.
import { describe, expect, it } from "vitest";
import { ParamStore, Tape, Trainer, makeOptimizer } from "../../../src/engine";
import { evaluateDocument } from "../../../src/notation";
import { parse } from "../../../src/notation/parse";

describe("the target", () => {
  it("is the top-level `loss` when there is one", () => {
    const d = evaluateDocument("const w = param(2);\nconst loss = w * 3;\nconst other = w * w;\nother + 1;");
    expect([d.targetName, d.value]).toEqual(["loss", 6]);
  });

  it("else the last top-level numeric declaration or expression", () => {
    expect(evaluateDocument("const w = param(2);\nconst a = w * 3;\nconst s = \"text\";").value).toBe(6);
    expect(evaluateDocument("const w = param(2);\nconst a = w * 3;\nw * w + 1;\nconst f = (v) => v;").value).toBe(5);
    // A declaration's final value, after later statements change it.
    expect(evaluateDocument("const w = param(2);\nlet a = w;\nfor (let i = 0; i < 3; i++) a = a * 2;").value).toBe(16);
  });

  it("`// @target` on the line above a declaration overrides both", () => {
    const d = evaluateDocument("const w = param(2);\n// @target\nconst mine = w * 10;\nconst loss = w;");
    expect([d.targetName, d.value, d.params[0].grad]).toEqual(["mine", 20, 10]);
  });

  it("no numeric value: a warning, no target, no objective", () => {
    const d = evaluateDocument("const s = \"a\";");
    expect(d.target).toBeUndefined();
    expect(d.objective).toBeUndefined();
    expect(d.diagnostics[0].severity).toBe("warning");
  });
});

describe("training objective", () => {
  const XOR = `seed(1);
const w1 = [param(rand()), param(rand())], b1 = param(rand());
const w2 = [param(rand()), param(rand())], b2 = param(rand());
const w3 = [param(rand()), param(rand())], b3 = param(rand());
function forward(p, q) {
  const h1 = sigmoid(p * w1[0] + q * w1[1] + b1);
  const h2 = sigmoid(p * w2[0] + q * w2[1] + b2);
  return sigmoid(h1 * w3[0] + h2 * w3[1] + b3);
}
let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;
train({ lr: 1, steps: 2000 });`;

  it("trains the XOR file to four right rows, with replay and without, to the same losses", () => {
    const d = evaluateDocument(XOR);
    expect(d.replaySafe).toBe(true);
    const run = (replay: boolean): { losses: number[]; store: ParamStore } => {
      const store = d.trainingStore();
      const tr = new Trainer(d.objective!, store, { optimizer: makeOptimizer("sgd", { lr: 1 }), replay });
      const losses: number[] = [];
      for (let i = 0; i < 2000; i++) losses.push(tr.step());
      return { losses, store };
    };
    const a = run(true), b = run(false);
    expect(a.losses[0]).toBeCloseTo(d.value!, 12);
    for (const i of [0, 10, 500, 1999]) expect(a.losses[i]).toBeCloseTo(b.losses[i], 10);
    expect(a.losses[1999]).toBeLessThan(0.01);
    const outs = [[0, 0], [0, 1], [1, 0], [1, 1]].map((xs) => Math.round(d.predict(a.store, xs)!));
    expect(outs).toEqual([0, 1, 1, 0]);
    // The document's own store keeps the initial values.
    expect(d.params[0].value).toBe(d.store.values[0]);
    expect(d.trainingStore().values[0]).toBe(d.params[0].value);
  });

  it("control flow on param values makes replay unsafe", () => {
    const d = evaluateDocument("const w = param(2);\nconst loss = w > 1 ? w * w : -w;");
    expect(d.replaySafe).toBe(false);
    expect(evaluateDocument("const w = param(2);\nconst loss = relu(w) * w;").replaySafe).toBe(true);
  });

  it("the objective reads the store's values", () => {
    const d = evaluateDocument("const w = param(2);\nconst loss = (w - 5) ** 2;");
    const store = d.trainingStore();
    store.values[0] = 7;
    const t = new Tape();
    expect(t.val[d.objective!(t, store)]).toBe(4);
  });
});

describe("caching and timing", () => {
  it("caches evaluations by uri and version", () => {
    const a = evaluateDocument("const loss = param(1) * 2;", { uri: "file:///a.nn.ts", version: 1 });
    expect(evaluateDocument("ignored: same version", { uri: "file:///a.nn.ts", version: 1 })).toBe(a);
    expect(evaluateDocument("const loss = param(1) * 3;", { uri: "file:///a.nn.ts", version: 2 }).value).toBe(3);
  });

  it("parses fast once TypeScript is loaded (figures printed for the report)", () => {
    const text = "const w = param(1);\n".repeat(200) + "const loss = w * w;";
    const t0 = performance.now();
    parse(text + "// first");
    const first = performance.now() - t0;
    for (let i = 0; i < 50; i++) parse(`${text}// warm-up ${i}`);
    const t1 = performance.now();
    for (let i = 0; i < 100; i++) parse(`${text}// ${i}`);
    const warm = (performance.now() - t1) / 100;
    const t2 = performance.now();
    parse(`${text}// 99`);
    const cached = performance.now() - t2;
    console.log(`parse of a ${text.length}-character file: first in this worker ${first.toFixed(1)} ms, warm ${warm.toFixed(2)} ms, cached ${cached.toFixed(3)} ms`);
    expect(warm).toBeGreaterThan(0);
  });
});

describe("locating nodes for hovers", () => {
  it("bindings name graph values; nodeAt finds the node under an offset", async () => {
    const { nodeAt } = await import("../../../src/notation");
    const text = "const w1 = [param(1), param(2)];\nconst layer = { b: param(3) };\nconst h = w1[0] * w1[1];\nconst loss = h + layer.b;";
    const d = evaluateDocument(text);
    expect(Object.keys(d.bindings)).toEqual(["w1[0]", "w1[1]", "layer.b", "h", "loss"]);
    expect(d.tape.val[d.bindings.h]).toBe(2);
    expect(d.tape.val[d.bindings["layer.b"]]).toBe(3);
    const star = text.indexOf("*");
    expect(nodeAt(d.tape, star)).toBe(d.bindings.h);
    expect(nodeAt(d.tape, text.indexOf("param(2)") + 2)).toBe(d.bindings["w1[1]"]);
    expect(nodeAt(d.tape, 0)).toBe(-1);
  });
});
