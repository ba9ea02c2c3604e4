// Runs anywhere: the end-of-run verdict, as data (src/view/verdict.ts words it). "Learned" from the first step from
// which every row kept rounding to its target; otherwise the likeliest reason, checked in order of certainty.
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
  /** The dataset's name, which the not-separable verdict names. */
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

/**
 * The loss is about 0: within 1e-8 of it, or a millionth of where it began. A loss there cannot be "stuck" or
 * "diverged"; with rows still wrong, the predictions do not read what the loss measures.
 */
export function nearZero(loss: number, initialLoss: number): boolean {
  return Math.abs(loss) <= 1e-8 || (Number.isFinite(initialLoss) && initialLoss > 0 && loss >= 0 && loss <= initialLoss * 1e-6);
}

/**
 * Each verdict agrees with the loss: learned when every row rounds right; diverged only when the loss went
 * non-finite or ended above where it began (and is not about 0); stuck or still falling only with a loss that is not
 * about 0 (see nearZero); not separable only for a single neuron on XOR-like rows.
 */
export function verdictOf(v: VerdictInput): Verdict {
  const step = v.steps, loss = v.finalLoss, zero = nearZero(loss, v.initialLoss);
  if (v.divergedAt !== undefined) {
    return { kind: "not-converged", reason: "diverged", how: "non-finite", step: v.divergedAt, initialLoss: v.initialLoss, loss, lr: v.lr };
  }
  if (v.learnedAt !== undefined) return { kind: "learned", step: v.learnedAt };
  if (!zero && Number.isFinite(v.initialLoss) && loss > v.initialLoss * 1.05 + 1e-12) {
    return { kind: "not-converged", reason: "diverged", how: "rose", step, initialLoss: v.initialLoss, loss, lr: v.lr };
  }
  if (!v.hasRows) return { kind: "not-converged", reason: "no-dataset", step, loss };
  if (zero) return { kind: "not-converged", reason: "rows-disagree", step, loss };
  if (v.singleNeuron && v.rows && !linearlySeparable(v.rows)) {
    return { kind: "not-converged", reason: "not-separable", step, loss, ...(v.dataset !== undefined ? { dataset: v.dataset } : {}) };
  }
  return { kind: "not-converged", reason: stillFalling(v.losses) ? "more-steps" : "stuck", step, loss };
}

/** The loss fell by more than 1% over the last fifth of the run, or is falling faster than the fifth before. */
export function stillFalling(losses: readonly number[]): boolean {
  if (losses.length < 5) return losses.length > 0;
  const at = (f: number) => losses[Math.min(losses.length - 1, Math.floor((losses.length - 1) * f))];
  const last = at(1), a = at(0.8), b = at(0.6);
  const recent = a - last, before = b - a;
  return recent > 0.01 * Math.abs(a) || (recent > 0 && recent >= before);
}
