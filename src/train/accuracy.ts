// Runs anywhere: how many rows a classifier gets right, for any classification data: a file whose loss is
// crossEntropy or nll scores each row's argmax against its class label (multi-class, as PyTorch's usual accuracy);
// otherwise the prediction rows (0/1 targets) score by the 0.5 threshold the predictions table uses.
import type { Tape } from "../engine";
import { labelLossNode } from "./classes";
import type { Problem } from "./problem";
import type { Prediction } from "./types";

export interface Accuracy {
  correct: number;
  total: number;
  /** Classes told apart: the logits' columns, or 2 for 0/1 targets. */
  classes: number;
}

/** Argmax of each row of the first crossEntropy/nll node up to `upTo` against its labels; undefined when none. */
export function labelAccuracy(tape: Tape, upTo: number): Accuracy | undefined {
  const i = labelLossNode(tape, upTo);
  if (i === undefined) return undefined;
  const logits = tape.in[tape.start[i]], labels = tape.in[tape.start[i] + 1];
  const [n, c] = tape.shape(logits), x = tape.tensorValue(logits), y = tape.tensorValue(labels);
  let correct = 0;
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (x[r * c + k] > x[r * c + best]) best = k;
    if (best === y[r]) correct++;
  }
  return { correct, total: n, classes: c };
}

/** The problem's accuracy at its current params: from its label loss, else from the prediction rows. */
export function accuracyOf(p: Problem, predictions: () => Prediction[] | undefined): Accuracy | undefined {
  const t = p.trainer;
  try {
    t.loss();
    const fromLabels = labelAccuracy(t.tape, t.lossNode);
    if (fromLabels !== undefined) return fromLabels;
  } catch {
    // A loss that cannot be evaluated has no accuracy either.
    return undefined;
  }
  const rows = predictions();
  if (rows === undefined || rows.length === 0) return undefined;
  return { correct: rows.filter((r) => r.right).length, total: rows.length, classes: 2 };
}
