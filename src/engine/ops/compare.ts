// Runs anywhere: the comparisons, each defined once: 1 where the comparison holds, else 0 (NaN compares false), on
// scalars and on tensors with broadcasting. A mask is a step function: no gradient flows through it (local
// derivatives 0; tensor nodes need no gradient buffer), as in PyTorch, where comparisons return bool tensors.
import { Op } from "../op";
import { binary } from "./arith";
import type { Kernel, ScalarOpDef } from "./types";

type F64 = Float64Array;
const none = (): void => undefined;

/** A comparison's scalar kernel: the 0/1 value, local derivatives 0. */
function kernelOf(test: (a: number, b: number) => boolean): Kernel {
  return (t, i) => {
    const val = t.val, inp = t.in, s = t.start[i];
    val[i] = test(val[inp[s]], val[inp[s + 1]]) ? 1 : 0;
    t.local[s] = 0;
    t.local[s + 1] = 0;
    t.flags[i] = 0;
    return i;
  };
}

/** a > b. */
export const gt = binary({
  code: Op.Gt, name: "gt", symbol: ">", noGrad: true, pullA: none, pullB: none, kernel: kernelOf((a, b) => a > b),
  run: (a: F64, ia, sa, b: F64, ib, sb, y: F64, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] > b[ib + k * sb] ? 1 : 0; },
});

/** a < b. */
export const lt = binary({
  code: Op.Lt, name: "lt", symbol: "<", noGrad: true, pullA: none, pullB: none, kernel: kernelOf((a, b) => a < b),
  run: (a: F64, ia, sa, b: F64, ib, sb, y: F64, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] < b[ib + k * sb] ? 1 : 0; },
});

/** a >= b. */
export const ge = binary({
  code: Op.Ge, name: "ge", symbol: "≥", noGrad: true, pullA: none, pullB: none, kernel: kernelOf((a, b) => a >= b),
  run: (a: F64, ia, sa, b: F64, ib, sb, y: F64, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] >= b[ib + k * sb] ? 1 : 0; },
});

/** a <= b. */
export const le = binary({
  code: Op.Le, name: "le", symbol: "≤", noGrad: true, pullA: none, pullB: none, kernel: kernelOf((a, b) => a <= b),
  run: (a: F64, ia, sa, b: F64, ib, sb, y: F64, iy, n) => { for (let k = 0; k < n; k++) y[iy + k] = a[ia + k * sa] <= b[ib + k * sb] ? 1 : 0; },
});

export const comparisons: readonly ScalarOpDef[] = [gt, lt, ge, le];
