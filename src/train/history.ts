// Runs anywhere: the loss curve at bounded size. Every step is offered; when the buffer fills, every other point
// is dropped and the stride doubles, so a run of any length keeps between capacity/2 and capacity points spread
// evenly over it (the first point and the latest loss are always there).
export class LossHistory {
  private steps: number[] = [];
  private losses: number[] = [];
  private stride = 1;
  private lastStep = -1;
  private lastLoss = NaN;

  constructor(readonly capacity = 1000) {}

  add(step: number, loss: number): void {
    this.lastStep = step;
    this.lastLoss = loss;
    if (step % this.stride !== 0) return;
    this.steps.push(step);
    this.losses.push(loss);
    if (this.steps.length >= this.capacity) {
      this.stride *= 2;
      const s = this.stride;
      const keep = this.steps.map((st, i) => [st, this.losses[i]] as const).filter(([st]) => st % s === 0);
      this.steps = keep.map((k) => k[0]);
      this.losses = keep.map((k) => k[1]);
    }
  }

  /** Points to draw, ending with the latest step. */
  points(): { steps: number[]; losses: number[] } {
    const steps = this.steps.slice(), losses = this.losses.slice();
    if (this.lastStep >= 0 && steps[steps.length - 1] !== this.lastStep) {
      steps.push(this.lastStep);
      losses.push(this.lastLoss);
    }
    return { steps, losses };
  }

  values(): number[] {
    return this.points().losses;
  }

  clear(): void {
    this.steps = [];
    this.losses = [];
    this.stride = 1;
    this.lastStep = -1;
    this.lastLoss = NaN;
  }
}
