// Runs in vitest (Node): the tape as the notation uses it: the spec's examples, deep chains, shared sub-graphs,
// fresh versus accumulated gradients, replay, groups and source ranges; and the micrograd-like Value API.
import { describe, expect, it } from "vitest";
import { Op } from "../../../src/engine/op";
import { ParamStore } from "../../../src/engine/params";
import { Tape } from "../../../src/engine/tape";
import { Value, sumValues, valuesOn } from "../../../src/engine/value";

describe("the notation's examples through the engine", () => {
  it("(x**2 + 3)**2 + y at x = 53, y = -17: 7907327, 596144, 1", () => {
    const t = new Tape();
    const x = t.input(53, "x"), y = t.input(-17, "y");
    const z = t.add(t.powConst(t.add(t.powConst(x, 2), t.const(3)), 2), y);
    t.backward(z);
    expect(t.value(z)).toBe(7907327);
    expect(t.gradient(x)).toBe(596144);
    expect(t.gradient(y)).toBe(1);
  });

  it("the same with a variable exponent (the tutorial's pow with an exponent edge)", () => {
    const t = new Tape();
    const x = t.input(53), y = t.input(-17), two = t.const(2);
    const z = t.add(t.pow(t.add(t.pow(x, two), t.const(3)), two), y);
    t.backward(z);
    expect([t.value(z), t.gradient(x), t.gradient(y)]).toEqual([7907327, 596144, 1]);
    const dTwo = 2812 ** 2 * Math.log(2812) + 2 * 2812 * 53 ** 2 * Math.log(53);
    expect(Math.abs(t.gradient(two) - dTwo)).toBeLessThan(1e-12 * dTwo);
  });

  it("(x**2 + 3)**2 + x at x = 1.5: two paths summed, 32.5", () => {
    const t = new Tape();
    const x = t.input(1.5);
    const z = t.add(t.powConst(t.add(t.powConst(x, 2), t.const(3)), 2), x);
    t.backward(z);
    expect(t.gradient(x)).toBe(32.5);
  });

  it("x * x at x = -4: -8, with two edges from x", () => {
    const t = new Tape();
    const x = t.input(-4);
    const y = t.mul(x, x);
    expect(t.inputsOf(y)).toEqual([x, x]);
    t.backward(y);
    expect(t.gradient(x)).toBe(-8);
  });

  it("y = y + y thirty times: 2^30, one visit per node", () => {
    const t = new Tape();
    const x = t.input(1);
    let y = x;
    for (let i = 0; i < 30; i++) y = t.add(y, y);
    expect(t.n).toBe(31);
    t.backward(y);
    expect(t.value(y)).toBe(2 ** 30);
    expect(t.gradient(x)).toBe(2 ** 30);
  });

  it("a chain of 10^6 ops back-propagates without stack overflow", () => {
    const t = new Tape();
    const x = t.input(0.3), w = t.param(0.999999);
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = t.mul(y, w);
    expect(t.n).toBe(1_000_002);
    t.backward(y);
    // A million roundings: relative agreement to 1e-9 with the closed forms.
    const dx = 0.999999 ** 1e6, dw = 1e6 * 0.3 * 0.999999 ** (1e6 - 1);
    expect(Math.abs(t.gradient(x) - dx)).toBeLessThan(1e-9 * dx);
    expect(Math.abs(t.gradient(w) - dw)).toBeLessThan(1e-9 * dw);
  });
});

