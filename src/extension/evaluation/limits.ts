// Runs on both sides of the evaluator boundary (pure): how a time limit is worded, the same whether the
// interpreter stopped at it (the worker) or the host ended a worker that ran past it.
import type { Limit } from "./protocol";

/** "5 s", "0.25 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toPrecision(2))} s`;
}

/** "time limit reached (5 s; see gradlens.timeLimit.editor)", worded like the notation's other bounds. */
export function limitMessage(limit: Limit): string {
  return `time limit reached (${formatSeconds(limit.ms)}; see ${limit.setting})`;
}
