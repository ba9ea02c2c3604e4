// Runs in vitest (Node): logsumexp, softmax, logSoftmax, crossEntropy and nll: values against reference values
// (mpmath at 50 digits), finite at logits around ±1,000 where the same formulas built from exp, sum and div overflow,
// and gradients against central differences element by element along every axis (rank 1, 2 and 3).
import { describe, expect, it } from "vitest";
import { Op } from "../../../../src/engine/op";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import { randn, toNested, type TensorData } from "../../../../src/engine/tensor/shape";
import { gradcheck } from "../tensor/check";

const LOGITS = [[1000, 999, 990], [-1000, -1002, -1001.5], [0.5, -0.25, 2]];
const LABELS = [0, 2, 1];
/** mpmath at 50 digits, rounded to doubles. */
const REF = {
  softmax: [
    [0.7310343155951328, 0.26893249549828524, 3.318890658198521e-5],
    [0.7361247243125939, 0.09962364806231833, 0.16425162762508783],
    [0.16795274738848678, 0.07933526030728197, 0.7527119923042312],
  ],
  logSoftmax: [
    [-0.3132948769755688, -1.3132948769755688, -10.313294876975569],
    [-0.30635571222914654, -2.3063557122291467, -1.8063557122291465],
    [-1.7840726046861715, -2.5340726046861715, -0.28407260468617146],
  ],
  lseRows: [1000.3132948769755, -999.6936442877709, 2.2840726046861715],
  lseCols: [1000.0, 999.0, 990.0],
  lseAll: 1000.3132948769755,
  crossEntropy: 1.5512410646302957,
  /** ∂crossEntropy/∂logits: (softmax - one-hot) / 3. */
  ceGrad: [
    [-0.08965522813495574, 0.08964416516609508, 1.1062968860661738e-5],
    [0.24537490810419796, 0.03320788268743944, -0.2785827907916374],
    [0.0559842491294956, -0.30688824656423935, 0.25090399743474373],
  ],
};

