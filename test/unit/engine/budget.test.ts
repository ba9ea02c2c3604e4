// Runs in vitest (Node): the engine's budget. A tape with one checks each tensor op's cost (the op table's rule) and
// each allocation before making it, and its node and edge arrays grow no further than the budget allows.
import { describe, expect, it } from "vitest";
import { Budget, BudgetError, Tape, sizeOf } from "../../../src/engine";

function budgeted(limits: Partial<Budget["limits"]> = {}): Tape {
  const t = new Tape();
  t.budget = new Budget({ maxElements: Infinity, maxOps: Infinity, maxNodes: Infinity, ...limits });
  return t;
}

function thrown(f: () => unknown): BudgetError {
  try {
    f();
  } catch (e) {
    if (e instanceof BudgetError) return e;
    throw e;
  }
  throw new Error("expected a BudgetError");
}

describe("the cost rule of each tensor op", () => {
  it("an elementwise op counts its result's size (after broadcasting), a matmul n·k·m, a reduction its input's size", () => {
    const t = budgeted(), b = t.budget as Budget;
    const col = t.tensorConst({ shape: [30, 1], data: new Float64Array(30) }), row = t.tensorConst({ shape: [1, 20], data: new Float64Array(20) });
    let before = b.ops;
    const m = t.add(col, row);
    expect(b.ops - before).toBe(600);
    before = b.ops;
    t.matmul(m, t.tensorConst({ shape: [20, 7], data: new Float64Array(140) }));
    expect(b.ops - before).toBe(30 * 20 * 7);
    before = b.ops;
    t.sum(m, 0);
    expect(b.ops - before).toBe(600);
    before = b.ops;
    t.exp(m);
    expect(b.ops - before).toBe(600);
  });
});

describe("a tape with a budget", () => {
  it("refuses a matmul over the operation bound before allocating or running it", () => {
    const t = budgeted({ maxOps: 1e6 });
    const a = t.tensorConst({ shape: [200, 200], data: new Float64Array(40000) });
    const n = t.n, elements = (t.budget as Budget).elements;
    const e = thrown(() => t.matmul(a, a));
    expect([e.kind, e.what, e.amount, e.limit]).toEqual(["ops", "matmul", 8e6, 1e6]);
    expect(t.n).toBe(n);
    expect((t.budget as Budget).elements).toBe(elements);
  });

  it("refuses a tensor over the element bound before allocating it", () => {
    const t = budgeted({ maxElements: 1000 });
    const e = thrown(() => t.tensorConst({ shape: [40, 40], data: new Float64Array(1600) }));
    expect([e.kind, e.amount, e.used, e.limit]).toEqual(["elements", 1600, 0, 1000]);
    expect(t.n).toBe(0);
  });

  it("counts elements over the whole evaluation: many tensors that fit one by one do not fit together", () => {
    const t = budgeted({ maxElements: 10_000 });
    const a = t.tensorConst({ shape: [30, 30], data: new Float64Array(900) });
    const e = thrown(() => {
      for (let k = 0; k < 100; k++) t.neg(a);
    });
    expect(e.kind).toBe("elements");
    expect(e.used + e.amount).toBeGreaterThan(10_000);
    expect((t.budget as Budget).elements).toBeLessThanOrEqual(10_000);
  });

  it("stops its node arrays a little past the node bound instead of doubling past it", () => {
    const t = budgeted({ maxNodes: 5000 });
    let x = t.input(1, "x");
    const e = thrown(() => {
      for (let k = 0; k < 1e6; k++) x = t.add(x, x);
    });
    expect(e.kind).toBe("nodes");
    expect(t.n).toBeGreaterThan(5000);
    expect(t.op.length).toBeLessThanOrEqual(5016);
  });

  it("counts its growing node and edge arrays as elements allocated", () => {
    const t = budgeted();
    const xs = Array.from({ length: 5000 }, (_, k) => t.input(k));
    t.sum(xs);
    expect((t.budget as Budget).elements).toBeGreaterThanOrEqual(5000 + 5000);
  });

  it("with no budget, nothing is counted or refused (the engine's own users)", () => {
    const t = new Tape();
    const a = t.tensorConst({ shape: [300, 300], data: new Float64Array(90000) });
    expect(sizeOf(t.shape(t.matmul(a, a)))).toBe(90000);
  });
});
