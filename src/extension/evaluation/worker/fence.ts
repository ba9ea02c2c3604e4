// Runs in the evaluator worker (no Node, no vscode): what stops an evaluation early: the request's wall-clock limit
// and its cancel flag (a SharedArrayBuffer the host sets when a newer edit makes the request stale). The interpreter
// polls Bounds.interrupted every 1024 steps; here that hook reads the fence of whatever runs now, so a document's
// closures that re-run it later (gradient checks, training steps) obey the request running them, not the first one.
import type { Bounds } from "../../../notation";
import { limitMessage } from "../limits";
import type { Limit, PlainBounds } from "../protocol";

export const CANCELLED = "cancelled: a newer edit replaced this evaluation";

export class Fence {
  /** Why the fence stopped an evaluation, once it has. */
  fired: "deadline" | "cancelled" | undefined;
  private deadline = Infinity;
  private readonly flag: Int32Array | undefined;

  constructor(private limit: Limit | undefined, cancel?: SharedArrayBuffer, private readonly now: () => number = () => performance.now()) {
    this.flag = cancel ? new Int32Array(cancel, 0, 1) : undefined;
    this.arm(limit);
  }

  /** Starts the clock again (each training step gets the whole per-step limit). */
  arm(limit = this.limit): this {
    this.limit = limit;
    this.deadline = limit ? this.now() + limit.ms : Infinity;
    return this;
  }

  /** The message to stop with, or undefined to go on. */
  check(): string | undefined {
    if (this.flag !== undefined && Atomics.load(this.flag, 0) !== 0) {
      this.fired = "cancelled";
      return CANCELLED;
    }
    if (this.limit !== undefined && this.now() > this.deadline) {
      this.fired = "deadline";
      return limitMessage(this.limit);
    }
    return undefined;
  }
}

let current: Fence | undefined;

/** Runs f with `fence` as the one the interpreter polls, then puts the previous one back. */
export function within<T>(fence: Fence, f: () => T): T {
  const saved = current;
  current = fence;
  try {
    return f();
  } finally {
    current = saved;
  }
}

const interrupted = (): string | undefined => current?.check();

/** The bounds of an evaluation in this worker: the host's numbers and the polled hook. */
export function hooked(plain: PlainBounds): Partial<Bounds> {
  return { ...plain, interrupted };
}
