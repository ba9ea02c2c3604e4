// Runs anywhere (extension host, tests, benchmarks): one training run with run / pause / step / reset / cancel.
// Training runs in short time slices that yield to the event loop between them, so the host stays responsive and
// a pause takes effect within one slice; snapshots for the eye are throttled.
import { LossHistory } from "./history";
import { buildProblem, type Problem } from "./problem";
import { paramRows } from "./params";
import type { SessionState, TrainConfig, TrainingSnapshot, Verdict } from "./types";
import { verdictOf } from "./verdict";
import { HeatMap, predictionsOf } from "./views";

export interface SessionOptions {
  onSnapshot?: (s: TrainingSnapshot) => void;
  /** Milliseconds of steps per slice before yielding (default 12). */
  sliceMs?: number;
  /** At most one snapshot per this many milliseconds while running (default 50, i.e. 20/s). */
  snapshotMs?: number;
  /** How to yield between slices (default setImmediate where it exists, else setTimeout 0). */
  schedule?: (f: () => void) => void;
  now?: () => number;
  /** Heat map resolution (default 24). */
  gridSize?: number;
  /** Param rows listed in a snapshot at most, a tensor param counting one (default 200). */
  maxParams?: number;
}

const defaultSchedule = (f: () => void): void => {
  if (typeof setImmediate === "function") setImmediate(f);
  else setTimeout(f, 0);
};

export class TrainingSession {
  readonly problem: Problem;
  state: SessionState = "idle";
  private readonly history = new LossHistory();
  private readonly opts: Required<Omit<SessionOptions, "onSnapshot">> & Pick<SessionOptions, "onSnapshot">;
  private learnedAt: number | undefined;
  private divergedAt: number | undefined;
  private initialLoss = NaN;
  private lastLoss = NaN;
  private verdict: Verdict | undefined;
  private error: string | undefined;
  private scheduled = false;
  private lastEmit = -Infinity;
  private runFrom = { t: 0, steps: 0 };
  private rate = 0;
  private heat: HeatMap;
  private waiters: (() => void)[] = [];

  constructor(readonly config: TrainConfig, opts: SessionOptions = {}) {
    this.opts = {
      onSnapshot: opts.onSnapshot, sliceMs: opts.sliceMs ?? 12, snapshotMs: opts.snapshotMs ?? 50,
      schedule: opts.schedule ?? defaultSchedule, now: opts.now ?? (() => performance.now()),
      gridSize: opts.gridSize ?? 24, maxParams: opts.maxParams ?? 200,
    };
    this.problem = buildProblem(config);
    this.heat = new HeatMap(this.problem, this.opts.gridSize, this.opts.snapshotMs, this.opts.now);
    this.start();
  }

  get step(): number {
    return this.problem.trainer.steps;
  }

  get totalSteps(): number {
    return this.config.settings.steps;
  }

  /** Start or resume training in time slices. */
  run(): void {
    if (this.state === "running" || this.state === "done" || this.state === "cancelled") return;
    if (this.step >= this.totalSteps) return this.finish();
    this.state = "running";
    this.runFrom = { t: this.opts.now(), steps: this.step };
    this.emit(true);
    this.queue();
  }

  /** Stop after the current slice's step (within one slice, about sliceMs). */
  pause(): void {
    if (this.state !== "running") return;
    this.measureRate();
    this.state = "paused";
    this.emit(true);
    this.settle();
  }

  /** One step (pausing a run first). */
  stepOnce(): void {
    if (this.state === "done" || this.state === "cancelled") return;
    if (this.state === "running") this.pause();
    if (this.step >= this.totalSteps) return this.finish();
    if (this.advance()) this.checkRows();
    if (this.divergedAt !== undefined || this.error !== undefined || this.step >= this.totalSteps) return this.finish();
    this.state = "paused";
    this.lastLoss = this.problem.trainer.loss();
    this.emit(true);
  }

  /** Back to the initial parameters, history cleared. */
  reset(): void {
    if (this.state === "running") this.pause();
    const p = this.problem;
    p.store.restore(p.initial);
    p.trainer.reset();
    this.history.clear();
    this.learnedAt = this.divergedAt = this.verdict = this.error = undefined;
    this.rate = 0;
    this.heat.clear();
    this.state = "idle";
    this.start();
    this.settle();
  }

  /** Stop for good; no verdict. */
  cancel(): void {
    if (this.state === "cancelled") return;
    if (this.state === "running") this.measureRate();
    this.state = "cancelled";
    this.emit(true);
    this.settle();
  }

