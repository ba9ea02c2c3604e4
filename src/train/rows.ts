// Runs anywhere: the rows a document's predictions are judged by when it names no dataset but holds its data as
// constant tensors (seed 000: X [n,k] of inputs and Y [n,1] of 0/1 targets, or Y the [n] labels of `moons(…, {
// tensors: true })`), read from its top-level tape nodes.
import type { Tape } from "../engine";

export interface TensorRows {
  rows: number[][];
  /** Inputs per row (k). */
  nin: number;
}

/** Targets a prediction table can judge by rounding: every element 0 or 1. */
function binary(v: Float64Array): boolean {
  return v.every((x) => x === 0 || x === 1);
}

/**
 * The first top-level constant tensor X [n,k] (n ≥ 2) followed by a constant Y [n,1] or [n] of 0s and 1s, as rows
 * [x1..xk, y]; undefined when the file has no such pair.
 */
export function rowsFromTensors(tape: Tape): TensorRows | undefined {
  const T = tape, consts: number[] = [];
  for (let i = 0; i < tape.n; i++) {
    if (!T.isTensor(i) || tape.group[i] !== -1 || T.opName(i) !== "const") continue;
    const s = T.shape(i);
    if (s.length >= 1 && s.length <= 2 && s[0] >= 2) consts.push(i);
  }
  for (const x of consts) {
    if (T.shape(x).length !== 2) continue;
    const n = T.shape(x)[0] ?? 0, k = T.shape(x)[1] ?? 1;
    // Y as a column [n,1], or as the n labels a data set's `tensors: true` gives.
    const y = consts.find((c) => c > x && T.shape(c)[0] === n && (T.shape(c)[1] ?? 1) === 1 && binary(T.tensorValue(c)));
    if (y === undefined) continue;
    const xv = T.tensorValue(x), yv = T.tensorValue(y);
    const rows = Array.from({ length: n }, (_, r) => [...xv.slice(r * k, r * k + k), yv[r]]);
    return { rows, nin: k };
  }
  return undefined;
}
