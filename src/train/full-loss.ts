// Runs anywhere: the full-data loss of a run on mini-batches, beside its batch-loss curve: sampled when the session
// yields (once a slice, on a step, at the end), since each sample evaluates every row. Bounded: past capacity every
// other point is dropped.
import type { Problem } from "./problem";

export class FullLoss {
  private steps: number[] = [];
  private losses: number[] = [];

  constructor(private readonly p: Problem, readonly capacity = 500) {}

  /**
   * The full-data loss at `step` (once per step; nothing without mini-batches). `loss`: the trainer's loss() just
   * evaluated at the current params (NaN if it threw), when the caller has it; else it is evaluated here.
   */
  sample(step: number, loss?: number): void {
    if (this.p.batch === undefined || this.steps.at(-1) === step) return;
    if (loss === undefined) {
      try {
        loss = this.p.trainer.loss();
      } catch {
        loss = NaN;
      }
    }
    this.steps.push(step);
    this.losses.push(loss);
    if (this.steps.length > this.capacity) {
      // Keep the first and the latest, every other point between.
      const keep = (_: number, i: number, a: readonly number[]) => i % 2 === 0 || i === a.length - 1;
      this.steps = this.steps.filter(keep);
      this.losses = this.losses.filter(keep);
    }
  }

  /** The curve, or undefined without mini-batches. */
  points(): { steps: number[]; losses: number[] } | undefined {
    return this.p.batch === undefined ? undefined : { steps: this.steps.slice(), losses: this.losses.slice() };
  }

  /** The latest full-data loss (NaN before any). */
  get last(): number {
    return this.losses.at(-1) ?? NaN;
  }

  clear(): void {
    this.steps = [];
    this.losses = [];
  }
}
