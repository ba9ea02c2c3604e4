// Runs in vitest (Node): every tensor op's gradient against central differences, element by element, including
// each broadcasting case and scalar nodes mixed into tensor ops; values against plain-loop references.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { rand, randn, tensor, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck, type Build } from "./check";

const rng = new Rng(42);
const r = (n: number, m: number): TensorData => randn(n, m, rng);
/** Strictly positive entries, for log, div and fractional powers. */
const pos = (n: number, m: number): TensorData => {
  const d = rand(n, m, rng);
  for (let k = 0; k < d.data.length; k++) d.data[k] += 0.5;
  return d;
};
const vec = (m: number): TensorData => ({ shape: [m], data: randn(1, m, rng).data });
const fixed = r(2, 2);
const sc = (): TensorData => ({ shape: [], data: Float64Array.of(rng.normal() + 2) });
const positive = (d: TensorData): TensorData => ({ shape: d.shape, data: d.data.map((x) => Math.abs(x) + 0.5) });

interface Case { name: string; leaves: TensorData[]; build: Build }

const binaries = ["add", "sub", "mul", "div", "pow"] as const;
const bshapes: [string, () => TensorData, () => TensorData][] = [
  ["[3,4] with [3,4]", () => r(3, 4), () => pos(3, 4)],
  ["[3,4] with [1,4]", () => r(3, 4), () => pos(1, 4)],
  ["[3,4] with [3,1]", () => r(3, 4), () => pos(3, 1)],
  ["[3,4] with scalar", () => r(3, 4), sc],
  ["[3,4] with [4]", () => r(3, 4), () => { const v = vec(4); v.data.forEach((x, k) => (v.data[k] = Math.abs(x) + 0.5)); return v; }],
  ["[1,4] with [3,4]", () => r(1, 4), () => pos(3, 4)],
  ["[3,1] with [1,4]", () => r(3, 1), () => pos(1, 4)],
  ["scalar with [2,3]", sc, () => pos(2, 3)],
];

const cases: Case[] = [
  { name: "matmul [3,4]x[4,2]", leaves: [r(3, 4), r(4, 2)], build: (t, [a, b]) => t.matmul(a, b) },
  { name: "matmul shared input x·xᵀ", leaves: [r(3, 2)], build: (t, [a]) => t.matmul(a, t.transpose(a)) },
  { name: "matmul a·a (one node as both operands)", leaves: [r(3, 3)], build: (t, [a]) => t.matmul(a, a) },
  { name: "matmul odd sizes [5,7]x[7,3]", leaves: [r(5, 7), r(7, 3)], build: (t, [a, b]) => t.matmul(a, b) },
  { name: "transpose [2,3]", leaves: [r(2, 3)], build: (t, [a]) => t.transpose(a) },
  { name: "transpose [3]", leaves: [vec(3)], build: (t, [a]) => t.transpose(a) },
  ...binaries.flatMap((op) => bshapes.map(([s, fa, fb]): Case => ({
    // pow's base must be positive: a negative base to a fractional power is NaN.
    name: `${op} ${s}`, leaves: [op === "pow" ? positive(fa()) : fa(), fb()], build: (t, [a, b]) => t[op](a, b),
  }))),
  { name: "mul x·x (same node twice)", leaves: [r(2, 2)], build: (t, [a]) => t.mul(a, a) },
  { name: "neg", leaves: [r(2, 3)], build: (t, [a]) => t.neg(a) },
  { name: "exp", leaves: [r(2, 3)], build: (t, [a]) => t.exp(a) },
  { name: "log", leaves: [pos(2, 3)], build: (t, [a]) => t.log(a) },
  { name: "tanh", leaves: [r(2, 3)], build: (t, [a]) => t.tanh(a) },
  { name: "sigmoid", leaves: [r(2, 3)], build: (t, [a]) => t.sigmoid(a) },
  { name: "relu (away from the kink)", leaves: [tensor([[-1.3, 0.4, 2], [0.7, -0.2, -3]])], build: (t, [a]) => t.relu(a) },
  { name: "sqrt", leaves: [pos(2, 3)], build: (t, [a]) => t.sqrt(a) },
  { name: "sin", leaves: [r(2, 3)], build: (t, [a]) => t.sin(a) },
  { name: "cos", leaves: [r(2, 3)], build: (t, [a]) => t.cos(a) },
  { name: "tan", leaves: [tensor([[-1.1, 0.4, 0.9], [0.2, -0.6, 1.2]])], build: (t, [a]) => t.tan(a) },
  { name: "abs (away from the kink)", leaves: [tensor([[-1.3, 0.4, 2], [0.7, -0.2, -3]])], build: (t, [a]) => t.abs(a) },
  { name: "pow 2", leaves: [r(2, 3)], build: (t, [a]) => t.powConst(a, 2) },
  { name: "pow 3", leaves: [r(2, 3)], build: (t, [a]) => t.powConst(a, 3) },
  { name: "pow -0.5", leaves: [pos(2, 3)], build: (t, [a]) => t.powConst(a, -0.5) },
  { name: "mod [3,4] with [1,4] (away from the jumps)", leaves: [tensor([[7.5, -7.5, 5.3, 2.2], [1.3, 4.6, -2.9, 0.7], [3.1, -5.2, 6.1, 1.9]]), tensor([[2, 2, -1.5, 1.7]])],
    build: (t, [a, b]) => t.mod(a, b) },
  { name: "sum all", leaves: [r(3, 4)], build: (t, [a]) => t.sum(a) },
  { name: "sum axis 0", leaves: [r(3, 4)], build: (t, [a]) => t.sum(a, 0) },
  { name: "sum axis 1", leaves: [r(3, 4)], build: (t, [a]) => t.sum(a, 1) },
  { name: "mean all", leaves: [r(3, 4)], build: (t, [a]) => t.mean(a) },
  { name: "mean axis 0", leaves: [r(3, 4)], build: (t, [a]) => t.mean(a, 0) },
  { name: "mean axis 1", leaves: [r(3, 4)], build: (t, [a]) => t.mean(a, 1) },
  { name: "mean of a vector", leaves: [vec(5)], build: (t, [a]) => t.mean(a, 0) },
  { name: "reshape [2,3] to [3,2]", leaves: [r(2, 3)], build: (t, [a]) => t.matmul(t.reshape(a, [3, 2]), t.tensorConst(fixed)) },
  { name: "reshape to [6]", leaves: [r(2, 3)], build: (t, [a]) => t.reshape(a, [6]) },
  { name: "row 1 of [3,4]", leaves: [r(3, 4)], build: (t, [a]) => t.row(a, 1) },
  { name: "row of a vector", leaves: [vec(4)], build: (t, [a]) => t.row(a, 2) },
  { name: "centering x - mean(x, 0)", leaves: [r(4, 3)], build: (t, [a]) => t.sub(a, t.mean(a, 0)) },
  { name: "softmax rows", leaves: [r(3, 4)], build: (t, [a]) => { const e = t.exp(a); return t.div(e, t.sum(e, 1)); } },
  { name: "scalar node times a tensor (lifted to rank 0)", leaves: [r(2, 3), sc()],
    build: (t, [a, s]) => t.mul(t.tanh(t.item(s)), a) },
  { name: "tensor from scalar nodes, then back out by item", leaves: [r(2, 2)],
    build: (t, [a]) => t.fromScalars([2], [t.mul(t.item(a, 0), t.item(a, 3)), t.sin(t.item(a, 1))]) },
];

