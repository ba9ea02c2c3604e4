// Runs anywhere: NumPy's and PyTorch's spellings over the notation's tensors: slicing a tensor.
import type { Interp } from "./interp";
import type { Slice } from "./tree";
import type { Tensor, Value } from "./values";

/** `a[1:3]`, `a[:, 0]`: not supported yet (rows by index are: `a[i]`). */
export function tensorSlice(ip: Interp, _t: Tensor, n: Slice): Value {
  throw ip.error("slicing a tensor is not supported yet (index its rows: `a[i]`)", n);
}
