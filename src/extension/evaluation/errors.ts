// Runs in the VS Code extension host (no vscode import): how a failed request reaches the code that asked. The
// worker's plain errors and the client's own (the worker stopped, a time limit ran out where it could not be
// polled) become one error class; bad input positioned in a document becomes the notation's GradLensError again.
import { GradLensError } from "../../notation";
import type { PlainError } from "./protocol";

/**
 * stopped: the worker died (out of memory, a crash) and was restarted; timeout: the request ran past its limit where
 * the limit is not polled, so the worker was ended and restarted; the rest as PlainError says.
 */
export type FailureCode = PlainError["code"] | "stopped" | "timeout";

export class EvaluatorError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** For bad input positioned in the request's document: the message without its position, and where. */
    readonly at?: { reason: string; start: number; end: number },
  ) {
    super(message);
    this.name = "EvaluatorError";
  }

  static from(e: PlainError): EvaluatorError {
    const at = e.reason !== undefined && e.start !== undefined ? { reason: e.reason, start: e.start, end: e.end ?? e.start } : undefined;
    return new EvaluatorError(e.code, e.message, at);
  }
}

/** A positioned input error as a GradLensError in `text` (the document it is about); anything else as it is. */
export function inDocument(e: unknown, text: string): unknown {
  return e instanceof EvaluatorError && e.at !== undefined ? new GradLensError(e.at.reason, e.at.start, e.at.end, text) : e;
}

export function isCancelled(e: unknown): boolean {
  return e instanceof EvaluatorError && e.code === "cancelled";
}
