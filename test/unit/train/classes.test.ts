// Runs in vitest (Node): the decision boundary of any two-input classifier: multi-class data found from the label
// loss, the class the model picks over the data's box, binary rows outside the unit square drawn over their box.
import { describe, expect, it } from "vitest";
import { spirals } from "../../../src/engine";
import { boxOf, labelledData } from "../../../src/train/classes";
import { TrainingSession, presetConfig } from "../../../src/train";
import { evaluateDocument } from "../../../src/notation";
import { documentConfig, runToEnd } from "./helpers";

const SPIRALS = `seed(1);
const [X, y] = spirals(90, { classes: 3, seed: 0, tensors: true });
const W1 = param(randn([2, 24])), b1 = param(zeros(1, 24)), W2 = param(randn([24, 3]) * 0.3);
function forward(x) { return matmul(tanh(matmul(x, W1) + b1), W2); }
const loss = crossEntropy(forward(X), y);
`;

describe("multi-class decision boundary", () => {
  it("labelledData: the inputs and labels of the label loss; boxOf: the unit square for the gates, else the data's", () => {
    const d = evaluateDocument(SPIRALS);
    const lab = labelledData(d.tape)!;
    const rows = spirals(90, { classes: 3, seed: 0 });
    expect(lab.classes).toBe(3);
    expect(lab.points).toEqual(rows.map((r) => [...r]));
    expect(boxOf([[0, 0], [1, 1], [0, 1]])).toEqual([0, 1, 0, 1]);
    const [x0, x1] = boxOf([[-1, 0], [1, 2]]);
    expect([x0, x1]).toEqual([-1.1, 1.1]);
    expect(labelledData(evaluateDocument("const w = param(1);\nconst loss = w * w;\n").tape)).toBeUndefined();
  });

  it("the grid holds the class the model picks over the data's box, and agrees with its labels once trained", async () => {
    const { session } = await runToEnd(documentConfig(SPIRALS, { optimizer: "adam", lr: 0.05, steps: 400 }));
    const g = session.grid()!;
    expect(g.classes).toBe(3);
    expect(g.points).toHaveLength(90);
    const [x0, x1, y0, y1] = g.box!;
    expect(x0).toBeLessThan(-0.9);
    expect(x1).toBeGreaterThan(0.9);
    expect(y0).toBeLessThan(-0.9);
    expect(y1).toBeGreaterThan(0.9);
    expect(g.values.every((v) => v === 0 || v === 1 || v === 2)).toBe(true);
    expect(new Set(g.values).size).toBe(3);
    // The classifier's own picks at its training points, through the same classify the grid uses.
    const p = session.problem;
    const right = p.labelled!.points.filter(([u, v, label]) => p.classify!([u, v]) === label).length;
    expect(right / 90).toBeGreaterThan(0.85);
    expect(session.accuracy()!.correct).toBe(right);
  });

  it("the gates keep the unit square; binary data elsewhere gets its box", async () => {
    expect(new TrainingSession(presetConfig("XOR")).grid()?.box).toBeUndefined();
    const moons = `seed(2);
const [X, y] = moons(30, { noise: 0.05, seed: 1, tensors: true });
const W1 = param(randn([2, 6])), b1 = param(zeros(1, 6)), W2 = param(randn([6, 1]));
const forward = (x) => sigmoid(matmul(tanh(matmul(x, W1) + b1), W2));
const loss = bce(forward(X), y.unsqueeze(1));
`;
    const g = new TrainingSession(documentConfig(moons, { steps: 1 })).grid()!;
    expect(g.box![0]).toBeLessThan(-0.9);
    expect(g.box![1]).toBeGreaterThan(1.9);
    expect(g.classes).toBeUndefined();
    expect(g.values.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
