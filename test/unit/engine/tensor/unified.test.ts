// Runs in vitest (Node): scalar and tensor nodes on one Tape: scalars flowing into tensors and back, one reverse
// sweep for both, replay, truncation, tensor params in a ParamStore and a Trainer.
import { describe, expect, it } from "vitest";
import { datasets } from "../../../../src/engine/data";
import { Op } from "../../../../src/engine/op";
import { sgd } from "../../../../src/engine/optim";
import { ParamStore, tensorParamLeaves } from "../../../../src/engine/params";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { Trainer } from "../../../../src/engine/train";
import { mse } from "../../../../src/engine/tensor/losses";

/** loss = Σ sigmoid([x, y] @ W) * x + y² + W[1][2], recorded on one tape. */
function mixed(x: number, y: number, w: Float64Array): { t: Tape; loss: number; xs: number[]; W: number } {
  const t = new Tape();
  const xs = [t.input(x, "x"), t.input(y, "y")];
  const W = t.tensorParam({ shape: [2, 3], data: w }, "W");
  const h = t.sigmoid(t.matmul(t.fromScalars([1, 2], xs), W));
  const s = t.item(t.sum(h));
  const loss = t.add(t.add(t.mul(s, xs[0]), t.powConst(xs[1], 2)), t.item(W, 5));
  return { t, loss, xs, W };
}

describe("tensor nodes on the scalar tape", () => {
  const w0 = Float64Array.from([0.3, -0.7, 1.1, 0.5, 0.2, -0.4]);

  it("gradients flow scalar -> tensor -> scalar, matching central differences", () => {
    const { t, loss, xs, W } = mixed(0.8, -1.3, w0);
    t.backward(loss);
    const f = (x: number, y: number, w: Float64Array): number => { const r = mixed(x, y, w); return r.t.value(r.loss); };
    const h = 1e-6;
    const dx = (f(0.8 + h, -1.3, w0) - f(0.8 - h, -1.3, w0)) / (2 * h);
    const dy = (f(0.8, -1.3 + h, w0) - f(0.8, -1.3 - h, w0)) / (2 * h);
    expect(t.gradient(xs[0])).toBeCloseTo(dx, 7);
    expect(t.gradient(xs[1])).toBeCloseTo(dy, 7);
    const gW = t.tensorGradient(W);
    for (let k = 0; k < 6; k++) {
      const p = w0.slice(), m = w0.slice();
      p[k] += h;
      m[k] -= h;
      expect(gW[k]).toBeCloseTo((f(0.8, -1.3, p) - f(0.8, -1.3, m)) / (2 * h), 7);
    }
    expect(gW[5]).not.toBe(0);
  });

  it("a tensor node is one tape node with edges to its inputs; a tensor from scalars has its elements as inputs", () => {
    const { t, xs, W } = mixed(0.8, -1.3, w0);
    expect(t.isTensor(W)).toBe(true);
    expect(t.op[W]).toBe(Op.Param);
    expect(t.opName(W)).toBe("param");
    expect(t.shape(W)).toEqual([2, 3]);
    expect(t.isTensor(xs[0])).toBe(false);
    expect(t.shape(xs[0])).toEqual([]);
    const mm = Array.from({ length: t.n }, (_, i) => i).find((i) => t.op[i] === Op.MatMul);
    expect(mm).toBeDefined();
    expect(t.isTensor(mm as number)).toBe(true);
    const inputs = t.inputsOf(mm as number);
    expect(inputs).toContain(W);
    expect(t.opName(inputs[0])).toBe("tensor");
    expect(t.op[inputs[0]]).toBe(Op.FromScalars);
    expect(t.inputsOf(inputs[0])).toEqual(xs);
    expect(t.shape(mm as number)).toEqual([1, 3]);
    expect(t.names.get(W)).toBe("W");
    const items = Array.from({ length: t.n }, (_, i) => i).filter((i) => t.op[i] === Op.Item);
    expect(items.map((i) => t.isTensor(i))).toEqual([false, false]);
    expect(t.aux[items[1]]).toBe(5);
  });

  it("the same op records a scalar node on scalars and a tensor node on a tensor", () => {
    const t = new Tape(), x = t.input(2), v = t.tensorInput([1, 2]);
    const s = t.add(x, x), u = t.add(x, v);
    expect([t.op[s], t.op[u]]).toEqual([Op.Add, Op.Add]);
    expect([t.isTensor(s), t.isTensor(u)]).toEqual([false, true]);
    expect(t.value(s)).toBe(4);
    expect(Array.from(t.tensorValue(u))).toEqual([3, 4]);
    expect(t.opName(s)).toBe("add");
  });

  it("a rank-0 tensor loss mirrors its value and gradient into the scalar arrays", () => {
    const t = new Tape();
    const a = t.tensorParam([[1, 2], [3, 4]], "a");
    const l = t.mean(t.powConst(a, 2));
    expect(t.value(l)).toBe(7.5);
    t.backward(l);
    expect(t.gradient(l)).toBe(1);
    expect(Array.from(t.tensorGradient(a))).toEqual([0.5, 1, 1.5, 2]);
  });

  it("replay: setValue + recompute equals a fresh recording, scalar parts included", () => {
    const { t, loss, xs, W } = mixed(0.8, -1.3, w0);
    const w1 = Float64Array.from([-0.2, 0.9, 0.1, -1.5, 0.6, 0.3]);
    t.setValue(xs[0], 0.1);
    t.setTensorValue(W, { shape: [2, 3], data: w1 });
    t.recompute();
    t.backward(loss);
    const fresh = mixed(0.1, -1.3, w1);
    fresh.t.backward(fresh.loss);
    expect(t.value(loss)).toBe(fresh.t.value(fresh.loss));
    expect(t.gradient(xs[0])).toBe(fresh.t.gradient(fresh.xs[0]));
    expect(Array.from(t.tensorGradient(W))).toEqual(Array.from(fresh.t.tensorGradient(fresh.W)));
    expect(Array.from(t.val.subarray(0, t.n))).toEqual(Array.from(fresh.t.val.subarray(0, fresh.t.n)));
    expect(Array.from(t.grad.subarray(0, t.n))).toEqual(Array.from(fresh.t.grad.subarray(0, fresh.t.n)));
  });

  it("a second backward starts fresh (no accumulation)", () => {
    const { t, loss, W } = mixed(0.8, -1.3, w0);
    t.backward(loss);
    const first = t.tensorGradient(W);
    t.backward(loss);
    expect(Array.from(t.tensorGradient(W))).toEqual(Array.from(first));
  });

  it("truncate drops tensor nodes; clear forgets them", () => {
    const t = new Tape();
    const a = t.tensorParam([1, 2, 3]);
    const keep = t.n;
    t.exp(t.mul(a, a));
    t.truncate(keep);
    expect(t.n).toBe(keep);
    expect(t.isTensor(keep)).toBe(false);
    const l = t.sum(t.mul(a, a));
    expect(t.shape(keep)).toEqual([3]);
    t.backward(l);
    expect(Array.from(t.tensorGradient(a))).toEqual([2, 4, 6]);
    t.clear();
    expect(t.isTensor(a)).toBe(false);
    expect(t.hasTensors).toBe(false);
    const x = t.input(3);
    t.backward(t.mul(x, x));
    expect(t.gradient(x)).toBe(6);
  });

  it("firstNonFinite finds the tensor node where NaN appears", () => {
    const t = new Tape();
    const a = t.tensorInput([1, -1]);
    const bad = t.log(a);
    t.exp(bad);
    expect(t.firstNonFinite()).toBe(bad);
    expect(t.firstNonFiniteElement(bad)).toBe(1);
  });

  it("shape errors name both shapes", () => {
    const t = new Tape();
    expect(() => t.matmul(t.tensorConst([[0, 0], [0, 1], [1, 0], [1, 1]]), t.tensorConst([[1], [2], [3]])))
      .toThrow("matmul: shapes [4,2] and [3,1] do not align");
  });
});

