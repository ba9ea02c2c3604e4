// Runs anywhere: a document's multi-class data, for the decision boundary: the crossEntropy/nll node of its tape
// gives the labels and the class count, and the top-level constant [n, 2] tensor with as many rows is the inputs
// (what `spirals(n, { tensors: true })` makes). The boundary is drawn over the inputs' box.
import { Op, type Tape } from "../engine";

export interface LabelledData {
  /** Rows [x1, x2, label]. */
  points: number[][];
  classes: number;
}

/** The first label loss (crossEntropy or nll) node on the tape up to `upTo`, or undefined when there is none. */
export function labelLossNode(tape: Tape, upTo = tape.n - 1): number | undefined {
  for (let i = 0; i <= upTo && i < tape.n; i++) if (tape.op[i] === Op.CrossEntropy || tape.op[i] === Op.Nll) return i;
  return undefined;
}

/** The labelled 2-input rows of the first label loss on the tape, or undefined when there is none such. */
export function labelledData(tape: Tape, upTo = tape.n - 1): LabelledData | undefined {
  const i = labelLossNode(tape, upTo);
  if (i === undefined) return undefined;
  const [n, c] = tape.shape(tape.in[tape.start[i]]), labels = tape.tensorValue(tape.in[tape.start[i] + 1]);
  for (let x = 0; x < i; x++) {
    const s = tape.shape(x);
    if (!tape.isTensor(x) || tape.group[x] !== -1 || tape.op[x] !== Op.Const || s.length !== 2 || s[0] !== n || s[1] !== 2) continue;
    const v = tape.tensorValue(x);
    return { points: Array.from({ length: n }, (_, r) => [v[2 * r], v[2 * r + 1], labels[r]]), classes: c };
  }
  return undefined;
}

/** [x0, x1, y0, y1]: the unit square when every point lies in it (the gates), else the points' box plus a margin. */
export function boxOf(points: readonly (readonly number[])[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (x0 >= 0 && x1 <= 1 && y0 >= 0 && y1 <= 1) return [0, 1, 0, 1];
  const mx = 0.05 * (x1 - x0 || 1), my = 0.05 * (y1 - y0 || 1);
  return [x0 - mx, x1 + mx, y0 - my, y1 + my];
}
