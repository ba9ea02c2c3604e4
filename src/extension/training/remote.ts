// Runs in the VS Code extension host (no vscode import): a training session and a comparison as the host sees
// them. They run in training's evaluator worker (../evaluation/worker/training.ts); the host sends run, pause, step,
// reset and cancel, and keeps the newest snapshot the worker streams. A worker that restarted takes its session
// with it: the session then reads as cancelled and says why.
import type { EvaluatorClient } from "../evaluation/client";
import type { Limit, PlainBounds, PlainTrainConfig, Results, TrainAction, WorkerEvent } from "../evaluation/protocol";
import type { CompareSnapshot, TrainingSnapshot } from "../../view/training";

export class RemoteTraining {
  private waiters: ((s: TrainingSnapshot) => void)[] = [];
  private readonly generation: number;

  private constructor(
    private readonly client: EvaluatorClient, readonly id: number, readonly config: PlainTrainConfig, private last: TrainingSnapshot,
  ) {
    this.generation = client.generation;
  }

  /** Builds the problem in the worker (a SettingsError there rejects with its message). */
  static async start(client: EvaluatorClient, id: number, config: PlainTrainConfig, bounds: PlainBounds, stepLimit: Limit): Promise<RemoteTraining> {
    const first = await client.call({ kind: "trainStart", session: id, config, bounds, stepLimit }, { label: `training ${label(config)}`, limit: stepLimit }).promise;
    return new RemoteTraining(client, id, config, first);
  }

  get snapshot(): TrainingSnapshot {
    return this.last;
  }

  /** Still in the worker that started it? */
  get alive(): boolean {
    return this.client.generation === this.generation;
  }

  get stopped(): boolean {
    const s = this.last.state;
    return s === "done" || s === "cancelled" || !this.alive;
  }

  async control(action: TrainAction, stepLimit: Limit): Promise<TrainingSnapshot> {
    if (action === "run" || action === "step") this.client.background = `training ${this.last.label}`;
    const s = await this.client.call({ kind: "trainControl", session: this.id, action }, { label: `training ${this.last.label}`, limit: stepLimit }).promise;
    this.take(s);
    return s;
  }

  /** The worker's snapshot of this session (events of other sessions are not this one's). */
  onEvent(e: WorkerEvent): boolean {
    if (e.type !== "training" || e.session !== this.id) return false;
    this.take(e.snapshot);
    return true;
  }

  /** The snapshot once the session is not running (paused, done, cancelled, or its worker gone). */
  whenStopped(): Promise<TrainingSnapshot> {
    if (this.last.state !== "running" || !this.alive) return Promise.resolve(this.last);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Its worker stopped: the session is gone; `why` goes into its notes. */
  lost(why: string): TrainingSnapshot {
    this.take({ ...this.last, state: "cancelled", notes: [...this.last.notes, `stopped: ${why}`] });
    return this.last;
  }

  /** The edits that write the trained values into the file (the worker evaluates it once more for them). */
  edits(limit: Limit): Promise<Results["trainEdits"]> {
    return this.client.call({ kind: "trainEdits", session: this.id }, { label: `training ${this.last.label}`, limit }).promise;
  }

  private take(s: TrainingSnapshot): void {
    this.last = s;
    if (s.state === "running") return;
    if (this.client.background?.endsWith(s.label)) this.client.background = undefined;
    for (const w of this.waiters.splice(0)) w(s);
  }
}

/** Backprop against finite differences in the worker: resolves `done` when both runs ended. */
export class RemoteComparison {
  last: CompareSnapshot;
  readonly done: Promise<CompareSnapshot>;
  private finish!: (c: CompareSnapshot) => void;

  private constructor(private readonly client: EvaluatorClient, readonly id: number, first: CompareSnapshot) {
    this.last = first;
    this.done = new Promise((resolve) => (this.finish = resolve));
    if (first.done) this.finish(first);
  }

  static async start(client: EvaluatorClient, id: number, config: PlainTrainConfig, bounds: PlainBounds, stepLimit: Limit): Promise<RemoteComparison> {
    const first = await client.call({ kind: "compareStart", session: id, config, bounds, stepLimit }, { label: `comparing ${label(config)}`, limit: stepLimit }).promise;
    return new RemoteComparison(client, id, first);
  }

  onEvent(e: WorkerEvent): boolean {
    if (e.type !== "compare" || e.session !== this.id) return false;
    this.last = e.compare;
    if (e.compare.done) this.finish(e.compare);
    return true;
  }

  cancel(): void {
    void this.client.call({ kind: "compareCancel", session: this.id }, { label: "a comparison" }).promise.catch(() => undefined);
    this.finish(this.last);
  }
}

function label(c: PlainTrainConfig): string {
  return c.source.kind === "document" ? c.source.label : c.source.dataset;
}
