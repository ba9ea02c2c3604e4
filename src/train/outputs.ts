// Runs anywhere: the model's outputs while it trains: its predictions on the dataset's rows, and its output over
// the input square (the decision boundary). Documents re-run the file per prediction, so the grid paces itself by
// its cost.
import { boxOf } from "./classes";
import type { Problem } from "./problem";
import type { Prediction } from "./types";

export function predictionsOf(p: Problem): Prediction[] | undefined {
  if (p.rows === undefined) return labelledPredictions(p);
  return p.rows.map((r) => {
    const inputs = r.slice(0, p.nin) as number[], target = r[p.nin], output = p.predict(inputs);
    return { inputs, target, output, right: Math.round(output) === target };
  });
}

/** Multi-class data small enough for a table (each row re-runs the model): the class picked against the label. */
const SMALL_DATA = 32;

function labelledPredictions(p: Problem): Prediction[] | undefined {
  const points = p.labelled?.points, classify = p.classify?.bind(p);
  if (points === undefined || classify === undefined || points.length > SMALL_DATA) return undefined;
  return points.map(([a, b, label]) => {
    const output = classify([a, b]) ?? NaN;
    return { inputs: [a, b], target: label, output, right: output === label };
  });
}

/**
 * The model's output over the inputs' box (box absent: the unit square [0,1]²), size x size, row-major from (x0, y0),
 * x1 varying fastest; for multi-class data the class picked at each point (classes set) and the labelled points.
 */
export interface Grid {
  size: number;
  values: number[];
  box?: [number, number, number, number];
  classes?: number;
  points?: number[][];
}

/** Labelled points a grid carries at most (the drawing stays cheap). */
const MAX_POINTS = 500;

/** The model's output on a grid over the data (see Grid). */
export class OutputGrid {
  private grid: Grid | undefined;
  private at = -Infinity;
  private cost = 0;

  constructor(private readonly p: Problem, private readonly size: number, private readonly minMs: number,
    private readonly now: () => number) {}

  /** The grid, recomputed when `fresh` or when at least ten times its own cost has passed since the last one. */
  get(fresh: boolean): Grid | undefined {
    const p = this.p, lab = p.labelled, rows = lab?.points ?? (p.nin === 2 ? p.rows : undefined);
    if (!rows || rows.length === 0) return undefined;
    const t0 = this.now();
    if (this.grid && !fresh && t0 - this.at < Math.max(this.minMs, 10 * this.cost)) return this.grid;
    const size = p.cheapPredict ? this.size : Math.min(this.size, 16);
    const values = new Array<number>(size * size), box = boxOf(rows), [x0, x1, y0, y1] = box;
    const f = lab ? (xs: number[]) => p.classify?.(xs) ?? NaN : (xs: number[]) => p.predict(xs);
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) values[j * size + i] = f([x0 + ((x1 - x0) * i) / (size - 1), y0 + ((y1 - y0) * j) / (size - 1)]);
    }
    this.cost = this.now() - t0;
    this.at = t0;
    const unit = x0 === 0 && x1 === 1 && y0 === 0 && y1 === 1;
    this.grid = { size, values, ...(unit ? {} : { box }), ...(lab ? { classes: lab.classes, points: lab.points.slice(0, MAX_POINTS) } : {}) };
    return this.grid;
  }

  clear(): void {
    this.grid = undefined;
    this.at = -Infinity;
  }
}
