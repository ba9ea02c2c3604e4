// Runs anywhere: what the two front ends (typescript/lower.ts, python/lower.ts) share while lowering a syntax tree
// to GradLens's own tree: the result, the list of unsupported constructs, and the nesting bound that turns absurd
// nesting into a positioned error instead of a stack overflow.
import { GradLensError } from "./errors";
import type { Program, Unsupported } from "./tree";

/** A lowered selection or file, and every unsupported construct in it (each also stands in the tree). */
export interface Lowered {
  readonly program: Program;
  readonly unsupported: readonly Unsupported[];
}

/**
 * Deepest nesting the lowerings follow (calls, brackets, right-nested operators, nested functions and blocks; CPython
 * itself stops at 200 nested parentheses); a left-associative chain (`a + b + …`, `a and b and …`) counts once
 * however long it is.
 */
export const MAX_NESTING = 1000;

/** Thrown inside a lowering: the nearest expression or statement becomes this Unsupported node. */
export class Rejected {
  constructor(readonly node: Unsupported) {}
}

/** State shared by every part of one lowering. */
export class Lowering {
  readonly unsupported: Unsupported[] = [];
  private depth = 0;
  /** The construct entered last: where a stack overflow is reported (see guard). */
  private at = { start: 0, end: 0 };

  constructor(
    /** Offset of the lowered text in its document: spans are document offsets. */
    readonly base: number,
    /** The document text (line and column numbers of errors are computed in it). */
    readonly doc: string,
  ) {}

  /** An Unsupported node at [start, end) (document offsets), listed. */
  unsupportedAt(what: string, start: number, end: number): Unsupported {
    const u: Unsupported = { kind: "unsupported", what, start, end };
    this.unsupported.push(u);
    return u;
  }

  /** Reject the construct at [start, end): the nearest expression or statement becomes Unsupported. */
  reject(what: string, start: number, end: number): never {
    throw new Rejected(this.unsupportedAt(what, start, end));
  }

  /** One level deeper, into the construct at [start, end); past MAX_NESTING a positioned error ends the lowering. */
  enter(start: number, end: number): void {
    if (this.depth >= MAX_NESTING) throw this.tooDeep(start, end);
    this.depth++;
    this.at = { start, end };
  }

  leave(): void {
    this.depth--;
  }

  /** Lower one level deeper (enter, then leave however it ends). */
  nest<T>(start: number, end: number, lower: () => T): T {
    this.enter(start, end);
    try {
      return lower();
    } finally {
      this.leave();
    }
  }

  /** Run a whole lowering: a JavaScript stack overflow (a smaller stack than MAX_NESTING needs) becomes a positioned error. */
  guard<T>(lower: () => T): T {
    try {
      return lower();
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw this.tooDeep(this.at.start, this.at.end);
      throw e;
    }
  }

  tooDeep(start: number, end: number): GradLensError {
    return new GradLensError(`too deeply nested (more than ${MAX_NESTING} levels)`, start, end, this.doc);
  }
}
