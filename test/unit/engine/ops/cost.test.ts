// Runs in vitest (Node): the cost rules of the issue-17 ops under a budget (the tape checks them before allocating
// or running an op): a batched matmul counts B·n·k·m, three-input ops their broadcast result, the reductions and the
// softmax family their input; a batched matmul over the bound is refused with nothing recorded.
import { describe, expect, it } from "vitest";
import { Budget, BudgetError } from "../../../../src/engine/budget";
import { Tape } from "../../../../src/engine/tape";

const zeros = (...shape: number[]) => ({ shape, data: new Float64Array(shape.reduce((p, d) => p * d, 1)) });

function budgeted(maxOps = Infinity): Tape {
  const t = new Tape();
  t.budget = new Budget({ maxElements: Infinity, maxOps, maxNodes: Infinity });
  return t;
}

/** The element operations recording f adds. */
function ops(t: Tape, f: () => unknown): number {
  const b = t.budget as Budget, before = b.ops;
  f();
  return b.ops - before;
}

describe("cost rules of the new ops", () => {
  it("count what each op does", () => {
    const t = budgeted(), a = t.tensorConst(zeros(4, 3, 5)), w = t.tensorConst(zeros(5, 2)), m = t.tensorConst(zeros(3, 5));
    expect(ops(t, () => t.matmul(a, w))).toBe(4 * 3 * 5 * 2);
    expect(ops(t, () => t.matmul(a, t.tensorConst(zeros(4, 5, 6))))).toBe(4 * 3 * 5 * 6);
    expect(ops(t, () => t.matmul(m, w))).toBe(3 * 5 * 2);
    expect(ops(t, () => t.transpose(a))).toBe(60);
    expect(ops(t, () => t.where(t.tensorConst(zeros(3, 1)), m, t.tensorConst(zeros(4, 1, 5))))).toBe(60);
    const lo = t.tensorConst(0), hi = t.tensorConst(1);
    expect(ops(t, () => t.clamp(m, lo, hi))).toBe(15);
    expect(ops(t, () => t.maximum(a, m))).toBe(60);
    expect(ops(t, () => t.gt(a, m))).toBe(60);
    expect(ops(t, () => t.gelu(a))).toBe(60);
    expect(ops(t, () => t.max(a, 1))).toBe(60);
    expect(ops(t, () => t.argmax(a))).toBe(60);
    expect(ops(t, () => t.logsumexp(a, -1))).toBe(60);
    expect(ops(t, () => t.softmax(a))).toBe(60);
    expect(ops(t, () => t.logSoftmax(m, 0))).toBe(15);
    expect(ops(t, () => t.crossEntropy(m, t.tensorConst([0, 1, 4])))).toBe(15);
    expect(ops(t, () => t.detach(a))).toBe(60);
  });

  it("refuse a batched matmul over the bound before it allocates or runs", () => {
    const t = budgeted(1e6), a = t.tensorConst(zeros(10, 100, 100)), n = t.n;
    let e: unknown;
    try {
      t.matmul(a, a);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(BudgetError);
    expect([(e as BudgetError).what, (e as BudgetError).amount]).toEqual(["matmul", 1e7]);
    expect(t.n).toBe(n);
  });
});
