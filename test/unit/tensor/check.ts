// Runs in vitest (Node): a central-difference gradient check for tensor graphs, element by element, on either
// backend: the TensorTape alone, or tensor nodes on the scalar Tape (tape.tensors). The graph is re-recorded from
// scratch for every perturbed value, so the check does not lean on the tape's replay.
import { expect } from "vitest";
import { Rng } from "../../../src/engine/rng";
import { Tape } from "../../../src/engine/tape";
import { TensorTape, type TensorData } from "../../../src/engine/tensor";

/** The ops both backends offer with the same signatures. */
export type Ops = Pick<TensorTape,
  "matmul" | "transpose" | "add" | "sub" | "mul" | "div" | "neg" | "exp" | "log" | "tanh" | "sigmoid" | "relu" |
  "pow" | "sum" | "mean" | "reshape" | "row" | "constant" | "param" | "input" | "shapeOf" | "value" | "scalar">;

export type Build = (t: Ops, leaves: number[]) => number;
export type Backend = "tensor-tape" | "tape";

const H = 1e-6;

interface Run {
  ops: Ops;
  backward(out: number): void;
  item(out: number): number;
  gradient(id: number): Float64Array;
}

function open(backend: Backend): Run {
  if (backend === "tensor-tape") {
    const t = new TensorTape();
    return { ops: t, backward: (o) => t.backward(o), item: (o) => t.item(o), gradient: (i) => t.gradient(i) };
  }
  const tape = new Tape(), t = tape.tensors;
  return { ops: t, backward: (o) => tape.backward(o), item: (o) => tape.value(o), gradient: (i) => t.gradient(i) };
}

/**
 * Checks ∂L/∂leaf for every element of every leaf, where L = Σ out ⊙ W with W a fixed random weighting (so a
 * transposed or misplaced gradient element cannot pass by symmetry). Returns the number of elements checked.
 */
export function gradcheck(leaves: TensorData[], build: Build, seed = 7, backend: Backend = "tensor-tape"): number {
  const weights = (t: Ops, out: number): number => {
    const rng = new Rng(seed), n = t.value(out).length;
    const w = new Float64Array(n);
    for (let k = 0; k < n; k++) w[k] = rng.uniform(0.5, 1.5) * (k % 2 ? -1 : 1);
    return t.sum(t.mul(out, t.constant({ shape: t.shapeOf(out), data: w })));
  };
  const loss = (vals: TensorData[]): number => {
    const r = open(backend);
    const ids = vals.map((v) => r.ops.param(v));
    return r.item(weights(r.ops, build(r.ops, ids)));
  };
  const r = open(backend);
  const ids = leaves.map((v) => r.ops.param(v));
  const l = weights(r.ops, build(r.ops, ids));
  r.backward(l);
  let checked = 0;
  leaves.forEach((leaf, li) => {
    const g = r.gradient(ids[li]);
    expect(g.length).toBe(leaf.data.length);
    for (let k = 0; k < leaf.data.length; k++) {
      const plus = leaves.map((v) => ({ shape: v.shape, data: v.data.slice() }));
      const minus = leaves.map((v) => ({ shape: v.shape, data: v.data.slice() }));
      plus[li].data[k] += H;
      minus[li].data[k] -= H;
      const num = (loss(plus) - loss(minus)) / (2 * H);
      const err = Math.abs(num - g[k]);
      if (err > 1e-6 + 1e-6 * Math.abs(num)) {
        expect.fail(`${backend}: leaf ${li} element ${k}: backprop ${g[k]}, central difference ${num}`);
      }
      checked++;
    }
  });
  return checked;
}
