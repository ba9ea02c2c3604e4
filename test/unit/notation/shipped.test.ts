// Runs in vitest (Node): the shipped examples (examples/*.nn.ts) through the interpreter, and training the XOR
// file over seeds 1 to 10 (a 2-2-1 sigmoid network can get stuck: the count is asserted and printed, not hidden).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Trainer, makeOptimizer } from "../../../src/engine";
import { evaluateDocument } from "../../../src/notation";

const read = (name: string): string => readFileSync(join(__dirname, "../../../examples", name), "utf8");

function learns(text: string): boolean {
  const d = evaluateDocument(text);
  const store = d.trainingStore();
  const tr = new Trainer(d.objective!, store, { optimizer: makeOptimizer("sgd", { lr: d.train!.lr }), replay: d.replaySafe });
  for (let i = 0; i < d.train!.steps; i++) tr.step();
  return [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]].every(([p, q, y]) => Math.round(d.predict(store, [p, q])!) === y);
}

describe("shipped examples", () => {
  it("square.nn.ts: the tutorial's numbers", () => {
    const d = evaluateDocument(read("square.nn.ts"));
    expect([d.value, d.params.map((p) => p.grad)]).toEqual([7907327, [596144, 1]]);
  });

  it("and.nn.ts: three params, AND data, train settings", () => {
    const d = evaluateDocument(read("and.nn.ts"));
    expect(d.params.map((p) => p.name)).toEqual(["w1", "w2", "b"]);
    expect([d.dataset, d.train?.steps]).toEqual(["AND", 2000]);
  });

  it("xor.nn.ts and xor-mlp.nn.ts: the same network", () => {
    const a = evaluateDocument(read("xor.nn.ts")), b = evaluateDocument(read("xor-mlp.nn.ts"));
    expect(a.ok && b.ok).toBe(true);
    expect(b.value).toBeCloseTo(a.value!, 12);
  });

  it("sigmoid-gradcheck.nn.ts: every check passes and is placed at its call", () => {
    const d = evaluateDocument(read("sigmoid-gradcheck.nn.ts"));
    expect(d.gradchecks.map((g) => [g.line, g.kind, g.pass])).toEqual([[6, "derivative", true], [7, "derivative", true], [8, "gradient", true]]);
  });

  it("broken.nn.ts: one error diagnostic at the typo", () => {
    const d = evaluateDocument(read("broken.nn.ts"));
    expect(d.ok).toBe(false);
    expect(d.diagnostics.filter((x) => x.severity === "error")).toMatchObject([{ message: "unknown name `wieght`", line: 6, column: 22 }]);
  });

  it("xor.nn.ts learns for the shipped seed and for at least 7 of the seeds 1 to 10", () => {
    const text = read("xor.nn.ts");
    expect(learns(text)).toBe(true);
    const results = Array.from({ length: 10 }, (_, i) => learns(text.replace("seed(1)", `seed(${i + 1})`)));
    const stuck = results.flatMap((ok, i) => (ok ? [] : [i + 1]));
    console.log(`xor.nn.ts: learned for ${10 - stuck.length} of seeds 1-10; stuck for seeds ${stuck.join(", ") || "none"}`);
    expect(10 - stuck.length).toBeGreaterThanOrEqual(7);
  });
});
