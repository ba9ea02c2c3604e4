// Runs anywhere: the end-of-run verdict. "Learned in N steps" is the first step from which every row kept rounding
// to its target; otherwise the likeliest reason, checked in order of certainty.
import type { Verdict } from "./types";

export interface VerdictInput {
  steps: number;
  /** First step from which every row has rounded right (undefined: not all right at the end). */
  learnedAt: number | undefined;
  /** Whether the run had rows to judge. */
  hasRows: boolean;
  rows: readonly (readonly number[])[] | undefined;
  singleNeuron: boolean;
  /** Step at which the loss first became NaN or ±Infinity, if it did. */
  divergedAt: number | undefined;
  lr: number;
  /** Loss before the first step. */
  initialLoss: number;
  /** Loss history (any resolution) and the final loss. */
  losses: readonly number[];
  finalLoss: number;
  /** The dataset's name, for messages. */
  dataset: string | undefined;
}

/** Labels of 2-input rows that no line separates: XOR and its complement. */
export function linearlySeparable(rows: readonly (readonly number[])[]): boolean {
  if (rows.length !== 4) return true;
  const key = (p: number, q: number) => rows.find((r) => r[0] === p && r[1] === q)?.[2];
  const a = key(0, 0), b = key(0, 1), c = key(1, 0), d = key(1, 1);
  if ([a, b, c, d].some((v) => v === undefined)) return true;
  return !(a === d && b === c && a !== b);
}

export function verdictOf(v: VerdictInput): Verdict {
  if (v.divergedAt !== undefined) {
    return {
      kind: "not-converged", reason: "diverged",
      message: `did not converge: the loss diverged to ${v.finalLoss} at step ${v.divergedAt}; the learning rate ${v.lr} is too large — try a smaller one`,
    };
  }
  if (v.learnedAt === undefined && Number.isFinite(v.initialLoss) && v.finalLoss > v.initialLoss * 1.05 + 1e-12) {
    return {
      kind: "not-converged", reason: "diverged",
      message: `did not converge: the loss rose from ${fmt(v.initialLoss)} to ${fmt(v.finalLoss)}; the learning rate ${v.lr} is too large (the units saturate) — try a smaller one`,
    };
  }
  if (!v.hasRows) {
    return {
      kind: "not-converged", reason: "no-dataset",
      message: `finished ${v.steps} steps with loss ${fmt(v.finalLoss)} (the file names no dataset, so there are no rows to judge)`,
    };
  }
  if (v.learnedAt !== undefined) {
    return { kind: "learned", step: v.learnedAt, message: `learned in ${v.learnedAt} steps: every row rounds to its target` };
  }
  if (v.singleNeuron && v.rows && !linearlySeparable(v.rows)) {
    return {
      kind: "not-converged", reason: "not-separable",
      message: `did not converge: a single neuron cannot represent ${v.dataset ?? "this dataset"} (it is not linearly separable) — add a hidden layer`,
    };
  }
  if (stillFalling(v.losses)) {
    return {
      kind: "not-converged", reason: "more-steps",
      message: `did not converge yet: the loss (${fmt(v.finalLoss)}) is still falling after ${v.steps} steps — train for more steps or raise the learning rate`,
    };
  }
  return {
    kind: "not-converged", reason: "stuck",
    message: `did not converge: the loss settled at ${fmt(v.finalLoss)} with some rows wrong — the network is stuck in a local minimum; try another seed`,
  };
}

/** The loss fell by more than 1% over the last fifth of the run, or is falling faster than the fifth before. */
export function stillFalling(losses: readonly number[]): boolean {
  if (losses.length < 5) return losses.length > 0;
  const at = (f: number) => losses[Math.min(losses.length - 1, Math.floor((losses.length - 1) * f))];
  const last = at(1), a = at(0.8), b = at(0.6);
  const recent = a - last, before = b - a;
  return recent > 0.01 * Math.abs(a) || (recent > 0 && recent >= before);
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}
