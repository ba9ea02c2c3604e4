// Runs in vitest (Node): the tensor tape's conventions: shape errors, fresh gradients, replay, buffer reuse,
// constructors and losses.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/engine/rng";
import { TensorTape, bce, mse, ones, rand, randn, sse, tensor, toNested, zeros } from "../../../src/engine/tensor";

describe("shape errors", () => {
  const t = new TensorTape();
  const a = t.constant(zeros(4, 2)), b = t.constant(zeros(3, 1)), v = t.constant(zeros(3));
  it("names the op and both shapes", () => {
    expect(() => t.matmul(a, b)).toThrow("matmul: shapes [4,2] and [3,1] do not align");
    expect(() => t.matmul(v, b)).toThrow("matmul: shapes [3] and [3,1] do not align");
    expect(() => t.add(a, b)).toThrow("add: shapes [4,2] and [3,1] do not broadcast");
    expect(() => t.mul(a, v)).toThrow("mul: shapes [4,2] and [3] do not broadcast");
    expect(() => t.reshape(a, [3, 3])).toThrow("reshape: cannot reshape [4,2] into [3,3]");
    expect(() => t.reshape(a, [2, 2, 2])).toThrow("rank 3");
    expect(() => t.row(a, 4)).toThrow("row: index 4 out of range for shape [4,2]");
    expect(() => t.row(t.scalar(1), 0)).toThrow("row: index 0 out of range for shape []");
    expect(() => t.sum(v, 1)).toThrow("sum: no axis 1 in shape [3]");
    expect(() => sse(t, a, t.constant(zeros(8)))).toThrow("sse: prediction shape [4,2] and target shape [8] differ");
    expect(() => t.backward(99)).toThrow("no tensor node 99");
  });

  it("rejects ragged and empty nested arrays", () => {
    expect(() => tensor([[1, 2], [3]])).toThrow("row 1 has 1 values, row 0 has 2");
    expect(() => tensor([])).toThrow("empty list");
    expect(() => tensor({ shape: [2, 2], data: new Float64Array(3) })).toThrow("3 values for shape [2,2]");
  });
});

