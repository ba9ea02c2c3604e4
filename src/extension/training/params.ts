// Runs in the evaluator worker (pure: no vscode): the training snapshot's params table, one row per param: a scalar
// slot as itself, a tensor param's element slots as one row (shape, norms, min/max, its first elements). Grouping
// comes from the store's record of tensors (ParamStore.tensors), never from parsing element names.
import type { ParamStore, ParamTensor } from "../../engine/params";
import type { ParamEntry, TensorParamRow } from "../../view/training";

/** Elements of one tensor a snapshot carries at most (the view shows "… N more elements"). */
export const MAX_TENSOR_ELEMENTS = 64;

function tensorRow(store: ParamStore, t: ParamTensor, size: number): TensorParamRow {
  const v = store.values, g = store.grads, end = t.slot + size;
  let vv = 0, gg = 0, min = Infinity, max = -Infinity;
  for (let i = t.slot; i < end; i++) {
    vv += v[i] * v[i];
    gg += g[i] * g[i];
    // Math.min/max keep a NaN element visible instead of skipping it.
    min = Math.min(min, v[i]);
    max = Math.max(max, v[i]);
  }
  const sent = Math.min(size, MAX_TENSOR_ELEMENTS);
  return {
    kind: "tensor", name: t.name, shape: [...t.shape], size,
    values: Array.from(v.subarray(t.slot, t.slot + sent)), grads: Array.from(g.subarray(t.slot, t.slot + sent)),
    valueNorm: Math.sqrt(vv), gradNorm: Math.sqrt(gg), min, max,
  };
}

/**
 * The first `maxRows` rows of a store in slot order, and how many rows there are in all; tensor params (the store's
 * `tensors` layout) are one row each, a rank-0 tensor a plain scalar row.
 */
export function paramRows(store: ParamStore, maxRows: number): { rows: ParamEntry[]; total: number } {
  const at = new Map<number, ParamTensor>();
  // Empty tensors own no slot: leave them out so they cannot shadow the param that starts at the same slot.
  for (const t of store.tensors) if (t.shape.length > 0 && t.shape.every((d) => d > 0)) at.set(t.slot, t);
  const rows: ParamEntry[] = [];
  let total = 0;
  for (let i = 0, n = store.size; i < n; total++) {
    const t = at.get(i), size = t ? Math.min(t.shape.reduce((p, d) => p * d, 1), n - i) : 1;
    if (rows.length < maxRows) {
      rows.push(t ? tensorRow(store, t, size) : { kind: "scalar", name: store.names[i], value: store.values[i], grad: store.grads[i] });
    }
    i += size;
  }
  return { rows, total };
}
