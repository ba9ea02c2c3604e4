// Runs in vitest (Node): the conventions of tensor nodes on the tape: shape errors, fresh gradients, replay, buffer
// reuse, constructors and losses.
import { describe, expect, it } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { bce, mse, sse } from "../../../../src/engine/tensor/losses";
import { ones, rand, randn, tensor, toNested, zeros } from "../../../../src/engine/tensor/shape";

describe("shape errors", () => {
  const t = new Tape();
  const a = t.tensorConst(zeros(4, 2)), b = t.tensorConst(zeros(3, 1)), v = t.tensorConst(zeros(3));
  it("names the op and both shapes", () => {
    expect(() => t.matmul(a, b)).toThrow("matmul: shapes [4,2] and [3,1] do not align");
    expect(() => t.matmul(v, b)).toThrow("matmul: shapes [3] and [3,1] do not align");
    expect(() => t.add(a, b)).toThrow("add: shapes [4,2] and [3,1] do not broadcast");
    expect(() => t.mul(a, v)).toThrow("mul: shapes [4,2] and [3] do not broadcast");
    expect(() => t.reshape(a, [3, 3])).toThrow("reshape: cannot reshape [4,2] into [3,3]");
    expect(() => t.reshape(a, [1, 2, 2, 2])).toThrow("has rank 4; tensors have rank 0 to 3");
    expect(() => t.row(a, 4)).toThrow("row: index 4 out of range for shape [4,2]");
    expect(() => t.row(t.tensorConst(1), 0)).toThrow("row: index 0 out of range for shape []");
    expect(() => t.row(t.const(1), 0)).toThrow("row: index 0 out of range for shape []");
    expect(() => t.sum(v, 1)).toThrow("sum: no axis 1 in shape [3]");
    expect(() => sse(t, a, t.tensorConst(zeros(8)))).toThrow("sse: prediction shape [4,2] and target shape [8] differ");
    expect(() => t.powConst(a, NaN)).toThrow("pow: exponent NaN must be a finite number");
    expect(() => t.fromScalars([2], [t.const(1)])).toThrow("tensor: 1 elements for shape [2]");
    expect(() => t.fromScalars([1], [a])).toThrow("tensor: elements must be numbers, not tensors");
    expect(() => t.item(a, 8)).toThrow("item: index 8 out of range for shape [4,2]");
    expect(() => t.tensorValue(t.const(1))).toThrow("is not a tensor");
    expect(() => t.backward(999)).toThrow("backward: no node 999");
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
  const build = (t: Tape) => {
    const w = t.tensorParam([[0.5, -1], [2, 0.25]], "w"), x = t.tensorConst([[1, 2], [3, 4], [5, 6]]);
    const unused = t.tensorParam([1, 2, 3]);
    const loss = t.sum(t.powConst(t.tanh(t.matmul(x, w)), 2));
    return { w, x, unused, loss };
  };

  it("gives fresh gradients on every call, never accumulating", () => {
    const t = new Tape(), { w, loss } = build(t);
    t.backward(loss);
    const first = Array.from(t.tensorGradient(w));
    t.backward(loss);
    expect(Array.from(t.tensorGradient(w))).toEqual(first);
    t.backward(loss, true);
    expect(Array.from(t.tensorGradient(w))).toEqual(first);
    expect(first.some((g) => g !== 0)).toBe(true);
  });

  it("leaves unreached nodes and constants at zero", () => {
    const t = new Tape(), { x, unused, loss } = build(t);
    t.backward(loss);
    expect(Array.from(t.tensorGradient(unused))).toEqual([0, 0, 0]);
    expect(Array.from(t.tensorGradient(x))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(t.liveGradient(x)).toBeUndefined();
    t.backward(unused);
    expect(Array.from(t.tensorGradient(loss))).toEqual([0]);
    expect(t.gradient(loss)).toBe(0);
    expect(Array.from(t.tensorGradient(unused))).toEqual([1, 1, 1]);
  });

  it("gives Input leaves a gradient (∂loss/∂x for views) and Const leaves none", () => {
    const t = new Tape();
    const x = t.tensorInput([[1, 2]], "x"), c = t.tensorConst([[3], [4]]), w = t.tensorParam(2);
    const y = t.mul(t.matmul(x, c), w);
    t.backward(y);
    expect(Array.from(t.tensorGradient(x))).toEqual([6, 8]);
    expect(Array.from(t.tensorGradient(w))).toEqual([11]);
    expect(t.gradient(w)).toBe(11);
    expect(Array.from(t.tensorGradient(c))).toEqual([0, 0]);
    expect(t.names.get(x)).toBe("x");
  });

  it("treats a non-scalar target as the sum of its elements", () => {
    const t = new Tape(), a = t.tensorParam([[1, 2], [3, 4]]);
    const y = t.mul(a, a);
    t.backward(y);
    expect(Array.from(t.tensorGradient(a))).toEqual([2, 4, 6, 8]);
  });

  it("sweeps a 20000-node chain without recursion", () => {
    const t = new Tape();
    const x = t.tensorParam([0.5, -0.5]);
    let y = x;
    for (let k = 0; k < 20000; k++) y = t.add(y, t.mul(y, t.tensorConst(0)));
    t.backward(t.sum(y));
    expect(Array.from(t.tensorGradient(x))).toEqual([1, 1]);
  });
});

describe("replay and reuse", () => {
  const record = (t: Tape, wv: number[][]) => {
    const w = t.tensorParam(wv), x = t.tensorConst([[1, -1], [0.5, 2]]), y = t.tensorConst([[1], [0]]);
    return { w, loss: mse(t, t.sigmoid(t.matmul(x, w)), y) };
  };

  it("recompute with new leaf values equals a fresh recording", () => {
    const t = new Tape(), { w, loss } = record(t, [[0.1], [0.2]]);
    t.setTensorValue(w, [[-0.7], [1.3]]);
    t.recompute();
    t.backward(loss);
    const fresh = new Tape(), f = record(fresh, [[-0.7], [1.3]]);
    fresh.backward(f.loss);
    expect(t.value(loss)).toBe(fresh.value(f.loss));
    expect(Array.from(t.tensorGradient(w))).toEqual(Array.from(fresh.tensorGradient(f.w)));
    expect(() => t.setTensorValue(w, [1, 2, 3])).toThrow("setValue: shape [3] for node 0 of shape [2,1]");
    expect(() => t.setTensorValue(loss, 1)).toThrow("not a leaf");
  });

  it("clear() keeps value and gradient buffers for the same graph shape", () => {
    const t = new Tape(), a = record(t, [[0.1], [0.2]]);
    t.backward(a.loss);
    const v = t.tensorValue(a.loss), g = t.liveGradient(a.w);
    expect(g).toBeDefined();
    t.clear();
    const b = record(t, [[0.3], [0.4]]);
    t.backward(b.loss);
    expect(t.tensorValue(b.loss)).toBe(v);
    expect(t.liveGradient(b.w)).toBe(g);
    const fresh = new Tape(), f = record(fresh, [[0.3], [0.4]]);
    fresh.backward(f.loss);
    expect(Array.from(g as Float64Array)).toEqual(Array.from(fresh.tensorGradient(f.w)));
  });
});

describe("losses", () => {
  it("sse, mse and bce match their formulas", () => {
    const t = new Tape();
    const p = t.tensorConst([[0.9], [0.2], [0.6]]), y = t.tensorConst([[1], [0], [1]]);
    const d = [0.1, 0.2, 0.4];
    expect(t.value(sse(t, p, y))).toBeCloseTo(d.reduce((s, x) => s + x * x, 0), 14);
    expect(t.value(mse(t, p, y))).toBeCloseTo(d.reduce((s, x) => s + x * x, 0) / 3, 14);
    expect(t.value(bce(t, p, y))).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, 10);
    // The squeeze keeps log(0) out: a confident wrong answer costs about -ln(1e-12), not Infinity.
    const worst = t.value(bce(t, t.tensorConst([0]), t.tensorConst([1])));
    expect(worst).toBeCloseTo(-Math.log(1e-12), 6);
  });
});
