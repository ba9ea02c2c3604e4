// Runs anywhere (extension host, webview, CLI, tests): what the graph view shows of a tensor node (a Tape node with
// a tensor slot): kind, title, shape, a compact summary, and the value and gradient arrays for the heat map, capped so
// the message posted to the webview stays small. Read-only over the tape; plain arrays, JSON-safe apart from
// non-finite numbers (the protocol encodes those).
import { Op } from "../engine/op";
import type { Tape } from "../engine/tape";

export type LeafKind = "param" | "input" | "const" | "op";

/** Most elements one matrix may send to the webview (64 x 64); larger ones say "too large to show". */
export const MAX_MATRIX_CELLS = 4096;
/** Most array elements (values and gradients) one view model carries; later matrices are left out beyond it. */
export const MAX_MODEL_CELLS = 32768;
/** Values shown on a node's label. */
export const SUMMARY_VALUES = 3;

export interface TensorInfo {
  /** The tensor op's name: "param", "matmul", "tensor" (built from scalar nodes), ... */
  readonly op: string;
  readonly shape: number[];
  readonly size: number;
  /** The first SUMMARY_VALUES values (row-major). */
  readonly head: number[];
  /** Smallest and largest finite values (NaN when there is none). */
  readonly min: number;
  readonly max: number;
  /** ‖gradient‖₂ (0 when backward did not reach it; NaN/Infinity when an element is). */
  readonly gradNorm: number;
  /** Whether backward reached this tensor. */
  readonly hasGrad: boolean;
  /** First non-finite element of the value, or -1. */
  readonly firstNonFinite: number;
  /** First non-finite element of the gradient, or -1. */
  readonly gradNonFinite: number;
  /** Full arrays for the heat map, row-major; absent when the matrix is over MAX_MATRIX_CELLS or the model's budget. */
  readonly values?: number[];
  readonly grads?: number[];
  /** Why the arrays are absent. */
  readonly omitted?: "large" | "budget";
}

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

/** Row-major index k of a shape as `[i,j]` (`[k]` for a vector, `[]` for a scalar). */
export function indexText(shape: readonly number[], k: number): string {
  if (shape.length < 2) return shape.length ? `[${k}]` : "[]";
  const cols = shape[shape.length - 1];
  return `[${Math.floor(k / cols)},${k % cols}]`;
}

/**
 * Shape on an edge: 4×2, 3-vector, scalar. Only characters Mermaid labels take as plain text: Mermaid draws entity
 * codes in edge labels literally (&#91;4,2&#93;) when labels are SVG text, so [4,2] would not survive there.
 */
export function edgeShapeLabel(shape: readonly number[]): string {
  if (shape.length === 0) return "scalar";
  if (shape.length === 1) return `${shape[0]}-vector`;
  return shape.join("×");
}

/** Rows and columns of the heat map: a vector is one row, a scalar one cell. */
export function gridOf(shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  const cols = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  return { rows, cols };
}