describe("backward", () => {
  function record(t: Tape): { x: number; y: number; z: number } {
    const x = t.input(0.7), y = t.input(-1.2);
    const z = t.add(t.mul(t.sin(x), y), t.exp(t.mul(x, y)));
    return { x, y, z };
  }

  it("twice gives the same gradients (no silent accumulation); accumulate = true doubles them", () => {
    const t = new Tape();
    const { x, y, z } = record(t);
    t.backward(z);
    const first = [t.gradient(x), t.gradient(y)];
    expect(first[0]).toBeCloseTo(Math.cos(0.7) * -1.2 + -1.2 * Math.exp(-0.84), 14);
    t.backward(z);
    expect([t.gradient(x), t.gradient(y)]).toEqual(first);
    t.backward(z, true);
    expect([t.gradient(x), t.gradient(y)]).toEqual(first.map((g) => 2 * g));
    t.backward(z, true);
    expect([t.gradient(x), t.gradient(y)]).toEqual(first.map((g) => 3 * g));
    expect(t.gradient(z)).toBe(3);
  });

  it("nodes the target does not depend on get gradient 0, also after an earlier backward", () => {
    const t = new Tape();
    const a = t.input(2), b = t.input(3);
    const p = t.mul(a, b), q = t.add(a, t.const(1));
    t.backward(p);
    expect(t.gradient(b)).toBe(2);
    t.backward(q);
    expect([t.gradient(a), t.gradient(b), t.gradient(p)]).toEqual([1, 0, 0]);
  });

  it("subnormal gradients are flushed to zero, normal tiny ones are kept", () => {
    const t = new Tape();
    const x = t.input(1);
    const y = t.mul(x, t.const(1e-200));
    const z = t.mul(y, t.const(1e-200));
    t.backward(z);
    expect(t.gradient(y)).toBe(1e-200);
    expect(t.gradient(x)).toBe(0);
    const u = new Tape();
    const a = u.input(1);
    const b = u.mul(a, u.const(1e-150));
    u.backward(u.mul(b, u.const(1e-150)));
    expect(u.gradient(a)).toBe(1e-300);
  });
});

describe("replay", () => {
  it("setValue + recompute equals re-recording, for every op", () => {
    const build = (t: Tape, a: number, b: number): { leaves: number[]; out: number } => {
      const x = t.input(a), y = t.input(b);
      const terms = [
        t.add(x, y), t.sub(x, y), t.mul(x, y), t.div(x, y), t.mod(x, y), t.pow(t.abs(x), y), t.powConst(x, 3),
        t.neg(x), t.exp(y), t.log(t.abs(y)), t.sqrt(t.abs(x)), t.sin(x), t.cos(y), t.tan(x), t.tanh(y),
        t.sigmoid(x), t.relu(y), t.linear([x, y], [y, x], x),
      ];
      return { leaves: [x, y], out: t.sum(terms) };
    };
    const replayed = new Tape();
    const r = build(replayed, 0.4, 1.3);
    replayed.setValue(r.leaves[0], -0.9);
    replayed.setValue(r.leaves[1], 2.2);
    replayed.recompute();
    replayed.backward(r.out);
    const fresh = new Tape();
    const f = build(fresh, -0.9, 2.2);
    expect(replayed.n).toBe(fresh.n);
    expect(Array.from(replayed.val.subarray(0, replayed.n))).toEqual(Array.from(fresh.val.subarray(0, fresh.n)));
    expect(Array.from(replayed.local.subarray(0, replayed.edges))).toEqual(Array.from(fresh.local.subarray(0, fresh.edges)));
    expect(Array.from(replayed.flags.subarray(0, replayed.n))).toEqual(Array.from(fresh.flags.subarray(0, fresh.n)));
    fresh.backward(f.out);
    expect(Array.from(replayed.grad.subarray(0, replayed.n))).toEqual(Array.from(fresh.grad.subarray(0, fresh.n)));
  });

  it("ParamStore.scatter + recompute equals re-recording with the new values; gather sums shared leaves", () => {
    const store = new ParamStore();
    const w = store.add(0.5, "w"), b = store.add(-0.25, "b");
    const build = (t: Tape): number => {
      const terms: number[] = [];
      for (const x of [1, 2, 3]) terms.push(t.powConst(t.sub(t.tanh(t.add(t.mul(store.leaf(t, w), t.input(x)), store.leaf(t, b))), t.const(0.5)), 2));
      return t.sum(terms);
    };
    const t = new Tape();
    const out = build(t);
    store.values[w] = 1.5;
    store.values[b] = 0.75;
    store.scatter(t);
    t.recompute();
    t.backward(out);
    store.gather(t);
    const replayedGrads = [store.grads[w], store.grads[b]];
    const u = new Tape();
    const out2 = build(u);
    u.backward(out2);
    store.gather(u);
    expect(t.value(out)).toBe(u.value(out2));
    expect(replayedGrads).toEqual([store.grads[w], store.grads[b]]);
    // Three leaves per parameter, one per sample: gather must sum them.
    let sum = 0;
    for (let i = 0; i < u.n; i++) if (u.op[i] === Op.Param && u.aux[i] === w) sum += u.grad[i];
    expect(store.grads[w]).toBe(sum);
  });
});

