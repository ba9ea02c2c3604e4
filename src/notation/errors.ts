// Runs anywhere (extension host, CLI, tests): the one error class of the notation, with its source position.

/** 1-based line and column of an offset in text. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A problem with a source range: offsets into the document (or the selection when there is no document). */
export interface Diagnostic {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning";
}

/**
 * Bad input: a parse error, an unknown name, a wrong argument, a bound hit. `reason` has no position;
 * `message` adds "(line L:C)"; `all` holds every parse error when there were several.
 */
export class GradLensError extends Error {
  readonly line: number;
  readonly column: number;
  all: GradLensError[] = [this];

  constructor(
    readonly reason: string,
    readonly start: number,
    readonly end: number,
    text: string,
  ) {
    const { line, column } = lineCol(text, start);
    super(`${reason} (line ${line}:${column})`);
    this.name = "GradLensError";
    this.line = line;
    this.column = column;
  }

  toDiagnostic(severity: "error" | "warning" = "error"): Diagnostic {
    const { reason: message, start, end, line, column } = this;
    return { message, start, end, line, column, severity };
  }
}

/** An evaluation stopped from outside: its deadline passed ("deadline") or its interruption hook answered ("interrupted"). */
export class InterruptedError extends GradLensError {
  constructor(
    readonly why: "deadline" | "interrupted",
    reason: string,
    start: number,
    end: number,
    text: string,
  ) {
    super(reason, start, end, text);
    this.name = "InterruptedError";
  }
}

export function warning(message: string, start: number, end: number, text: string): Diagnostic {
  const { line, column } = lineCol(text, start);
  return { message, start, end, line, column, severity: "warning" };
}
