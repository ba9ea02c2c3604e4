// Runs anywhere (extension host, tests): how the editor shows a tensor node: its shape, a preview of its first rows
// and columns ("…" where cut), and the gradient's 2-norm and preview, for hovers and inlay hints.
import { Op, type Tape } from "../engine";
import { formatNumber, formatShape } from "../view/format";

export const PREVIEW_ROWS = 4;
export const PREVIEW_COLS = 6;

/** ‖v‖₂, NaN when any element is NaN. */
export function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}

/**
 * The elements of a tensor as nested brackets, at most PREVIEW_ROWS rows and PREVIEW_COLS columns, each number
 * formatted like the other hover numbers: `[[0.1, 0.2, …], [0.3, 0.4, …], …]` (one row per line for rank 2).
 */
export function preview(shape: readonly number[], v: ArrayLike<number>, digits: number): string {
  const f = (x: number) => formatNumber(x, digits);
  const line = (from: number, n: number): string => {
    const shown = Array.from({ length: Math.min(n, PREVIEW_COLS) }, (_, k) => f(v[from + k]));
    return `[${shown.join(", ")}${n > PREVIEW_COLS ? ", …" : ""}]`;
  };
  if (shape.length === 0) return f(v[0]);
  if (shape.length === 1) return line(0, shape[0]);
  const [rows, cols] = shape;
  const shown = Array.from({ length: Math.min(rows, PREVIEW_ROWS) }, (_, r) => line(r * cols, cols));
  if (rows > PREVIEW_ROWS) shown.push("…");
  return `[${shown.join(",\n ")}]`;
}

/** Whether a param (scalar or tensor leaf) is among the node's inputs, directly or not: else it has no gradient. */
export function dependsOnParam(tape: Tape, node: number): boolean {
  const seen = new Set<number>(), stack = [node];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (seen.has(i)) continue;
    seen.add(i);
    if (tape.op[i] === Op.Param) return true;
    for (let k = tape.start[i]; k < tape.start[i + 1]; k++) stack.push(tape.in[k]);
  }
  return false;
}

export interface TensorFacts {
  shape: readonly number[];
  size: number;
  value: Float64Array;
  grad: Float64Array;
  gradNorm: number;
}

export function tensorFacts(tape: Tape, node: number): TensorFacts {
  const value = tape.tensorValue(node), grad = tape.tensorGradient(node);
  return { shape: tape.shape(node), size: value.length, value, grad, gradNorm: norm2(grad) };
}

/** Markdown lines for one tensor: shape, value preview, ‖∂target/∂it‖₂ and its preview (`dOf` names the ∂). */
export function tensorMarkdown(tape: Tape, node: number, dOf: string, digits: number, isTarget = false): string[] {
  const t = tensorFacts(tape, node), f = (x: number) => formatNumber(x, digits);
  const out = [`tensor ${formatShape(t.shape)} · ${tape.opName(node)}`, "", "value", "```text", preview(t.shape, t.value, digits), "```"];
  if (isTarget) out.push(`${dOf} = 1`);
  else if (!dependsOnParam(tape, node)) out.push(`${dOf}: not computed (no param reaches it, so the backward sweep skips it)`);
  else out.push(`${dOf} · ‖·‖₂ = ${f(t.gradNorm)}`, "```text", preview(t.shape, t.grad, digits), "```");
  return out;
}
