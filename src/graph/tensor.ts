// Runs anywhere (extension host, CLI, tests): what the graph view shows of a tensor node (a Tape node with a tensor
// slot): kind, title, shape, a compact summary, and the value and gradient arrays for the heat map, capped so the
// message posted to the webview stays small. Read-only over the tape.
import { Op } from "../engine/op";
import type { Tape } from "../engine/tape";
import { MAX_MATRIX_CELLS, type TensorInfo } from "../view/graph";

export type LeafKind = "param" | "input" | "const" | "op";

/** Most array elements (values and gradients) one view model carries; later matrices are left out beyond it. */
export const MAX_MODEL_CELLS = 32768;
/** Values shown on a node's label. */
export const SUMMARY_VALUES = 3;

export function isTensorNode(tape: Tape, i: number): boolean {
  return tape.isTensor(i);
}

/** Kind of a tape node, tensors included (a tensor param is a param). */
export function leafKind(tape: Tape, i: number): LeafKind {
  const op = tape.op[i];
  return op === Op.Param ? "param" : op === Op.Input ? "input" : op === Op.Const ? "const" : "op";
}

/** Whether a node's value is finite (every element, for a tensor). */
export function valueFinite(tape: Tape, i: number): boolean {
  return isTensorNode(tape, i) ? tape.firstNonFiniteElement(i) < 0 : Number.isFinite(tape.val[i]);
}

const SYMBOL: Record<string, string> = { add: "+", sub: "−", mul: "×", div: "÷", sum: "Σ", mean: "mean", tensor: "tensor" };

/** What a tensor node is called: its name, else its op (`matmul`, `+`, `^2`, `Σ`); a named op reads `h = matmul`. */
export function tensorTitle(tape: Tape, i: number): string {
  const op = tape.opName(i), name = tape.names.get(i), aux = tape.aux[i];
  let sym = SYMBOL[op] ?? op;
  if (op === "pow") sym = `^${aux}`;
  else if ((op === "sum" || op === "mean") && aux >= 0) sym = `${sym} axis ${aux}`;
  else if (op === "row") sym = `row ${aux}`;
  if (name === undefined) return sym;
  return op === "param" || op === "input" || op === "const" ? name : `${name} = ${sym}`;
}

function firstBad(a: Float64Array): number {
  for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k])) return k;
  return -1;
}

/** Summary of tensor node i; arrays included when allowed (budget: elements the model may still carry). */
export function tensorInfo(tape: Tape, i: number, budget: number): TensorInfo {
  const v = tape.tensorValue(i);
  const live = tape.liveGradient(i);
  let min = Infinity, max = -Infinity, sq = 0;
  for (let k = 0; k < v.length; k++) {
    const x = v[k];
    if (!Number.isFinite(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (live) for (let k = 0; k < live.length; k++) sq += live[k] * live[k];
  const size = v.length;
  const cells = size * (live ? 2 : 1);
  const omitted = size > MAX_MATRIX_CELLS ? "large" : cells > budget ? "budget" : undefined;
  return {
    op: tape.opName(i), shape: [...tape.shape(i)], size, head: Array.from(v.subarray(0, SUMMARY_VALUES)),
    min: min <= max ? min : NaN, max: min <= max ? max : NaN, gradNorm: Math.sqrt(sq), hasGrad: live !== undefined,
    firstNonFinite: firstBad(v), gradNonFinite: live ? firstBad(live) : -1,
    ...(omitted ? { omitted } : { values: Array.from(v), ...(live ? { grads: Array.from(live) } : {}) }),
  };
}
