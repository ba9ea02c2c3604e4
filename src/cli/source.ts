// Runs on Node (the CLI): a command's source, a `.nn.ts` or `.py` file, standard input (`-`) or an expression,
// evaluated to a tape and a target.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { Tape } from "../engine";
import {
  GradLensError, evaluateDocument, languageOfFile, prepareSelection, type Bounds, type DocumentResult, type Lang, type PreparedSelection,
} from "../notation";
import { UsageError } from "./args";
import { folderReader } from "./files";

export interface Evaluated {
  tape: Tape;
  target: number;
  value: number;
  /** Leaves with their gradients: free names of an expression, params of a file. */
  grads: { name: string; value: number; grad: number }[];
  warnings: string[];
  /** Names an expression assigns a plain number (`x = 53; …`): constants, with no gradient. */
  constants: { name: string; value: number }[];
  file: string | undefined;
  doc: DocumentResult | undefined;
  /** An expression, parsed and its free names resolved once (`check` evaluates it again at other points). */
  selection: PreparedSelection | undefined;
  /** `graph` of a program of its own autograd: its gradients by node, drawn beside the true ones. */
  claims?: ReadonlyMap<number, number>;
}

/** A file's problem as a GradLensError with the file name, so main prints `error: … at file:L:C`. */
export class FileError extends GradLensError {
  constructor(readonly file: string, reason: string, start: number, end: number, text: string) {
    super(reason, start, end, text);
  }
}

/** `-` is standard input, read as a file. */
export function isFile(arg: string): boolean {
  if (arg === "-") return true;
  if (/\.(ts|js|py|txt)$/.test(arg) && !/[\s()*+]/.test(arg)) return true;
  return existsSync(arg) && statSync(arg).isFile();
}

export function readSource(arg: string): string {
  try {
    return readFileSync(arg === "-" ? 0 : arg, "utf8");
  } catch {
    throw new UsageError(`cannot read ${arg}`);
  }
}

/** A source's language: `--lang` when given, else a `.py` file is Python and anything else TypeScript. */
export function languageOf(arg: string, lang?: Lang): Lang {
  return lang ?? languageOfFile(arg);
}

/**
 * A file's text evaluated (Python for a `.py` file or `lang` "py"; its `load(...)` reading its own folder; `seen`
 * collects what it read); its first error, if it did not evaluate, as a FileError.
 */
export function evaluateText(
  file: string, text: string, seed?: number, bounds?: Partial<Bounds>, lang?: Lang, seen?: Map<string, string>,
): DocumentResult {
  const doc = evaluateDocument(text, { seed, bounds, readFile: folderReader(file, seen), lang: languageOf(file, lang) });
  const err = doc.diagnostics.find((d) => d.severity === "error");
  if (!doc.ok && err) throw new FileError(file === "-" ? "<stdin>" : file, err.message, err.start, err.end, text);
  return doc;
}

/** A file with no target, as the error `grad`, `graph` and `train` stop with (at the tensor that stood there, if one did). */
export function noTarget(file: string, text: string, doc: DocumentResult): FileError {
  const why = doc.diagnostics.find((d) => d.message === doc.noTarget);
  const checks = why === undefined && doc.gradchecks.length > 0 ? ` (the file makes gradient checks only: \`gradlens check ${file}\` runs them)` : "";
  return new FileError(file, `${doc.noTarget ?? "no target"}${checks}`, why?.start ?? 0, why?.end ?? 0, text);
}

/** `--at` gives values to an expression's free names; a file's values come from the file. */
export function rejectAt(arg: string, at: Readonly<Record<string, number>>): void {
  const names = Object.keys(at);
  if (names.length > 0) throw new UsageError(`--at ${names.join(",")}: --at gives values to an expression's free names; ${arg} is a file, whose values come from itself`);
}

/** A file's problems as `file:L:C: severity: message` lines. */
export function fileWarnings(file: string, doc: DocumentResult): string[] {
  return doc.diagnostics.map((d) => `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
}

export function evaluate(
  arg: string, at: Readonly<Record<string, number>>, bounds?: Partial<Bounds>, lang?: Lang, drawOwn = false,
): Evaluated {
  if (isFile(arg)) {
    rejectAt(arg, at);
    const text = readSource(arg), doc = evaluateText(arg, text, undefined, bounds, lang);
    // With no target, a program of its own autograd draws what its `root.backward()` computed (graph only).
    const own = drawOwn && doc.target === undefined ? doc.learnerGraph : undefined;
    if (own !== undefined) {
      return {
        tape: own.tape, target: own.root, value: own.tape.val[own.root], file: arg, doc, selection: undefined, constants: [],
        grads: [], warnings: fileWarnings(arg, doc), claims: own.claims,
      };
    }
    if (doc.target === undefined || doc.value === undefined) throw noTarget(arg, text, doc);
    return {
      tape: doc.tape, target: doc.target, value: doc.value, file: arg, doc, selection: undefined, constants: [],
      grads: doc.params.map((p) => ({ name: p.name, value: p.value, grad: p.grad })),
      warnings: fileWarnings(arg, doc),
    };
  }
  const selection = prepareSelection(arg, lang === "py" ? { languageId: "python" } : {});
  const r = selection.evaluate(at, bounds);
  // Every --at name is used or said to be unused (a typo, or `__proto__`, is never silently dropped).
  const unused = Object.keys(at).filter((n) => !r.leaves.some((l) => l.kind === "input" && l.name === n));
  return {
    tape: r.tape, target: r.target, value: r.value, file: undefined, doc: undefined, selection, constants: r.constants,
    grads: r.leaves.map((l) => ({ name: l.name, value: l.value, grad: l.grad })),
    warnings: [
      ...unused.map((n) => `warning: --at ${n}: no name \`${n}\` in the expression`),
      ...r.warnings.map((w) => `${w.line}:${w.column}: warning: ${w.message}`),
    ],
  };
}
