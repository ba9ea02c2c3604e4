// Runs anywhere: the tensor built-ins: global functions (`tensor`, `matmul`, `sum`, `zeros`, …) and the spellings
// under `torch` and `np`, so pasted PyTorch and NumPy code reads.
import type { Interp } from "./interp";
import { transposeAxes } from "./op-methods";
import { filled, makeTensor, matmul, reduce, reshape, transpose, type Site } from "./tensors";
import { Builtin, builtinEntry, type Tensor, type Value } from "./values";

const fn = builtinEntry;

/** Random tensors from the file's seeded generator: `randn([r, c])`, `torch.randn(r, c)`. */
export function randomTensor(ip: Interp, dims: Value[], normal: boolean, who: string, site: Site): Tensor {
  return filled(ip, dims, who, site, () => (normal ? ip.rng.normal() : ip.rng.uniform()));
}

/** Global tensor functions. */
export function tensorGlobals(): [string, Builtin][] {
  return [
    fn("tensor", (ip, [x], s) => makeTensor(ip, x, s), 1),
    fn("matmul", (ip, [a, b], s) => matmul(ip, a, b, s), 2),
    fn("transpose", (ip, [a, ...axes], s) => transposeAxes(ip, a, axes, s), 1, 3),
    fn("sum", (ip, [a, ax], s) => reduce(ip, "sum", a, ax, s), 1, 2),
    fn("mean", (ip, [a, ax], s) => reduce(ip, "mean", a, ax, s), 1, 2),
    fn("reshape", (ip, [a, ...dims], s) => reshape(ip, a, dims, s), 2, 4),
    fn("zeros", (ip, dims, s) => filled(ip, dims, "zeros", s, () => 0), 1, 3),
    fn("ones", (ip, dims, s) => filled(ip, dims, "ones", s, () => 1), 1, 3),
  ];
}

/** Tensor spellings under `torch` and `np` (PyTorch's and NumPy's names), so pasted code reads. */
export function tensorNamespace(ns: string): [string, Value][] {
  const common: [string, Value][] = [
    ...tensorGlobals().filter(([k]) => k !== "tensor"),
    fn("randn", (ip, dims, s) => randomTensor(ip, dims, true, `${ns}.randn`, s), 1, 3),
    fn("rand", (ip, dims, s) => randomTensor(ip, dims, false, `${ns}.rand`, s), 1, 3),
  ];
  if (ns === "torch") {
    return [...common, fn("tensor", (ip, [x], s) => makeTensor(ip, x, s), 1), fn("mm", (ip, [a, b], s) => matmul(ip, a, b, s), 2),
      fn("t", (ip, [a], s) => transpose(ip, a, s), 1)];
  }
  if (ns === "np") {
    return [...common, fn("array", (ip, [x], s) => makeTensor(ip, x, s), 1), fn("dot", (ip, [a, b], s) => matmul(ip, a, b, s), 2)];
  }
  return [];
}