function near(actual: number[] | number, expected: number[] | number, tol = 1e-15): void {
  const a = [actual].flat(), e = [expected].flat();
  expect(a.length).toBe(e.length);
  a.forEach((v, k) => expect(Math.abs(v - e[k]), `element ${k}: ${v} vs ${e[k]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e[k]))));
}

const flat = (t: Tape, i: number): number[] => Array.from(t.tensorValue(i));

describe("values at logits around ±1,000", () => {
  it("softmax, logSoftmax and logsumexp equal the references and stay finite", () => {
    const t = new Tape(), x = t.tensorParam(LOGITS);
    near(flat(t, t.softmax(x)), REF.softmax.flat());
    near(flat(t, t.softmax(x, 1)), REF.softmax.flat());
    near(flat(t, t.logSoftmax(x)), REF.logSoftmax.flat());
    near(flat(t, t.logsumexp(x, 1)), REF.lseRows);
    near(flat(t, t.logsumexp(x, -1)), REF.lseRows);
    near(flat(t, t.logsumexp(x, 0)), REF.lseCols);
    near(t.value(t.logsumexp(x)), REF.lseAll);
    expect(t.shape(t.logsumexp(x, 1))).toEqual([3, 1]);
    expect(t.op[t.softmax(x)]).toBe(Op.Softmax);
    const ce = t.crossEntropy(x, t.tensorConst(LABELS));
    near(t.value(ce), REF.crossEntropy);
    t.backward(ce);
    near(Array.from(t.tensorGradient(x)), REF.ceGrad.flat());
    expect(t.firstNonFinite()).toBe(-1);
  });

  it("where exp, sum and div overflow to NaN (why these are ops of their own)", () => {
    const t = new Tape(), e = t.exp(t.tensorInput([[1000, 999]]));
    expect(flat(t, t.div(e, t.sum(e, 1))).every(Number.isNaN)).toBe(true);
  });

  it("gradients at logits around 1,000 are finite and match central differences", () => {
    const big: TensorData = { shape: [3, 3], data: Float64Array.from(LOGITS.flat()) };
    expect(gradcheck([big], (t, [a]) => t.softmax(a))).toBe(9);
    expect(gradcheck([big], (t, [a]) => t.logSoftmax(a, 0))).toBe(9);
    expect(gradcheck([big], (t, [a]) => t.logsumexp(a, 1))).toBe(9);
    expect(gradcheck([big], (t, [a]) => t.crossEntropy(a, t.tensorConst(LABELS)))).toBe(9);
  });

  it("logsumexp of all -Infinity is -Infinity; of +Infinity, +Infinity (no inf - inf)", () => {
    const t = new Tape();
    expect(flat(t, t.logsumexp(t.tensorInput([[-Infinity, -Infinity], [Infinity, 1]]), 1))).toEqual([-Infinity, Infinity]);
  });
});

describe("gradients against central differences", () => {
  const rng = new Rng(23);
  const r = (...shape: number[]): TensorData => ({ shape, data: randn(1, shape.reduce((p, d) => p * d, 1), rng).data });
  const cases: [string, () => TensorData, (number | undefined)[]][] = [
    ["[5]", () => r(5), [0, -1]],
    ["[3,4]", () => r(3, 4), [0, 1, -1]],
    ["[2,3,4]", () => r(2, 3, 4), [0, 1, 2, -1]],
  ];
  for (const [name, leaf, axes] of cases) {
    for (const axis of axes) {
      for (const op of ["softmax", "logSoftmax"] as const) {
        it(`${op} of ${name} along ${axis}`, () => {
          const x = leaf();
          expect(gradcheck([x], (t, [a]) => t[op](a, axis))).toBe(x.data.length);
        });
      }
      it(`logsumexp of ${name} along ${axis}`, () => {
        const x = leaf();
        expect(gradcheck([x], (t, [a]) => t.logsumexp(a, axis))).toBe(x.data.length);
      });
    }
  }

  it("softmax rows sum to 1 along the axis, at every rank", () => {
    const t = new Tape(), s = t.softmax(t.tensorInput(r(2, 3, 4)), 1);
    near(flat(t, t.sum(s, 1)), new Array<number>(8).fill(1), 4e-16);
    expect(t.value(t.sum(t.softmax(t.tensorInput(r(4)))))).toBeCloseTo(1, 15);
  });

  it("crossEntropy and nll of [n, c] scores, and of one row [c] with a rank-0 label", () => {
    const labels = [2, 0, 1, 2];
    expect(gradcheck([r(4, 3)], (t, [a]) => t.crossEntropy(a, t.tensorConst(labels)))).toBe(12);
    expect(gradcheck([r(4, 3)], (t, [a]) => t.nll(t.logSoftmax(a), t.tensorConst(labels)))).toBe(12);
    expect(gradcheck([r(4, 3)], (t, [a]) => t.nll(a, t.tensorConst(labels)))).toBe(12);
    expect(gradcheck([r(5)], (t, [a]) => t.crossEntropy(a, t.const(3)))).toBe(5);
  });
});

describe("crossEntropy and nll", () => {
  it("crossEntropy equals nll of logSoftmax, and mean over rows of -log softmax at the labels", () => {
    const t = new Tape(), x = t.tensorInput([[0.3, -1, 2], [1.5, 0.2, -0.7]]), y = t.tensorConst([2, 0]);
    const ce = t.value(t.crossEntropy(x, y));
    expect(ce).toBeCloseTo(t.value(t.nll(t.logSoftmax(x), y)), 15);
    const p = toNested(t.tensorData(t.softmax(x))) as number[][];
    expect(ce).toBeCloseTo(-(Math.log(p[0][2]) + Math.log(p[1][0])) / 2, 14);
    expect(t.value(t.nll(x, y))).toBe(-(2 + 1.5) / 2);
    expect(t.shape(t.crossEntropy(x, y))).toEqual([]);
  });

  it("labels get no gradient; a bad label or shape is an error naming it", () => {
    const t = new Tape(), x = t.tensorParam([[0.3, -1, 2], [1.5, 0.2, -0.7]]), y = t.tensorParam([2, 0]);
    t.backward(t.crossEntropy(x, y));
    expect(Array.from(t.tensorGradient(y))).toEqual([0, 0]);
    expect(() => t.crossEntropy(x, t.tensorConst([2, 3]))).toThrow("crossEntropy: label 3 of row 1 is not a class index in 0..2");
    expect(() => t.nll(x, t.tensorConst([0.5, 1]))).toThrow("nll: label 0.5 of row 0 is not a class index in 0..2");
    expect(() => t.crossEntropy(x, t.tensorConst([1, 2, 0]))).toThrow("crossEntropy: scores [2,3] and labels [3] do not match");
    expect(() => t.crossEntropy(x, t.tensorConst([[1], [2]]))).toThrow("labels [2,1] do not match");
  });
});
