// Runs in vitest (Node): a central-difference gradient check for tensor graphs on the tape, element by element.
// The graph is re-recorded from scratch for every perturbed value, so the check does not lean on the tape's replay.
import { expect } from "vitest";
import { Rng } from "../../../../src/engine/rng";
import { Tape } from "../../../../src/engine/tape";
import type { TensorData } from "../../../../src/engine/tensor/shape";

export type Build = (t: Tape, leaves: number[]) => number;

const H = 1e-6;

/**
 * Checks ∂L/∂leaf for every element of every leaf, where L = Σ out ⊙ W with W a fixed random weighting (so a
 * transposed or misplaced gradient element cannot pass by symmetry). Returns the number of elements checked.
 */
export function gradcheck(leaves: TensorData[], build: Build, seed = 7): number {
  const weights = (t: Tape, out: number): number => {
    const rng = new Rng(seed), n = t.isTensor(out) ? t.tensorValue(out).length : 1;
    const w = new Float64Array(n);
    for (let k = 0; k < n; k++) w[k] = rng.uniform(0.5, 1.5) * (k % 2 ? -1 : 1);
    return t.sum(t.mul(out, t.tensorConst({ shape: t.shape(out), data: w })));
  };
  const loss = (vals: TensorData[]): number => {
    const t = new Tape();
    const ids = vals.map((v) => t.tensorParam(v));
    return t.value(weights(t, build(t, ids)));
  };
  const t = new Tape();
  const ids = leaves.map((v) => t.tensorParam(v));
  const l = weights(t, build(t, ids));
  t.backward(l);
  let checked = 0;
  leaves.forEach((leaf, li) => {
    const g = t.tensorGradient(ids[li]);
    expect(g.length).toBe(leaf.data.length);
    for (let k = 0; k < leaf.data.length; k++) {
      const plus = leaves.map((v) => ({ shape: v.shape, data: v.data.slice() }));
      const minus = leaves.map((v) => ({ shape: v.shape, data: v.data.slice() }));
      plus[li].data[k] += H;
      minus[li].data[k] -= H;
      const num = (loss(plus) - loss(minus)) / (2 * H);
      const err = Math.abs(num - g[k]);
      if (!Number.isFinite(num) || !(err <= 1e-6 + 1e-6 * Math.abs(num))) {
        expect.fail(`leaf ${li} element ${k}: backprop ${g[k]}, central difference ${num}`);
      }
      checked++;
    }
  });
  return checked;
}
