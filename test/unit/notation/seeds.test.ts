// Runs in vitest (Node): the two matrix tutorials as shipped examples (examples/seed000-xor.nn.ts,
// examples/seed002-modules.nn.ts): they evaluate, their hand-written backward passes are checked against central
// differences (the deliberate bug is caught, its fix passes, other bugs are caught too), and they train.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Trainer, makeOptimizer } from "../../../src/engine";
import { evaluateDocument } from "../../../src/notation";

const read = (f: string): string => readFileSync(join(__dirname, "../../../examples", f), "utf8");
const SEED000 = read("seed000-xor.nn.ts");
const SEED002 = read("seed002-modules.nn.ts");
const BUG = "inp.g = (inp.squeeze() - targ).unsqueeze(-1) / targ.shape[0];";
const FIXED = "inp.g = 2 * (inp.squeeze() - targ).unsqueeze(-1) / targ.shape[0];";

function trained(text: string, lr: number, steps: number): { first: number; last: number } {
  const d = evaluateDocument(text);
  const tr = new Trainer(d.objective!, d.trainingStore(), { optimizer: makeOptimizer("sgd", { lr }), replay: d.replaySafe });
  const first = tr.step();
  let last = first;
  for (let k = 1; k < steps; k++) last = tr.step();
  return { first, last };
}

describe("seed 000: matrix MLP with a hand-written backward", () => {
  it("evaluates to a tensor graph with W1 [2,3] and W2 [3,1]", () => {
    const d = evaluateDocument(SEED000);
    expect(d.diagnostics).toEqual([]);
    expect(d.targetName).toBe("loss");
    expect(d.store.size).toBe(9);
    const shapes = d.params.filter((p) => p.node >= 0).map((p) => d.tape.shape(p.node));
    expect(shapes).toEqual([[2, 3], [3, 1]]);
  });

  it("its backward passes the check, element by element, read from the updates it makes", () => {
    const g = evaluateDocument(SEED000).gradchecks;
    expect(g).toHaveLength(1);
    expect(g[0].kind).toBe("backward");
    expect(g[0].pass).toBe(true);
    expect(g[0].rows.map((r) => r.name.replace(/\[.*$/, ""))).toEqual(["model.W1", "model.W2"]);
    expect(g[0].rows.every((r) => r.note.includes("read from its update"))).toBe(true);
  });

  it("a bug in its backward (the hidden layer's sigmoid derivative dropped) fails the check", () => {
    const broken = SEED000.replace("this.z2Delta = this.z2Error * this.sigmoid.backward(this.z2);", "this.z2Delta = this.z2Error;");
    expect(broken).not.toBe(SEED000);
    const g = evaluateDocument(broken).gradchecks[0];
    expect(g.pass).toBe(false);
    expect(g.rows.map((r) => r.pass)).toEqual([false, true]);
  });

  it("trains on XOR as in the tutorial (SGD, lr 1, 2000 steps): every row right", () => {
    const { first, last } = trained(SEED000, 1, 2000);
    // ½·Σ(y − out)² below 0.02 means every output is within 0.2 of its target.
    expect(first).toBeGreaterThan(0.4);
    expect(last).toBeLessThan(0.02);
  });
});

describe("seed 002: Module layers with hand-written bwd", () => {
  it("the single Lin layer passes; the whole model fails on the deliberate Mse bug, every element off by 2x", () => {
    const d = evaluateDocument(SEED002);
    const [lin, model] = d.gradchecks;
    expect(lin.pass).toBe(true);
    expect(lin.rows.map((r) => r.name.replace(/\[.*$/, ""))).toEqual(["w1", "b1", "x"]);
    expect(model.pass).toBe(false);
    expect(model.rows.every((r) => !r.pass && Math.abs(r.numeric / r.analytic - 2) < 1e-6)).toBe(true);
    const warning = d.diagnostics.find((x) => x.severity === "warning");
    expect(warning?.message).toMatch(/^gradient check failed: `Model.backward` disagrees with central differences: w1\[/);
    expect(warning?.line).toBe(59);
  });

  it("with the bug fixed, every check passes", () => {
    expect(SEED002).toContain(BUG);
    const d = evaluateDocument(SEED002.replace(BUG, FIXED));
    expect(d.gradchecks.map((g) => g.pass)).toEqual([true, true]);
    expect(d.diagnostics).toEqual([]);
  });

  it("a wrong ReLU backward (mask dropped) fails too", () => {
    const d = evaluateDocument(SEED002.replace(BUG, FIXED).replace("inp.g = inp.gt(0) * out.g;", "inp.g = out.g;"));
    expect(d.gradchecks[1].pass).toBe(false);
  });

  it("trains (the loss falls by more than 10x in 500 steps)", () => {
    const { first, last } = trained(SEED002, 0.05, 500);
    expect(last).toBeLessThan(first / 10);
  });

  it("leaves the model as it was: the loss after the checks equals the loss before them", () => {
    const before = evaluateDocument(SEED002.replace(/gradcheck\(.*\);\n/g, ""));
    expect(evaluateDocument(SEED002).value).toBe(before.value);
    expect(before.value).toBeGreaterThan(0);
  });
});
