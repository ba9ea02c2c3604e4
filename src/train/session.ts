// Runs anywhere (extension host, CLI, tests, benchmarks): one training run with run / pause / step / reset /
// cancel. Training runs in short time slices that yield to the event loop between them (or to the CLI's own loop),
// so the host stays responsive and a pause takes effect within one slice; change notices for the eye are
// throttled. What the run is at any moment is read from the session's getters, as data.
import { accuracyOf, type Accuracy } from "./accuracy";
import { FullLoss } from "./full-loss";
import { LossHistory } from "./history";
import { buildProblem, type Problem } from "./problem";
import type { MethodChoice, Prediction, SessionState, TrainConfig, Verdict } from "./types";
import { verdictOf } from "./verdict";
import { OutputGrid, predictionsOf, type Grid } from "./outputs";

export interface SessionOptions {
  /** The run changed: at once on a change of state, at most once per changeMs while running. */
  onChange?: (s: TrainingSession) => void;
  /** Milliseconds of steps per slice before yielding (default 12). */
  sliceMs?: number;
  /** At most one onChange per this many milliseconds while running (default 50, i.e. 20/s). */
  changeMs?: number;
  /** How to yield between slices (default setImmediate where it exists, else setTimeout 0). */
  schedule?: (f: () => void) => void;
  now?: () => number;
  /** Resolution of the output grid (default 24). */
  gridSize?: number;
}

const defaultSchedule = (f: () => void): void => {
  if (typeof setImmediate === "function") setImmediate(f);
  else setTimeout(f, 0);
};

export class TrainingSession {
  readonly problem: Problem;
  state: SessionState = "idle";
  private readonly curve = new LossHistory();
  private readonly opts: Required<Omit<SessionOptions, "onChange">> & Pick<SessionOptions, "onChange">;
  private learnedAt: number | undefined;
  private divergedAt: number | undefined;
  private initialLoss = NaN;
  private lastLoss = NaN;
  private ended: Verdict | undefined;
  private error: string | undefined;
  private scheduled = false;
  private lastEmit = -Infinity;
  private runFrom = { t: 0, steps: 0 };
  private rate = 0;
  private readonly outputs: OutputGrid;
  readonly full: FullLoss; // the full-data loss beside the batch losses of a run on mini-batches
  private waiters: (() => void)[] = [];

  constructor(readonly config: TrainConfig, opts: SessionOptions = {}) {
    this.opts = {
      onChange: opts.onChange, sliceMs: opts.sliceMs ?? 12, changeMs: opts.changeMs ?? 50,
      schedule: opts.schedule ?? defaultSchedule, now: opts.now ?? (() => performance.now()), gridSize: opts.gridSize ?? 24,
    };
    this.problem = buildProblem(config);
    this.full = new FullLoss(this.problem);
    this.outputs = new OutputGrid(this.problem, this.opts.gridSize, this.opts.changeMs, this.opts.now);
    this.start();
  }

  get step(): number { return this.problem.trainer.steps; }
  get totalSteps(): number { return this.config.settings.steps; }
  /** Loss at the current parameters (NaN before anything was evaluated). */
  get loss(): number { return this.lastLoss; }
  /** Steps per second of the last stretch of running (0 before any). */
  get stepsPerSecond(): number { return this.rate; }
  /** How the run ended; undefined until it is done (never for a cancelled run). */
  get verdict(): Verdict | undefined { return this.ended; }
  get method(): MethodChoice { return this.config.settings.method; }
  /** What is being trained and how, in one line. */
  get label(): string { return this.problem.label; }

  /** The problem's notes (such as the replay fallback), and why the run stopped early if it did. */
  get notes(): string[] {
    return this.error ? [...this.problem.notes, `stopped: ${this.error}`] : this.problem.notes.slice();
  }

  /** The loss curve at bounded size: step numbers and the loss at the start of that step. */
  history(): { steps: number[]; losses: number[] } {
    return this.curve.points();
  }

  /** The model's outputs on the dataset's rows (undefined when there are none). */
  predictions(): Prediction[] | undefined { return predictionsOf(this.problem); }

  /** Rows classified right at the current params (classification data only); `rows`: predictions() if made already. */
  accuracy(rows?: Prediction[]): Accuracy | undefined { return accuracyOf(this.problem, () => rows ?? this.predictions()); }

  /** The output grid over the input square, recomputed while running only as often as its cost allows. */
  grid(): Grid | undefined {
    return this.outputs.get(this.state !== "running");
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
    this.full.sample(this.step, this.lastLoss);
    this.emit(true);
  }

  /** Back to the initial parameters, history cleared. */
  reset(): void {
    if (this.state === "running") this.pause();
    const p = this.problem;
    p.store.restore(p.initial);
    p.trainer.reset();
    this.curve.clear();
    this.full.clear();
    this.learnedAt = this.divergedAt = this.ended = this.error = undefined;
    this.rate = 0;
    this.outputs.clear();
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

  private start(): void {
    this.initialLoss = this.lastLoss = this.safeLoss();
    this.full.sample(this.step, this.lastLoss);
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
    this.full.sample(this.step);
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
      loss = this.problem.onBatch(() => this.problem.trainer.step());
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
    this.curve.add(at, loss);
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
    let full: number | undefined; // the full-data loss at the final params (after a divergence, lastLoss is a step's)
    if (this.divergedAt === undefined && this.error === undefined) {
      full = this.lastLoss = this.safeLoss();
      if (!Number.isFinite(this.lastLoss)) this.divergedAt = this.step;
    }
    this.checkRows();
    this.full.sample(this.step, full);
    this.state = "done";
    this.ended = this.error !== undefined
      ? { kind: "not-converged", reason: "error", step: this.step, error: this.error }
      : verdictOf({
        steps: this.step, learnedAt: this.learnedAt, hasRows: p.rows !== undefined, rows: p.rows,
        singleNeuron: p.singleNeuron, divergedAt: this.divergedAt, lr: this.config.settings.lr,
        initialLoss: this.initialLoss, losses: this.curve.values(), finalLoss: this.lastLoss,
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
    const cb = this.opts.onChange;
    if (!cb) return;
    const now = this.opts.now();
    if (!force && now - this.lastEmit < this.opts.changeMs) return;
    this.lastEmit = now;
    cb(this);
  }

  private settle(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

function paramsFinite(p: Problem): boolean {
  return p.store.values.subarray(0, p.store.size).every(Number.isFinite);
}