describe("tensor params in a ParamStore and a Trainer", () => {
  const X = datasets.XOR.map((r) => [r[0], r[1]]), Y = datasets.XOR.map((r) => [r[2]]);

  function model(store: ParamStore, seed: number): { w1: number; w2: number } {
    const rng = new Rng(seed), n = (k: number) => Array.from({ length: k }, () => rng.normal());
    return { w1: store.addTensor(n(4), "W1", [2, 2]), w2: store.addTensor(n(2), "W2", [2, 1]) };
  }

  function objective(slots: { w1: number; w2: number }) {
    return (t: Tape, store: ParamStore): number => {
      const v = store.values;
      const W1 = t.tensorParam({ shape: [2, 2], data: v.slice(slots.w1, slots.w1 + 4) }, "W1", slots.w1);
      const W2 = t.tensorParam({ shape: [2, 1], data: v.slice(slots.w2, slots.w2 + 2) }, "W2", slots.w2);
      const out = t.sigmoid(t.matmul(t.sigmoid(t.matmul(t.tensorConst(X), W1)), W2));
      return mse(t, out, t.tensorConst(Y));
    };
  }

  it("names elements and gathers tensor gradients per slot", () => {
    const store = new ParamStore(), slots = model(store, 3);
    expect(store.names.slice(0, 4)).toEqual(["W1[0][0]", "W1[0][1]", "W1[1][0]", "W1[1][1]"]);
    const t = new Tape(), l = objective(slots)(t, store);
    t.backward(l);
    store.gather(t);
    const leaves = tensorParamLeaves(t);
    expect(leaves.map((p) => p.size)).toEqual([4, 2]);
    expect(Array.from(store.grads.subarray(0, 4))).toEqual(Array.from(t.tensorGradient(leaves[0].node)));
  });

  it("training by replay matches training by re-recording, step for step", () => {
    const a = new ParamStore(), b = new ParamStore();
    const sa = model(a, 5), sb = model(b, 5);
    const fresh = new Trainer(objective(sa), a, { optimizer: sgd(2) });
    const replay = new Trainer(objective(sb), b, { optimizer: sgd(2), replay: true });
    const first = fresh.step();
    let la = first, lb = replay.step();
    expect(lb).toBe(la);
    for (let k = 0; k < 300; k++) {
      la = fresh.step();
      lb = replay.step();
    }
    expect(lb).toBeCloseTo(la, 12);
    expect(la).toBeLessThan(first);
  });
});
