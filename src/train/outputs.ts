// Runs anywhere: the model's outputs while it trains: its predictions on the dataset's rows, and its output over
// the input square (the decision boundary). Documents re-run the file per prediction, so the grid paces itself by
// its cost.
import type { Problem } from "./problem";
import type { Prediction } from "./types";

export function predictionsOf(p: Problem): Prediction[] | undefined {
  return p.rows?.map((r) => {
    const inputs = r.slice(0, p.nin) as number[], target = r[p.nin], output = p.predict(inputs);
    return { inputs, target, output, right: Math.round(output) === target };
  });
}

/** The model's output on a size x size grid over [0,1]², row-major from (0, 0), x1 varying fastest. */
export class OutputGrid {
  private grid: { size: number; values: number[] } | undefined;
  private at = -Infinity;
  private cost = 0;

  constructor(private readonly p: Problem, private readonly size: number, private readonly minMs: number,
    private readonly now: () => number) {}

  /** The grid, recomputed when `fresh` or when at least ten times its own cost has passed since the last one. */
  get(fresh: boolean): { size: number; values: number[] } | undefined {
    const p = this.p;
    if (!p.rows || p.nin !== 2) return undefined;
    const t0 = this.now();
    if (this.grid && !fresh && t0 - this.at < Math.max(this.minMs, 10 * this.cost)) return this.grid;
    const size = p.cheapPredict ? this.size : Math.min(this.size, 16);
    const values = new Array<number>(size * size);
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) values[j * size + i] = p.predict([i / (size - 1), j / (size - 1)]);
    }
    this.cost = this.now() - t0;
    this.at = t0;
    this.grid = { size, values };
    return this.grid;
  }

  clear(): void {
    this.grid = undefined;
    this.at = -Infinity;
  }
}
