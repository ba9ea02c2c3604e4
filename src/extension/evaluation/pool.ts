// Runs in the VS Code extension host (no vscode import, so vitest drives it with real workers): the evaluator
// workers and which one answers what. Document requests go to an idle worker that has (or is building) the
// document's evaluation, else to any idle worker, which builds it: one runaway evaluation never holds up another
// file's hover. Graph sessions and prepared selections stay on the worker that made them; training has a worker of
// its own, so its slices never wait behind an editor evaluation and a pause gets through within a slice.
import { EvaluatorClient, docRef, type CallOptions, type ClientOptions, type Job, type Stopped } from "./client";
import type { Request, RequestKind, Results, WorkerEvent } from "./protocol";

export interface PoolOptions extends Omit<ClientOptions, "onEvent" | "onStopped"> {
  /** Workers for the editor features and commands (default 2). */
  size?: number;
}

type Listener<T> = (x: T) => void;

export class EvaluatorPool {
  readonly editors: EvaluatorClient[];
  private trainer: EvaluatorClient | undefined;
  private readonly eventListeners = new Set<Listener<WorkerEvent>>();
  private readonly stopListeners = new Set<Listener<Stopped>>();
  private nextSession = 1;

  constructor(private readonly opts: PoolOptions) {
    this.editors = Array.from({ length: Math.max(1, opts.size ?? 2) }, () => this.client(true));
    for (const c of this.editors) c.start();
  }

  /** A request about a document (its `doc`), on the worker best placed to answer it now. */
  document<K extends RequestKind>(request: Extract<Request, { kind: K }>, opts: CallOptions): Job<Results[K]> {
    const d = docRef(request);
    const client = d ? this.route(d.uri, d.version) : this.place();
    return client.call(request, { cancellable: true, ...opts });
  }

  /** The worker for a new session (a graph, a prepared selection): an idle one, else the least loaded. */
  place(): EvaluatorClient {
    return this.editors.find((c) => c.idle) ?? this.leastLoaded();
  }

  /** Training's own worker, started on first use. */
  training(): EvaluatorClient {
    this.trainer ??= this.client(false);
    return this.trainer;
  }

  /** A fresh id for a session (graph, selection, training) on any worker. */
  sessionId(): number {
    return this.nextSession++;
  }

  /** A newer version of `uri` exists: requests about older ones stop. */
  cancelStale(uri: string, version: number): void {
    for (const c of this.editors) c.cancelStale(uri, version);
  }

  forget(uri: string): void {
    for (const c of this.editors) c.forget(uri);
  }

  onEvent(f: Listener<WorkerEvent>): { dispose(): void } {
    this.eventListeners.add(f);
    return { dispose: () => this.eventListeners.delete(f) };
  }

  /** A worker died and was started again (say so once). */
  onStopped(f: Listener<Stopped>): { dispose(): void } {
    this.stopListeners.add(f);
    return { dispose: () => this.stopListeners.delete(f) };
  }

  dispose(): void {
    for (const c of [...this.editors, ...(this.trainer ? [this.trainer] : [])]) c.dispose();
    this.eventListeners.clear();
    this.stopListeners.clear();
  }

  private route(uri: string, version: number): EvaluatorClient {
    // Busy with this very version: queue behind it and answer from its cache.
    const holder = this.editors.find((c) => c.holds(uri, version) || (!c.idle && c.busyOnlyWith(uri, version)));
    if (holder && (holder.idle || holder.busyOnlyWith(uri, version))) return holder;
    const idle = this.editors.filter((c) => c.idle);
    // An idle worker that has the text, else the one holding the fewest evaluations (documents spread out).
    if (idle.length > 0) return idle.find((c) => c.hasText(uri)) ?? idle.reduce((a, b) => (b.documents < a.documents ? b : a));
    return holder ?? this.leastLoaded();
  }

  private leastLoaded(): EvaluatorClient {
    return this.editors.reduce((a, b) => (b.load < a.load ? b : a));
  }

  private client(warm: boolean): EvaluatorClient {
    return new EvaluatorClient({
      ...this.opts,
      warm,
      onEvent: (e) => { for (const f of this.eventListeners) f(e); },
      onStopped: (s) => { for (const f of this.stopListeners) f(s); },
    });
  }
}