describe("tensor ops: gradients against central differences", () => {
  for (const c of cases) {
    it(c.name, () => {
      const n = gradcheck(c.leaves, c.build, 7);
      expect(n).toBe(c.leaves.reduce((s, l) => s + l.data.length, 0));
    });
  }
});

describe("tensor ops: values", () => {
  it("matmul equals the plain triple loop", () => {
    const a = r(5, 7), b = r(7, 3), t = new Tape();
    const c = t.tensorValue(t.matmul(t.tensorConst(a), t.tensorConst(b)));
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 7; k++) s += a.data[i * 7 + k] * b.data[k * 3 + j];
        expect(c[i * 3 + j]).toBeCloseTo(s, 12);
      }
    }
  });

  it("broadcasts rows, columns and scalars", () => {
    const t = new Tape();
    const x = t.tensorConst([[1, 2, 3], [4, 5, 6]]);
    expect(toNested(t.tensorData(t.add(x, t.tensorConst([[10, 20, 30]]))))).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(toNested(t.tensorData(t.sub(x, t.tensorConst([[1], [4]]))))).toEqual([[0, 1, 2], [0, 1, 2]]);
    expect(toNested(t.tensorData(t.mul(t.tensorConst(2), x)))).toEqual([[2, 4, 6], [8, 10, 12]]);
    expect(toNested(t.tensorData(t.mul(t.const(2), x)))).toEqual([[2, 4, 6], [8, 10, 12]]);
    expect(toNested(t.tensorData(t.div(x, t.tensorConst([1, 2, 3]))))).toEqual([[1, 1, 1], [4, 2.5, 2]]);
    expect(toNested(t.tensorData(t.add(t.tensorConst([[1], [2]]), t.tensorConst([10, 20, 30]))))).toEqual([[11, 21, 31], [12, 22, 32]]);
  });

  it("reduces, transposes, reshapes and indexes row-major", () => {
    const t = new Tape();
    const x = t.tensorConst([[1, 2, 3], [4, 5, 6]]);
    expect(t.value(t.sum(x))).toBe(21);
    expect(toNested(t.tensorData(t.sum(x, 0)))).toEqual([[5, 7, 9]]);
    expect(toNested(t.tensorData(t.mean(x, 1)))).toEqual([[2], [5]]);
    expect(toNested(t.tensorData(t.transpose(x)))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(toNested(t.tensorData(t.reshape(x, [3, 2])))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(toNested(t.tensorData(t.row(x, 1)))).toEqual([4, 5, 6]);
    expect(t.shape(t.row(t.row(x, 1), 2))).toEqual([]);
    expect(t.value(t.item(x, 5))).toBe(6);
    const e = t.tensorValue(t.sigmoid(t.tensorConst([-800, 0, 800])));
    expect(Array.from(e)).toEqual([0, 0.5, 1]);
  });
});
