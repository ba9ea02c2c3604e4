// Runs in vitest (Node): Neuron/Layer/MLP: parameter names and init order, tape groups, shared leaves, plain
// predictions that match the tape bit for bit, and gradients that pass a gradient check.
import { describe, expect, it } from "vitest";
import { gradcheck } from "../../../src/engine/gradcheck";
import { sse } from "../../../src/engine/losses";
import { MLP, activations, defaultInit } from "../../../src/engine/nn";
import { Op } from "../../../src/engine/op";
import { ParamStore } from "../../../src/engine/params";
import { Rng } from "../../../src/engine/rng";
import { Tape } from "../../../src/engine/tape";

describe("MLP", () => {
  it("names parameters L1.N2.w[0] and L1.N2.b, layer by layer, weights then bias", () => {
    const m = new MLP(2, [2, 1]);
    expect(m.store.names).toEqual([
      "L1.N1.w[0]", "L1.N1.w[1]", "L1.N1.b", "L1.N2.w[0]", "L1.N2.w[1]", "L1.N2.b", "L2.N1.w[0]", "L2.N1.w[1]", "L2.N1.b",
    ]);
    expect(m.parameters()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([m.nin, m.nout]).toEqual([2, 1]);
  });

  it("fromSizes takes the notation's sizes, input size first", () => {
    const m = MLP.fromSizes([2, 2, 1], { seed: 1 });
    expect([m.nin, m.layers.length, m.nout]).toEqual([2, 2, 1]);
    expect(Array.from(m.store.snapshot())).toEqual(Array.from(new MLP(2, [2, 1], { seed: 1 }).store.snapshot()));
    expect(() => MLP.fromSizes([2])).toThrow(/input size and at least one layer/);
  });

  it("uniform01 draws rng.next() in that order, like the tutorial's random.random()", () => {
    const m = new MLP(2, [2, 1], { seed: 5 });
    const r = new Rng(5);
    expect(Array.from(m.store.snapshot())).toEqual(Array.from({ length: 9 }, () => r.next()));
    const shared = new Rng(5), store = new ParamStore();
    new MLP(2, [1], { rng: shared }, store);
    expect(shared.next()).toBe(new MLP(2, [2, 1], { seed: 5 }).store.values[3]);
  });

  it("other inits: uniform in [-1, 1), normal, xavier within its bound with zero biases", () => {
    const u = new MLP(3, [8, 4], { init: "uniform", seed: 2 }).store.snapshot();
    expect(u.every((v) => v >= -1 && v < 1)).toBe(true);
    expect(u.some((v) => v < 0)).toBe(true);
    const n = new MLP(3, [8, 4], { init: "normal", seed: 2 }).store.snapshot();
    expect(Array.from(n)).toEqual(Array.from(new MLP(3, [8, 4], { init: "normal", seed: 2 }).store.snapshot()));
    expect(n.some((v) => Math.abs(v) > 1)).toBe(true);
    const x = new MLP(3, [8, 4], { init: "xavier", seed: 2 });
    x.store.names.forEach((name, slot) => {
      const v = x.store.values[slot];
      if (name.endsWith(".b")) expect(v).toBe(0);
      else if (name.startsWith("L1.")) expect(Math.abs(v)).toBeLessThanOrEqual(Math.sqrt(6 / (3 + 8)));
      else expect(Math.abs(v)).toBeLessThanOrEqual(Math.sqrt(6 / (8 + 4)));
    });
  });

  it("records one Linear node per neuron, then its activation, inside layer and neuron groups", () => {
    const m = new MLP(2, [3, 1], { activation: "tanh", output: "sigmoid" });
    const t = new Tape();
    const out = m.forward(t, [t.input(1), t.input(0)]);
    expect(out).toHaveLength(1);
    let linears = 0;
    for (let i = 0; i < t.n; i++) if (t.op[i] === Op.Linear) linears++;
    expect(linears).toBe(4);
    expect(t.op[out[0]]).toBe(Op.Sigmoid);
    expect(t.groups.map((g) => `${g.kind}:${g.label}`)).toEqual([
      "layer:L1", "neuron:L1.N1", "neuron:L1.N2", "neuron:L1.N3", "layer:L2", "neuron:L2.N1",
    ]);
    expect(t.groups[1].parent).toBe(0);
    expect(t.groups[5].parent).toBe(4);
    expect(t.groups[t.group[out[0]]].label).toBe("L2.N1");
    // Every Param leaf sits in its neuron's group and carries its name.
    for (let i = 0; i < t.n; i++) {
      if (t.op[i] !== Op.Param) continue;
      expect(t.names.get(i)?.startsWith(t.groups[t.group[i]].label + ".")).toBe(true);
    }
  });

  it("linear output records no activation node; sizes are checked", () => {
    const m = new MLP(1, [1], { output: "linear" });
    const t = new Tape();
    const [y] = m.forward(t, [t.input(2)]);
    expect(t.op[y]).toBe(Op.Linear);
    expect(() => new MLP(0, [1])).toThrow(RangeError);
    expect(() => new MLP(2, [])).toThrow(RangeError);
    expect(() => new MLP(2, [2.5])).toThrow(RangeError);
    expect(() => m.forward(t, [])).toThrow(/inputs/);
  });

  it("bind() shares one leaf per parameter across samples, with the same values and summed gradients", () => {
    const m = new MLP(2, [2, 1], { seed: 3 });
    const rows = [[0, 1, 1], [1, 1, 0]];
    const fresh = new Tape(), shared = new Tape();
    const lossOf = (t: Tape, bound?: Int32Array): number =>
      sse(t, rows.map(([p, q]) => m.forward(t, [t.input(p), t.input(q)], bound)[0]), rows.map((r) => r[2]));
    const a = lossOf(fresh), b = lossOf(shared, m.bind(shared));
    expect(shared.value(b)).toBe(fresh.value(a));
    fresh.backward(a);
    shared.backward(b);
    const store = m.store;
    store.gather(fresh);
    const g1 = store.snapshot().map((_, i) => store.grads[i]);
    store.gather(shared);
    const g2 = store.snapshot().map((_, i) => store.grads[i]);
    g1.forEach((g, i) => expect(Math.abs(g - g2[i])).toBeLessThan(1e-15));
    let params = 0;
    for (let i = 0; i < shared.n; i++) if (shared.op[i] === Op.Param) params++;
    expect(params).toBe(9);
    // A new binding (other leaf ids, here after a padding node) and a fresh-leaf call after it both stay right.
    const other = new Tape();
    other.const(0);
    const c = lossOf(other, m.bind(other));
    expect(other.value(c)).toBe(fresh.value(a));
    const again = new Tape();
    expect(again.value(lossOf(again))).toBe(fresh.value(a));
  });

  it("predict() equals the tape's forward value bit for bit, for every activation", () => {
    for (const activation of activations) {
      const m = new MLP(2, [4, 3, 2], { activation, init: "normal", seed: 11 });
      for (const [p, q] of [[0.3, -1.2], [2, 0.5], [0, 0]]) {
        const t = new Tape();
        const out = m.forward(t, [t.input(p), t.input(q)]);
        expect(m.predict([p, q])).toEqual(out.map((id) => t.value(id)));
      }
    }
  });

  it("gradients of an MLP loss pass a gradient check against central differences", () => {
    for (const activation of ["sigmoid", "tanh"] as const) {
      const m = new MLP(2, [3, 1], { activation, init: "uniform", seed: 4 });
      const slots = m.parameters();
      const report = gradcheck((t, inputs) => {
        const bound = new Int32Array(m.store.size);
        slots.forEach((s, k) => (bound[s] = inputs[k]));
        const preds = [[0, 1], [1, 0], [1, 1]].map(([p, q]) => m.forward(t, [t.const(p), t.const(q)], bound)[0]);
        return sse(t, preds, [1, 1, 0]);
      }, Array.from(m.store.snapshot()), { names: m.store.names });
      expect(report.rows).toHaveLength(13);
      expect(report.pass).toBe(true);
      expect(report.rows.every((r) => r.absError < 1e-8)).toBe(true);
    }
  });
});

describe("defaultInit (issue 15)", () => {
  it("the tutorial's own nets keep uniform [0, 1); wider or deeper ones get Glorot, relu ones He", () => {
    expect(defaultInit("sigmoid", "sigmoid", [2, 1])).toBe("uniform01");
    expect(defaultInit("sigmoid", "sigmoid", [1])).toBe("uniform01");
    expect(defaultInit("sigmoid", "sigmoid", [3, 1])).toBe("xavier");
    expect(defaultInit("sigmoid", "sigmoid", [2, 2, 1])).toBe("xavier");
    expect(defaultInit("tanh", "sigmoid", [2, 1])).toBe("xavier");
    expect(defaultInit("tanh", "sigmoid", [16, 16, 1])).toBe("xavier");
    expect(defaultInit("relu", "sigmoid", [16, 16, 1])).toBe("he");
  });

  it("He: weights within ±√(6/fan-in), biases 0; an MLP without init takes the default", () => {
    const m = new MLP(2, [16, 1], { activation: "relu", init: "he", seed: 3 });
    const v = m.store.values, names = m.store.names;
    for (let i = 0; i < m.store.size; i++) {
      if (names[i].endsWith(".b")) expect(v[i]).toBe(0);
      else expect(Math.abs(v[i])).toBeLessThanOrEqual(Math.sqrt(6 / (names[i].startsWith("L1") ? 2 : 16)));
    }
    const auto = new MLP(2, [16, 1], { activation: "relu", seed: 3 });
    expect(auto.store.snapshot()).toEqual(m.store.snapshot());
    const tutorial = new MLP(2, [2, 1], { seed: 1 }), explicit = new MLP(2, [2, 1], { seed: 1, init: "uniform01" });
    expect(tutorial.store.snapshot()).toEqual(explicit.store.snapshot());
  });
});
