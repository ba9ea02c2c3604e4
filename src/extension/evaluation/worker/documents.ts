// Runs in the evaluator worker (no Node, no vscode): the `.nn.ts` documents this worker knows: their text per
// version (sent once by the host), and their evaluations cached by uri, version and bounds, with the lowered tree,
// which never leaves the worker. The editor features' answers (Problems, CodeLens, hovers, inlay hints, the
// gradient-check report, the file's train settings) are computed here from one evaluation.
import { hoverAt, type HoverModel } from "../../../editor-model/hover";
import { inlaysIn, type InlayModel } from "../../../editor-model/inlays";
import { lensesOf } from "../../../editor-model/lenses";
import { problemsOf } from "../../../editor-model/problems";
import { documentReport } from "../../../editor-model/report";
import { evaluateDocument, GradLensError, languageOfFile, type DocumentResult, type FileReader, type TrainSettings } from "../../../notation";
import type { Source } from "../../../editor-model/source";
import type { CheckOptions, DocRef, Limit, PlainBounds, Results, Summary } from "../protocol";
import { hooked, type Fence } from "./fence";

/** The request names a version whose text the host has not sent here (the host sends it again with the text). */
export class NoTextError extends Error {}

/** A request was cancelled (a newer edit): its half-done evaluation is not kept. */
export class CancelledError extends Error {}

/** An input error without a position (the host words it with the document's name). */
export class InputError extends Error {}

export interface Evaluated {
  result: DocumentResult;
  /** The lowered file and its text; undefined when it does not parse (the result then holds the syntax errors). */
  sf: Source | undefined;
  text: string;
  /** Milliseconds it took; 0 for a cache hit. */
  ms: number;
}

interface Cached extends Evaluated {
  version: number;
  bounds: string;
  /** The time limit it ran under, and whether that limit stopped it (a longer limit then evaluates again). */
  limitMs: number;
  timedOut: boolean;
}

/** Evaluations kept: each holds a tape, so only the documents in use. */
const MAX_CACHED = 6;

export class Documents {
  private readonly texts = new Map<string, { version: number; text: string }>();
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly readerFor?: (uri: string) => FileReader | undefined) {}

  /** The text of `doc` at its version: the one it carries (kept for later requests) or the one kept. */
  text(doc: DocRef): string {
    const known = this.texts.get(doc.uri);
    if (doc.text !== undefined) {
      if (known === undefined || known.version <= doc.version) this.texts.set(doc.uri, { version: doc.version, text: doc.text });
      return doc.text;
    }
    if (known?.version !== doc.version) throw new NoTextError(`no text for ${doc.uri} at version ${doc.version}`);
    return known.text;
  }

  /** The evaluation of `doc` under `bounds`, from the cache when one fits; throws CancelledError when cancelled. */
  evaluation(doc: DocRef, bounds: PlainBounds, fence: Fence, limit: Limit | undefined): Evaluated {
    const text = this.text(doc);
    const key = JSON.stringify(bounds), limitMs = limit?.ms ?? Infinity;
    const hit = this.cache.get(doc.uri);
    if (hit !== undefined && hit.version === doc.version && hit.bounds === key && (!hit.timedOut || hit.limitMs >= limitMs)) {
      // Most recently used last.
      this.cache.delete(doc.uri);
      this.cache.set(doc.uri, hit);
      return { ...hit, ms: 0 };
    }
    const t0 = performance.now();
    // No uri or version: the notation's own cache would keep a cancelled or timed-out result under them.
    const result = evaluateDocument(text, { bounds: hooked(bounds), lang: languageOfFile(doc.uri), readFile: this.readerFor?.(doc.uri) });
    if (fence.fired === "cancelled") throw new CancelledError("cancelled");
    const sf: Source | undefined = result.program !== undefined ? { program: result.program, text } : undefined;
    const ev: Cached = {
      result, sf, text, ms: performance.now() - t0, version: doc.version, bounds: key, limitMs, timedOut: fence.fired === "deadline",
    };
    this.cache.delete(doc.uri);
    this.cache.set(doc.uri, ev);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return ev;
  }

  forget(uri: string): void {
    this.texts.delete(uri);
    this.cache.delete(uri);
  }
}

export function summary(ev: Evaluated, digits: number): Summary {
  const { result, sf } = ev;
  const src = result.target !== undefined ? result.tape.source(result.target) : undefined;
  return {
    problems: problemsOf(result, ev.text.length),
    lenses: sf ? lensesOf(result, sf, digits) : [],
    target: src ? { start: src.start, end: src.end } : undefined,
    ms: ev.ms,
  };
}

export function hover(ev: Evaluated, offset: number, digits: number): HoverModel | null {
  return ev.sf ? (hoverAt(ev.result, ev.sf, offset, digits) ?? null) : null;
}

export function inlays(ev: Evaluated, from: number, to: number, digits: number): InlayModel[] {
  return ev.sf ? inlaysIn(ev.result, ev.sf, from, to, digits) : [];
}

/** The first error of a file that did not evaluate, positioned; a plain reason when it has none. */
export function firstError(ev: Evaluated, otherwise: string): Error {
  const r = ev.result;
  const d = r.diagnostics.find((x) => x.severity === "error") ?? r.diagnostics[0];
  return d ? new GradLensError(d.message, d.start, d.end, ev.text) : new InputError(otherwise);
}

export function report(ev: Evaluated, title: string, check: CheckOptions): Results["documentReport"] {
  const r = ev.result;
  const model = documentReport(r, title, check);
  if (model === undefined) throw firstError(ev, "the file has no target to check");
  const src = r.target !== undefined ? r.tape.source(r.target) : undefined;
  return { report: model, target: src ? { start: src.start, end: src.end } : undefined };
}

export function trainSettings(ev: Evaluated): TrainSettings | null {
  return ev.result.train ?? null;
}
