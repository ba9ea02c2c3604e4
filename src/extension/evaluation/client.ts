// Runs in the VS Code extension host (no vscode import, so vitest drives it with a real worker): one evaluator
// worker (Node worker_threads, resourceLimits as a second fence after the notation's budget) and its requests.
// Requests go to the worker one at a time, so the host knows what runs there and since when: a queued request is
// cancelled here, a running one through its shared flag. A request past its time limit by more than the grace (code
// that never reaches the interpreter's poll) ends the worker; a worker that dies (out of memory, a crash) fails its
// request with a message saying so and is started again. Either way the host carries on.
import { Worker, type ResourceLimits } from "node:worker_threads";
import { EvaluatorError } from "./errors";
import { isFromWorker, RESULTS } from "./guards";
import { limitMessage } from "./limits";
import type { DocRef, Envelope, Limit, Request, RequestKind, Results, WorkerEvent } from "./protocol";

export interface Stopped {
  /** What the worker was evaluating when it stopped, if anything. */
  label: string | undefined;
  /** "out of memory", "exit code 1", … */
  reason: string;
  message: string;
}

export interface ClientOptions {
  /** The worker's bundle (dist/evaluator.js). */
  script: string;
  resourceLimits?: ResourceLimits;
  /** Load TypeScript's parser as soon as the worker starts (the editor's workers: their first hover is then quick). */
  warm?: boolean;
  /** How long past its limit a request may run before the worker is ended (default 2000 ms). */
  graceMs?: number;
  onEvent?: (e: WorkerEvent) => void;
  /** The worker died and was started again. */
  onStopped?: (s: Stopped) => void;
  log?: (line: string) => void;
}

export interface CallOptions {
  /** What is evaluated, for messages: "foo.nn.ts", "the selection in foo.nn.ts". */
  label: string;
  limit?: Limit;
  /** The text of the request's document at its version, sent unless the worker has that version already. */
  text?: string;
  /** Give the request a shared cancel flag (requests a newer edit makes stale). */
  cancellable?: boolean;
}

export interface Job<T> {
  readonly promise: Promise<T>;
  /** Drop it if still queued; ask it to stop if running (it then fails as cancelled). */
  cancel(): void;
}

interface Pending {
  id: number;
  request: Request;
  opts: CallOptions;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  flag?: Int32Array;
  timer?: ReturnType<typeof setTimeout>;
  resent?: boolean;
}

/** The worker memory limit: a runaway allocation ends the worker, not the extension host. */
export const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64, stackSizeMb: 16 };

export function docRef(r: Request): DocRef | undefined {
  if ("doc" in r) return r.doc;
  return r.kind === "graphOpen" && r.spec.kind === "document" ? r.spec.doc : undefined;
}

function withText(r: Request, text: string): Request {
  if ("doc" in r) return { ...r, doc: { ...r.doc, text } } as Request;
  if (r.kind === "graphOpen" && r.spec.kind === "document") return { ...r, spec: { ...r.spec, doc: { ...r.spec.doc, text } } };
  return r;
}

export class EvaluatorClient {
  private worker: Worker | undefined;
  private current: Pending | undefined;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private lastError: Error | undefined;
  private disposed = false;
  /** The current worker has replied at least once; workers in a row that died before that. */
  private answered = false;
  private silentDeaths = 0;
  /** The version of each document whose text the worker has, and of each it has evaluated. */
  private readonly texts = new Map<string, number>();
  private readonly evaluated = new Map<string, number>();
  /** Goes up each time a worker starts: sessions kept in an older one are gone. */
  generation = 0;
  /** What runs in the worker between requests (a training session), for the message if it dies then. */
  background: string | undefined;

  constructor(private readonly opts: ClientOptions) {}

  call<K extends RequestKind>(request: Extract<Request, { kind: K }>, opts: CallOptions): Job<Results[K]> {
    let pending!: Pending;
    const promise = new Promise<Results[K]>((resolve, reject) => {
      pending = { id: this.nextId++, request, opts, resolve: resolve as (v: unknown) => void, reject };
    });
    if (opts.cancellable && typeof SharedArrayBuffer === "function") pending.flag = new Int32Array(new SharedArrayBuffer(4));
    this.queue.push(pending);
    this.pump();
    return { promise, cancel: () => this.cancel(pending) };
  }

  /** Starts the worker ahead of the first request (it loads TypeScript's parser meanwhile). */
  start(): void {
    if (!this.disposed) this.ensureWorker();
  }

