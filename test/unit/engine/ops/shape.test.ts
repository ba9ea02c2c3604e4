// Runs in vitest (Node): detach: the same value, no gradient through it, on scalars and tensors, with its own op
// code (the graph draws the cut); the stop-gradient identity d/dx [x · detach(x)] = x.
import { describe, expect, it } from "vitest";
import { Op } from "../../../../src/engine/op";
import { Tape } from "../../../../src/engine/tape";

describe("detach", () => {
  it("keeps the value of a scalar and passes no gradient: its edge's local derivative is 0", () => {
    const t = new Tape(), x = t.input(3), d = t.detach(x);
    expect([t.value(d), t.op[d], t.local[t.start[d]]]).toEqual([3, Op.Detach, 0]);
    const y = t.mul(x, d);
    t.backward(y);
    expect(t.gradient(x)).toBe(3);
    expect(t.inputsOf(d)).toEqual([x]);
  });

  it("keeps the value of a tensor and passes no gradient; its node needs no gradient buffer", () => {
    const t = new Tape(), x = t.tensorParam([[1, -2], [0.5, 4]]), d = t.detach(x);
    expect(Array.from(t.tensorValue(d))).toEqual([1, -2, 0.5, 4]);
    expect(t.shape(d)).toEqual([2, 2]);
    t.backward(t.sum(t.mul(x, d)));
    expect(Array.from(t.tensorGradient(x))).toEqual([1, -2, 0.5, 4]);
    expect(t.liveGradient(d)).toBeUndefined();
    const only = new Tape(), p = only.tensorParam([1, 2]);
    only.backward(only.sum(only.exp(only.detach(p))));
    expect(Array.from(only.tensorGradient(p))).toEqual([0, 0]);
  });

  it("replays: the value follows its input after recompute", () => {
    const t = new Tape(), x = t.input(2), d = t.detach(t.mul(x, x)), v = t.tensorParam([1, 2]), dv = t.detach(v);
    t.setValue(x, 5);
    t.setTensorValue(v, [7, 8]);
    t.recompute();
    expect(t.value(d)).toBe(25);
    expect(Array.from(t.tensorValue(dv))).toEqual([7, 8]);
  });
});
