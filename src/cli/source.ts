// Runs on Node (the CLI): a command's source, a `.nn.ts` file or an expression, evaluated to a tape and a target.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { Tape } from "../engine";
import { GradLensError, evaluateDocument, prepareSelection, type DocumentResult, type PreparedSelection } from "../notation";
import { UsageError } from "./args";

export interface Evaluated {
  tape: Tape;
  target: number;
  value: number;
  /** Leaves with their gradients: free names of an expression, params of a file. */
  grads: { name: string; value: number; grad: number }[];
  warnings: string[];
  file: string | undefined;
  doc: DocumentResult | undefined;
  /** An expression, parsed and its free names resolved once (`check` evaluates it again at other points). */
  selection: PreparedSelection | undefined;
}

/** A file's problem as a GradLensError with the file name, so main prints `error: … at file:L:C`. */
export class FileError extends GradLensError {
  constructor(readonly file: string, reason: string, start: number, end: number, text: string) {
    super(reason, start, end, text);
  }
}

export function isFile(arg: string): boolean {
  if (/\.(ts|js|py|txt)$/.test(arg) && !/[\s()*+]/.test(arg)) return true;
  return existsSync(arg) && statSync(arg).isFile();
}

export function readSource(arg: string): string {
  try {
    return readFileSync(arg, "utf8");
  } catch {
    throw new UsageError(`cannot read ${arg}`);
  }
}

export function evaluateFile(file: string, seed?: number): DocumentResult {
  return evaluateText(file, readSource(file), seed);
}

/** A file's text evaluated; its first error, if it did not evaluate, as a FileError. */
export function evaluateText(file: string, text: string, seed?: number): DocumentResult {
  const doc = evaluateDocument(text, { seed });
  const err = doc.diagnostics.find((d) => d.severity === "error");
  if (!doc.ok && err) throw new FileError(file, err.message, err.start, err.end, text);
  return doc;
}

export function evaluate(arg: string, at: Record<string, number>): Evaluated {
  if (isFile(arg)) {
    const doc = evaluateFile(arg);
    if (doc.target === undefined || doc.value === undefined) {
      throw new FileError(arg, "no target: nothing at the top level evaluates to a number", 0, 0, "");
    }
    return {
      tape: doc.tape, target: doc.target, value: doc.value, file: arg, doc, selection: undefined,
      grads: doc.params.map((p) => ({ name: p.name, value: p.value, grad: p.grad })),
      warnings: doc.diagnostics.map((d) => `${arg}:${d.line}:${d.column}: ${d.severity}: ${d.message}`),
    };
  }
  const selection = prepareSelection(arg);
  const r = selection.evaluate(at);
  return {
    tape: r.tape, target: r.target, value: r.value, file: undefined, doc: undefined, selection,
    grads: r.leaves.map((l) => ({ name: l.name, value: l.value, grad: l.grad })),
    warnings: r.warnings.map((w) => `${w.line}:${w.column}: warning: ${w.message}`),
  };
}