  /** Resolves once the session is not running (paused, done or cancelled). */
  settled(): Promise<void> {
    if (this.state !== "running") return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  snapshot(): TrainingSnapshot {
    const p = this.problem, s = p.store, listed = paramRows(s, this.opts.maxParams);
    const notes = this.error ? [...p.notes, `stopped: ${this.error}`] : p.notes.slice();
    return {
      state: this.state, step: this.step, totalSteps: this.totalSteps, loss: this.lastLoss,
      history: this.history.points(), predictions: predictionsOf(this.problem), grid: this.heat.get(this.state !== "running"),
      params: listed.rows, paramCount: s.size, paramRows: listed.total, stepsPerSecond: this.rate, verdict: this.verdict, label: p.label, notes,
      method: this.config.settings.method,
    };
  }

  private start(): void {
    this.initialLoss = this.lastLoss = this.safeLoss();
    this.checkRows();
    this.emit(true);
  }

  private queue(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.opts.schedule(() => {
      this.scheduled = false;
      this.slice();
    });
  }

  private slice(): void {
    if (this.state !== "running") return;
    const now = this.opts.now, deadline = now() + this.opts.sliceMs, total = this.totalSteps;
    const cheap = this.problem.cheapPredict, first = this.step;
    // Predicting re-runs a document, too slow for every step: keep each step's params and search them afterwards.
    const kept: Float64Array[] | undefined = cheap || this.learnedAt !== undefined ? undefined : [];
    while (this.step < total && this.state === "running") {
      if (!this.advance()) break;
      if (cheap) this.checkRows();
      else if (kept && kept.length < 10_000) kept.push(this.problem.store.snapshot());
      if (now() >= deadline) break;
    }
    if (!cheap) this.checkRowsSince(first, kept);
    if (this.divergedAt !== undefined || this.error !== undefined || this.step >= total) return this.finish();
    this.measureRate();
    this.emit(false);
    this.queue();
  }

  /** One trainer step; false when the loss went non-finite or the step threw. */
  private advance(): boolean {
    const at = this.step;
    let loss: number;
    try {
      loss = this.problem.trainer.step();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
    this.history.add(at, loss);
    this.lastLoss = loss;
    if (!Number.isFinite(loss) || !paramsFinite(this.problem)) {
      this.divergedAt = at;
      return false;
    }
    return true;
  }

  /** Track the first step from which every row rounds right. */
  private checkRows(): void {
    if (!this.problem.rows) return;
    const right = this.rowsRight();
    if (!right) this.learnedAt = undefined;
    else if (this.learnedAt === undefined) this.learnedAt = this.step;
  }

  /** checkRows for a slice that started at step `first`; `kept` holds the params after each of its steps. */
  private checkRowsSince(first: number, kept: Float64Array[] | undefined): void {
    const had = this.learnedAt;
    this.checkRows();
    if (had !== undefined || this.learnedAt === undefined || !kept || kept.length !== this.step - first) return;
    const store = this.problem.store, now = store.snapshot();
    let lo = 0, hi = kept.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      store.restore(kept[mid]);
      if (this.rowsRight()) hi = mid;
      else lo = mid + 1;
    }
    store.restore(now);
    this.learnedAt = first + lo + 1;
  }

  private rowsRight(): boolean {
    const p = this.problem, rows = p.rows;
    return rows !== undefined && rows.every((r) => Math.round(p.predict(r.slice(0, p.nin) as number[])) === r[p.nin]);
  }

  private finish(): void {
    if (this.state === "running") this.measureRate();
    const p = this.problem;
    if (this.divergedAt === undefined && this.error === undefined) {
      this.lastLoss = this.safeLoss();
      if (!Number.isFinite(this.lastLoss)) this.divergedAt = this.step;
    }
    this.checkRows();
    this.state = "done";
    this.verdict = this.error !== undefined
      ? { kind: "not-converged", reason: "error", message: `stopped at step ${this.step}: ${this.error}` }
      : verdictOf({
        steps: this.step, learnedAt: this.learnedAt, hasRows: p.rows !== undefined, rows: p.rows,
        singleNeuron: p.singleNeuron, divergedAt: this.divergedAt, lr: this.config.settings.lr,
        initialLoss: this.initialLoss, losses: this.history.values(), finalLoss: this.lastLoss,
        dataset: this.config.source.kind === "preset" ? this.config.source.dataset : undefined,
      });
    this.emit(true);
    this.settle();
  }

  private safeLoss(): number {
    try {
      return this.problem.trainer.loss();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return NaN;
    }
  }

  private measureRate(): void {
    const dt = this.opts.now() - this.runFrom.t, ds = this.step - this.runFrom.steps;
    if (dt > 0 && ds > 0) this.rate = (ds / dt) * 1000;
  }

  private emit(force: boolean): void {
    const cb = this.opts.onSnapshot;
    if (!cb) return;
    const now = this.opts.now();
    if (!force && now - this.lastEmit < this.opts.snapshotMs) return;
    this.lastEmit = now;
    cb(this.snapshot());
  }

  private settle(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

function paramsFinite(p: Problem): boolean {
  const v = p.store.values;
  for (let i = 0, n = p.store.size; i < n; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}