describe("constructors", () => {
  it("build shapes and values", () => {
    expect(tensor(3).shape).toEqual([]);
    expect(tensor([1, 2]).shape).toEqual([2]);
    expect(toNested(tensor([[1, 2], [3, 4]]))).toEqual([[1, 2], [3, 4]]);
    expect(Array.from(ones(2, 3).data)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(zeros(4).shape).toEqual([4]);
  });

  it("randn and rand are seeded through Rng", () => {
    expect(randn(3, 4, new Rng(5)).data).toEqual(randn(3, 4, new Rng(5)).data);
    expect(randn(3, 4, new Rng(5)).data).not.toEqual(randn(3, 4, new Rng(6)).data);
    const u = rand(50, 50, new Rng(1)).data;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const g = randn(100, 100, new Rng(2)).data;
    const mean = g.reduce((s, x) => s + x, 0) / g.length;
    const sd = Math.sqrt(g.reduce((s, x) => s + (x - mean) ** 2, 0) / g.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
  });
});

describe("backward", () => {
  const build = (t: TensorTape) => {
    const w = t.param([[0.5, -1], [2, 0.25]], "w"), x = t.constant([[1, 2], [3, 4], [5, 6]]);
    const unused = t.param([1, 2, 3]);
    const loss = t.sum(t.pow(t.tanh(t.matmul(x, w)), 2));
    return { w, x, unused, loss };
  };

  it("gives fresh gradients on every call, never accumulating", () => {
    const t = new TensorTape(), { w, loss } = build(t);
    t.backward(loss);
    const first = Array.from(t.gradient(w));
    t.backward(loss);
    expect(Array.from(t.gradient(w))).toEqual(first);
    expect(first.some((g) => g !== 0)).toBe(true);
  });

  it("leaves unreached nodes and constants at zero", () => {
    const t = new TensorTape(), { x, unused, loss } = build(t);
    t.backward(loss);
    expect(Array.from(t.gradient(unused))).toEqual([0, 0, 0]);
    expect(Array.from(t.gradient(x))).toEqual([0, 0, 0, 0, 0, 0]);
    t.backward(unused);
    expect(Array.from(t.gradient(loss))).toEqual([0]);
    expect(Array.from(t.gradient(unused))).toEqual([1, 1, 1]);
  });

  it("gives Input leaves a gradient (∂loss/∂x for views) and Const leaves none", () => {
    const t = new TensorTape();
    const x = t.input([[1, 2]], "x"), c = t.constant([[3], [4]]), w = t.param(2);
    const y = t.mul(t.matmul(x, c), w);
    t.backward(y);
    expect(Array.from(t.gradient(x))).toEqual([6, 8]);
    expect(Array.from(t.gradient(w))).toEqual([11]);
    expect(Array.from(t.gradient(c))).toEqual([0, 0]);
    expect(t.names.get(x)).toBe("x");
  });

  it("treats a non-scalar target as the sum of its elements", () => {
    const t = new TensorTape(), a = t.param([[1, 2], [3, 4]]);
    const y = t.mul(a, a);
    t.backward(y);
    expect(Array.from(t.gradient(a))).toEqual([2, 4, 6, 8]);
  });

  it("sweeps a 20000-node chain without recursion", () => {
    const t = new TensorTape();
    const x = t.param([0.5, -0.5]);
    let y = x;
    for (let k = 0; k < 20000; k++) y = t.add(y, t.mul(y, t.scalar(0)));
    t.backward(t.sum(y));
    expect(Array.from(t.gradient(x))).toEqual([1, 1]);
  });
});

describe("replay and reuse", () => {
  const record = (t: TensorTape, wv: number[][]) => {
    const w = t.param(wv), x = t.constant([[1, -1], [0.5, 2]]), y = t.constant([[1], [0]]);
    return { w, loss: mse(t, t.sigmoid(t.matmul(x, w)), y) };
  };

  it("recompute with new leaf values equals a fresh recording", () => {
    const t = new TensorTape(), { w, loss } = record(t, [[0.1], [0.2]]);
    t.setValue(w, [[-0.7], [1.3]]);
    t.recompute();
    t.backward(loss);
    const fresh = new TensorTape(), f = record(fresh, [[-0.7], [1.3]]);
    fresh.backward(f.loss);
    expect(t.item(loss)).toBe(fresh.item(f.loss));
    expect(Array.from(t.gradient(w))).toEqual(Array.from(fresh.gradient(f.w)));
    expect(() => t.setValue(w, [1, 2, 3])).toThrow("setValue: shape [3] for node 0 of shape [2,1]");
    expect(() => t.setValue(loss, 1)).toThrow("not a leaf");
  });

  it("reset() keeps value and gradient buffers for the same graph shape", () => {
    const t = new TensorTape(), a = record(t, [[0.1], [0.2]]);
    t.backward(a.loss);
    const v = t.value(a.loss), g = t.gradient(a.w);
    t.reset();
    const b = record(t, [[0.3], [0.4]]);
    t.backward(b.loss);
    expect(t.value(b.loss)).toBe(v);
    expect(t.gradient(b.w)).toBe(g);
    const fresh = new TensorTape(), f = record(fresh, [[0.3], [0.4]]);
    fresh.backward(f.loss);
    expect(Array.from(g)).toEqual(Array.from(fresh.gradient(f.w)));
  });
});

describe("losses", () => {
  it("sse, mse and bce match their formulas", () => {
    const t = new TensorTape();
    const p = t.constant([[0.9], [0.2], [0.6]]), y = t.constant([[1], [0], [1]]);
    const d = [0.1, 0.2, 0.4];
    expect(t.item(sse(t, p, y))).toBeCloseTo(d.reduce((s, x) => s + x * x, 0), 14);
    expect(t.item(mse(t, p, y))).toBeCloseTo(d.reduce((s, x) => s + x * x, 0) / 3, 14);
    expect(t.item(bce(t, p, y))).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, 10);
    // The squeeze keeps log(0) out: a confident wrong answer costs about -ln(1e-12), not Infinity.
    const worst = t.item(bce(t, t.constant([0]), t.constant([1])));
    expect(worst).toBeCloseTo(-Math.log(1e-12), 6);
  });
});
