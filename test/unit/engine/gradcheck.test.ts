// Runs in vitest (Node): the gradient check: passes where it should, fails where it should, notes the
// non-differentiable points, draws the error-versus-eps curve, and checks hand-written derivatives.
import { describe, expect, it } from "vitest";
import { EPS_SWEEP, checkDerivative, closeEnough, errorVsEps, gradcheck, plain } from "../../../src/engine/gradcheck";
import type { Tape } from "../../../src/engine/tape";

/** A curved function of two inputs: f = exp(x) sin(y) + x³ y. */
const curved = (t: Tape, [x, y]: number[]): number =>
  t.add(t.mul(t.exp(x), t.sin(y)), t.mul(t.powConst(x, 3), y));

describe("gradcheck", () => {
  it("passes at eps 1e-6 with PyTorch's tolerances and reports every input", () => {
    const r = gradcheck(curved, [0.8, 1.3], { names: ["x", "y"] });
    expect(r.pass).toBe(true);
    expect([r.eps, r.atol, r.rtol]).toEqual([1e-6, 1e-5, 1e-3]);
    expect(r.value).toBeCloseTo(Math.exp(0.8) * Math.sin(1.3) + 0.8 ** 3 * 1.3, 14);
    expect(r.rows.map((row) => row.name)).toEqual(["x", "y"]);
    const [dx, dy] = [Math.exp(0.8) * Math.sin(1.3) + 3 * 0.64 * 1.3, Math.exp(0.8) * Math.cos(1.3) + 0.512];
    expect(r.rows[0].analytic).toBeCloseTo(dx, 13);
    expect(r.rows[1].analytic).toBeCloseTo(dy, 13);
    for (const row of r.rows) {
      expect(row.absError).toBeLessThan(1e-8);
      expect(row.relError).toBe(row.absError / Math.abs(row.numeric));
      expect(row.note).toBe("");
    }
  });

  it("fails at eps 0.5 on the same curved function (truncation error)", () => {
    const r = gradcheck(curved, [0.8, 1.3], { eps: 0.5 });
    expect(r.pass).toBe(false);
    expect(r.rows.some((row) => !row.pass && row.absError > 1e-2)).toBe(true);
  });

  it("pass means |a - n| <= atol + rtol |n|", () => {
    expect(closeEnough(1.001, 1, 1e-5, 1e-3)).toBe(true);
    expect(closeEnough(1.0011, 1, 1e-5, 1e-3)).toBe(false);
    expect(closeEnough(NaN, 1, 1e-5, 1e-3)).toBe(false);
  });

  it("notes relu and abs at 0 and undefined pow derivatives, only on the inputs they concern", () => {
    const r = gradcheck((t, [x, y, z]) => t.add(t.add(t.relu(x), t.abs(y)), t.pow(t.neg(t.abs(x)), z)), [0, 0, 2],
      { names: ["x", "y", "z"] });
    expect(r.rows[0].note).toMatch(/relu at 0/);
    expect(r.rows[1].note).toMatch(/abs at 0/);
    expect(r.rows[1].note).not.toMatch(/pow|a \*\* b/);
    expect(r.rows[2].note).toMatch(/d\/db undefined/);
    expect(r.rows[0].note).not.toMatch(/d\/db/);
    // abs at 0 by central differences is 0, matching the convention; relu is 1/2, so that row fails, with a note.
    expect(r.rows[1].pass).toBe(true);
    expect(r.rows[0].numeric).toBeCloseTo(0.5, 9);
    expect(r.rows[0].pass).toBe(false);
  });

  it("notes a tie or a bound with its op's convention: max splits the gradient, clamp gives it to x", () => {
    const r = gradcheck((t, [x, y, z]) => t.add(t.max([x, y]), t.clamp(z, t.const(-1), t.const(1))), [2, 2, 1],
      { names: ["x", "y", "z"] });
    expect(r.rows.map((row) => row.analytic)).toEqual([0.5, 0.5, 1]);
    expect(r.rows[0].note).toBe("max at a tie: not differentiable, the gradient is split equally between the tied inputs");
    expect(r.rows[2].note).toBe("clamp at a bound: not differentiable, the gradient goes to x (as PyTorch)");
    // At a tie central differences see the average slope too: max's rows pass; clamp's one-sided kink gives 1/2.
    expect(r.rows[0].pass && r.rows[1].pass).toBe(true);
    expect(r.rows[2].numeric).toBeCloseTo(0.5, 9);
  });

  it("flags NaN and Infinity rows as failures with a note", () => {
    const r = gradcheck((t, [x]) => t.sqrt(x), [0]);
    expect(r.rows[0].pass).toBe(false);
    expect(r.rows[0].note).toMatch(/NaN or Infinity/);
  });

  it("uses the same recording for the numeric side, or a given plain function", () => {
    // A data-dependent branch taken at record time is replayed, so both sides see the same piece.
    const branchy = (t: Tape, [x]: number[]): number => (t.value(x) > 0 ? t.mul(x, x) : t.neg(x));
    expect(gradcheck(branchy, [1e-7], { eps: 1e-6 }).pass).toBe(true);
    const wrong = gradcheck(curved, [0.8, 1.3], { numeric: ([x, y]) => Math.exp(x) * Math.sin(y) });
    expect(wrong.rows.map((row) => row.pass)).toEqual([false, false]);
    const right = gradcheck(curved, [0.8, 1.3], { numeric: ([x, y]) => Math.exp(x) * Math.sin(y) + x ** 3 * y });
    expect(right.pass).toBe(true);
  });

  it("errorVsEps: truncation error falls, round-off error rises, the best eps is in between", () => {
    const { points, best } = errorVsEps(curved, [0.8, 1.3]);
    expect(points.map((p) => p.eps)).toEqual(EPS_SWEEP);
    expect(EPS_SWEEP[0]).toBe(0.1);
    expect(EPS_SWEEP[11]).toBeCloseTo(1e-12, 25);
    expect(best.error).toBe(Math.min(...points.map((p) => p.error)));
    expect(best.eps).toBeLessThan(1e-3);
    expect(best.eps).toBeGreaterThan(1e-9);
    expect(points[0].error).toBeGreaterThan(100 * best.error);
    expect(points[11].error).toBeGreaterThan(100 * best.error);
    // Central differences: the truncation error shrinks about 100x per decade while it dominates.
    expect(points[0].error / points[1].error).toBeGreaterThan(50);
  });

  it("checkDerivative compares a hand-written derivative with the numeric one, per input", () => {
    const f = ([x, y]: number[]): number => x * x * y + Math.sin(y);
    const good = checkDerivative(f, ([x, y]) => [2 * x * y, x * x + Math.cos(y)], [1.5, -0.4], { names: ["x", "y"] });
    expect(good.pass).toBe(true);
    expect(good.value).toBe(f([1.5, -0.4]));
    const bad = checkDerivative(f, ([x, y]) => [2 * x * y, x * x - Math.cos(y)], [1.5, -0.4]);
    expect(bad.rows.map((r) => r.pass)).toEqual([true, false]);
    const one = checkDerivative(([x]) => Math.tanh(x), ([x]) => 1 - Math.tanh(x) ** 2, [0.3]);
    expect(one.pass).toBe(true);
    expect(() => checkDerivative(f, () => [1], [1, 2])).toThrow(/1 derivatives for 2 inputs/);
  });

  it("plain() evaluates a tape function on numbers", () => {
    const g = plain(curved);
    expect(g([0.8, 1.3])).toBe(Math.exp(0.8) * Math.sin(1.3) + 0.8 ** 3 * 1.3);
    const big = plain((t, [x]) => {
      let y = x;
      for (let i = 0; i < 5000; i++) y = t.add(y, t.const(1));
      return y;
    });
    expect(big([1])).toBe(5001);
  });
});