  /** Requests waiting or running. */
  get load(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  get idle(): boolean {
    return this.load === 0;
  }

  /** Has this worker evaluated this version of the document (its answers are then cached there)? */
  holds(uri: string, version: number): boolean {
    return this.evaluated.get(uri) === version;
  }

  /** Documents whose text the worker holds. */
  get documents(): number {
    return this.texts.size;
  }

  hasText(uri: string): boolean {
    return this.texts.has(uri);
  }

  /** Is every request here (running or queued) about this version of this document? */
  busyOnlyWith(uri: string, version: number): boolean {
    const about = (p: Pending) => {
      const d = docRef(p.request);
      return d?.uri === uri && d.version === version;
    };
    return (this.current === undefined || about(this.current)) && this.queue.every(about);
  }

  /** Cancel the requests about `uri` older than `version` (a newer edit makes them stale). */
  cancelStale(uri: string, version: number): void {
    for (const p of [...(this.current ? [this.current] : []), ...this.queue]) {
      const d = docRef(p.request);
      if (d?.uri === uri && d.version < version) this.cancel(p);
    }
  }

  /** The worker no longer needs this document (closed). */
  forget(uri: string): void {
    this.evaluated.delete(uri);
    if (this.texts.delete(uri)) void this.call({ kind: "forget", uri }, { label: uri }).promise.catch(() => undefined);
  }

  private cancel(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at >= 0) {
      this.queue.splice(at, 1);
      p.reject(new EvaluatorError("cancelled", "cancelled: a newer edit replaced this evaluation"));
    } else if (this.current === p && p.flag) {
      Atomics.store(p.flag, 0, 1);
    }
  }

  private pump(): void {
    if (this.current !== undefined || this.disposed) return;
    const p = this.queue.shift();
    if (p === undefined) return;
    this.current = p;
    let request = p.request;
    const d = docRef(request);
    if (d !== undefined && p.opts.text !== undefined && this.texts.get(d.uri) !== d.version) {
      request = withText(request, p.opts.text);
      this.texts.set(d.uri, d.version);
    }
    const env: Envelope = { id: p.id, request, limit: p.opts.limit, cancel: p.flag?.buffer as SharedArrayBuffer | undefined };
    this.ensureWorker().postMessage(env);
    const limit = p.opts.limit;
    if (limit) p.timer = setTimeout(() => this.overrun(p, limit), limit.ms + (this.opts.graceMs ?? 2000));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.opts.script, {
      resourceLimits: this.opts.resourceLimits ?? RESOURCE_LIMITS, name: "GradLens evaluator", workerData: { warm: this.opts.warm === true },
    });
    this.worker = w;
    this.generation++;
    this.lastError = undefined;
    this.answered = false;
    w.on("message", (m: unknown) => w === this.worker && this.onMessage(m));
    w.on("error", (e: Error) => {
      if (w === this.worker) this.lastError = e;
    });
    w.on("exit", (code) => w === this.worker && this.onExit(code));
    return w;
  }

  private onMessage(m: unknown): void {
    if (!isFromWorker(m)) {
      this.opts.log?.("evaluator: dropped a malformed message from the worker");
      return;
    }
    if (m.type !== "reply") return this.opts.onEvent?.(m);
    this.answered = true;
    const p = this.current;
    if (p === undefined || p.id !== m.id) return;
    clearTimeout(p.timer);
    this.current = undefined;
    const d = docRef(p.request);
    if (m.ok) {
      if (RESULTS[p.request.kind](m.result)) {
        if (d) this.evaluated.set(d.uri, d.version);
        p.resolve(m.result);
      } else {
        p.reject(new EvaluatorError("internal", `the evaluator answered ${p.request.kind} with a malformed result`));
      }
    } else if (m.error.code === "noText" && !p.resent && d && p.opts.text !== undefined) {
      // The worker lost the text (it cannot have: only a restart clears it); send it again, once.
      this.texts.delete(d.uri);
      p.resent = true;
      this.queue.unshift(p);
    } else {
      p.reject(EvaluatorError.from(m.error));
    }
    this.pump();
  }

  /** A request ran past its limit without the interpreter stopping it: end the worker, fail the request. */
  private overrun(p: Pending, limit: Limit): void {
    if (this.current !== p) return;
    const message = `GradLens stopped evaluating ${p.opts.label}: ${limitMessage(limit)}; its evaluator was restarted`;
    this.opts.log?.(message);
    this.restart(new EvaluatorError("timeout", message));
  }

  private onExit(code: number): void {
    const reason = this.lastError === undefined ? `exit code ${code}`
      : (this.lastError as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? "out of memory" : this.lastError.message;
    const label = this.current?.opts.label ?? this.background;
    const message = label !== undefined
      ? `GradLens's evaluator stopped while evaluating ${label} (${reason}); it has been restarted`
      : `GradLens's evaluator stopped (${reason}); it has been restarted`;
    this.restart(new EvaluatorError("stopped", message));
    this.opts.onStopped?.({ label, reason, message });
  }

  /** Ends the worker (if still running), fails the running request with `e`, and starts a new worker for the queue. */
  private restart(e: EvaluatorError): void {
    const w = this.worker, p = this.current;
    this.silentDeaths = this.answered ? 0 : this.silentDeaths + 1;
    this.worker = undefined;
    this.current = undefined;
    this.texts.clear();
    this.evaluated.clear();
    void w?.terminate();
    if (p) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    if (this.disposed) return;
    if (this.silentDeaths >= 3) {
      // Workers that keep dying before answering anything would die again: fail what waits; a new request tries anew.
      this.silentDeaths = 0;
      for (const q of this.queue.splice(0)) q.reject(e);
      return;
    }
    // Started at once, so the next request does not wait for TypeScript's parser to load.
    this.ensureWorker();
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    const all = [...(this.current ? [this.current] : []), ...this.queue];
    this.queue.length = 0;
    this.current = undefined;
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(new EvaluatorError("cancelled", "GradLens is shutting down"));
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