describe("tape bookkeeping", () => {
  it("records groups, names and source ranges; truncate and clear forget nodes", () => {
    const t = new Tape(4, 4);
    t.at(3, 9);
    const x = t.input(2, "x");
    const g = t.beginGroup("call", "f(2)");
    const y = t.mul(x, x);
    t.endGroup();
    t.at(-1, -1);
    const z = t.add(y, t.const(1));
    for (let i = 0; i < 100; i++) t.neg(z); // growth keeps everything
    expect(t.source(x)).toEqual({ start: 3, end: 9 });
    expect(t.source(z)).toBeUndefined();
    expect(t.group[y]).toBe(g);
    expect(t.group[z]).toBe(-1);
    expect(t.groups[g]).toEqual({ kind: "call", label: "f(2)", parent: -1 });
    expect(t.names.get(x)).toBe("x");
    expect(t.value(y)).toBe(4);
    t.truncate(y + 1);
    expect(t.n).toBe(y + 1);
    expect(t.edges).toBe(2);
    t.clear();
    expect([t.n, t.edges, t.names.size, t.groups.length]).toEqual([0, 0, 0, 0]);
    const a = t.input(5);
    expect(a).toBe(0);
  });
});

describe("Value", () => {
  it("reads like micrograd and gives the tape's gradients", () => {
    const x = Value.of(53, "x");
    const y = new Value(x.tape, x.tape.input(-17, "y"));
    const z = x.pow(2).add(3).pow(2).add(y);
    z.backward();
    expect([z.data, x.grad, y.grad]).toEqual([7907327, 596144, 1]);
    expect(x.tape.op[x.pow(2).id]).toBe(Op.PowConst);
    expect(x.tape.op[x.pow(y).id]).toBe(Op.Pow);
  });

  it("covers every op and sums", () => {
    const a = Value.param(0.6, "a");
    const b = new Value(a.tape, a.tape.input(-1.1));
    const parts = [a.sub(b), a.mul(b), a.div(b), a.mod(0.25), a.neg(), a.exp(), a.log(), a.sqrt(), a.sin(), a.cos(),
      a.tan(), a.tanh(), a.sigmoid(), b.relu(), b.abs()];
    const s = sumValues(parts);
    s.backward();
    const expected = 1 + -1.1 + 1 / -1.1 + 1 - 1 + Math.exp(0.6) + 1 / 0.6 + 0.5 / Math.sqrt(0.6) + Math.cos(0.6)
      - Math.sin(0.6) + 1 / Math.cos(0.6) ** 2 + 1 - Math.tanh(0.6) ** 2
      + Math.exp(-0.6) / (1 + Math.exp(-0.6)) ** 2;
    expect(a.grad).toBeCloseTo(expected, 12);
    expect(String(a)).toContain("data=0.6");
  });

  it("valuesOn() makes leaves on one tape; x * x has two edges and gradient 2x", () => {
    const v = valuesOn();
    const x = v(-4, "x");
    const y = x.mul(x);
    y.backward();
    expect(x.grad).toBe(-8);
    expect(y.tape.inputsOf(y.id)).toEqual([x.id, x.id]);
    expect(x.tape.names.get(x.id)).toBe("x");
  });

  it("refuses operands from different tapes", () => {
    expect(() => Value.of(1).add(Value.of(2))).toThrow(/different tapes/);
  });
});
