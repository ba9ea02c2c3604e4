// Runs in vitest (Node): leakyRelu, gelu and softplus on scalars and tensors: values against reference values
// (mpmath at 50 digits), gradients against central differences element by element (rank 2 and rank 3), and the
// conventions at leakyRelu's kink.
import { describe, expect, it } from "vitest";
import { Flag, Op } from "../../../../src/engine/op";
import { opKink } from "../../../../src/engine/ops";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, tensor, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck } from "../tensor/check";
import { scalarCheck } from "./scalar-check";

/** [x, gelu(x), gelu'(x)] from mpmath: x·ncdf(x) and ncdf(x) + x·npdf(x). */
const GELU: readonly (readonly [number, number, number])[] = [
  [-10, -7.619853024160526e-23, -7.618400096464814e-22],
  [-5, -1.4332578593959695e-6, -7.146946001792295e-6],
  [-3, -0.0040496940948902835, -0.011945647204183927],
  [-1, -0.15865525393145705, -0.0833154705876863],
  [-0.5, -0.15426876936299344, 0.13250487534383715],
  [-1e-8, -4.999999960105772e-9, 0.4999999920211544],
  [0, 0, 0.5],
  [0.2, 0.11585194188782061, 0.6574682482341943],
  [1, 0.8413447460685429, 1.0833154705876864],
  [2.5, 2.4844758366855597, 1.037611085908145],
  [4, 3.9998733150326675, 1.0005036496612265],
  [8, 7.999999999999995, 1.0000000000000397],
];

/** [x, ln(1 + e^x)] from mpmath. */
const SOFTPLUS: readonly (readonly [number, number])[] = [
  [-800, 0], [-40, 4.248354255291589e-18], [-1, 0.3132616875182228], [0, 0.6931471805599453],
  [1e-9, 0.6931471810599453], [1, 1.3132616875182228], [30, 30.000000000000092], [800, 800],
];

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
const rng = new Rng(17);
const r3 = (b: number, n: number, m: number): TensorData => ({ shape: [b, n, m], data: randn(b * n, m, rng).data });

describe("gelu", () => {
  it("matches x Φ(x) and Φ(x) + x φ(x) from mpmath to 1e-14 relative, on scalars and tensors", () => {
    const t = new Tape(), xs = t.tensorInput(GELU.map(([x]) => x)), y = t.tensorValue(t.gelu(xs));
    GELU.forEach(([x, g, d], k) => {
      const s = t.gelu(t.input(x));
      expect(t.op[s]).toBe(Op.Gelu);
      expect(rel(t.value(s), g), `gelu(${x})`).toBeLessThanOrEqual(1e-14);
      expect(rel(t.local[t.start[s]], d), `gelu'(${x})`).toBeLessThanOrEqual(1e-14);
      expect(y[k]).toBe(t.value(s));
    });
  });

  it("gradients against central differences", () => {
    for (const x of [-3.1, -0.4, 0, 0.9, 2.7]) scalarCheck((t, [a]) => t.gelu(a), [x]);
    expect(gradcheck([randn(3, 4, rng)], (t, [a]) => t.gelu(a))).toBe(12);
    expect(gradcheck([r3(2, 3, 4)], (t, [a]) => t.gelu(a))).toBe(24);
  });
});

describe("softplus", () => {
  it("is ln(1 + e^x) without overflow or lost digits at either tail", () => {
    const t = new Tape(), v = t.tensorValue(t.softplus(t.tensorInput(SOFTPLUS.map(([x]) => x))));
    SOFTPLUS.forEach(([x, ref], k) => {
      expect(rel(t.value(t.softplus(t.input(x))), ref), `softplus(${x})`).toBeLessThanOrEqual(2e-16);
      expect(v[k]).toBe(t.value(t.softplus(t.input(x))));
    });
    const big = t.softplus(t.input(800));
    expect(t.local[t.start[big]]).toBe(1);
    expect(t.firstNonFinite()).toBe(-1);
  });

  it("gradients are sigmoid, against central differences", () => {
    for (const x of [-30, -1.2, 0, 0.5, 12]) scalarCheck((t, [a]) => t.softplus(a), [x]);
    expect(gradcheck([randn(3, 4, rng)], (t, [a]) => t.softplus(a))).toBe(12);
    expect(gradcheck([r3(2, 2, 3)], (t, [a]) => t.softplus(a))).toBe(12);
  });
});

describe("leakyRelu", () => {
  it("is x for x > 0, else slope·x (0.01 by default), on scalars and tensors", () => {
    const t = new Tape(), x = t.tensorInput([-2, 3, -0.5]);
    expect(Array.from(t.tensorValue(t.leakyRelu(x)))).toEqual([-0.02, 3, -0.005]);
    expect(Array.from(t.tensorValue(t.leakyRelu(x, 0.2)))).toEqual([-0.4, 3, -0.1]);
    const s = t.leakyRelu(t.input(-4), 0.1);
    expect([t.value(s), t.local[t.start[s]], t.aux[s]]).toEqual([-0.4, 0.1, 0.1]);
    expect(() => t.leakyRelu(x, NaN)).toThrow("leakyRelu: slope NaN must be a finite number");
  });

  it("gradients against central differences away from the kink", () => {
    for (const x of [-2, 0.3]) scalarCheck((t, [a]) => t.leakyRelu(a, 0.2), [x]);
    const x = tensor([[-1.3, 0.4, 2], [0.7, -0.2, -3]]);
    expect(gradcheck([x], (t, [a]) => t.leakyRelu(a, 0.05))).toBe(6);
    expect(gradcheck([{ shape: [2, 1, 3], data: x.data }], (t, [a]) => t.leakyRelu(a))).toBe(6);
  });

  it("at exactly 0 takes the slope (as PyTorch), flagged non-differentiable with its convention", () => {
    const t = new Tape(), s = t.leakyRelu(t.input(0), 0.3);
    expect([t.value(s), t.local[t.start[s]], t.flags[s]]).toEqual([0, 0.3, Flag.NonDifferentiable]);
    const a = t.tensorParam([1, 0, -1]), y = t.leakyRelu(a, 0.3);
    expect(t.flags[y]).toBe(Flag.NonDifferentiable);
    expect(t.flags[t.leakyRelu(t.tensorParam([1, -1]))]).toBe(0);
    t.backward(t.sum(y));
    expect(Array.from(t.tensorGradient(a))).toEqual([1, 0.3, 0.3]);
    expect(opKink[Op.LeakyRelu]).toBe("leakyRelu at 0: not differentiable, the convention gives the slope");
  });
});

describe("the existing kinks flag tensors too", () => {
  it("relu and abs of a tensor with an element at 0 are flagged; without one they are not", () => {
    const t = new Tape();
    expect(t.flags[t.relu(t.tensorInput([1, 0]))]).toBe(Flag.NonDifferentiable);
    expect(t.flags[t.abs(t.tensorInput([[2, 0], [1, 1]]))]).toBe(Flag.NonDifferentiable);
    expect(t.flags[t.relu(t.tensorInput([1, -1]))]).toBe(0);
  });
});
