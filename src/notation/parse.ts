// Runs anywhere: parsing with TypeScript's own parser. The `typescript` package is loaded on first use, once, so
// the extension host's activation does not pay for it; parses are cached by (uri, version) or by text.
import type * as TS from "typescript";
import { GradLensError } from "./errors";
import { deepestOffset } from "./typescript/nesting";

let tsModule: typeof TS | undefined;

/** The TypeScript compiler API, loaded lazily. */
export function ts(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (tsModule === undefined) tsModule = require("typescript") as typeof TS;
  return tsModule;
}

/** TypeScript's "unary minus on the left of **" error: Python reads `-a ** b` as `-(a ** b)`. */
export const UNARY_POW_DIAGNOSTIC = 17006;

const cache = new Map<string, TS.SourceFile>();
const CACHE_SIZE = 32;

export interface ParseOptions {
  uri?: string;
  version?: number;
  languageId?: string;
}

/**
 * How GradLens parses a text, given the TypeScript module: one place, so that the TS server plugin (which gets
 * tsserver's module) can tell which syntax errors GradLens reports itself.
 */
export function sourceFile(t: typeof TS, text: string): TS.SourceFile {
  return t.createSourceFile("input.ts", text, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
}

/** The parser's own diagnostics of a source file (every one is a GradLens parse error, outside Python). */
export function parseDiagnostics(sf: TS.SourceFile): readonly TS.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics;
}

/** Parse, or throw a GradLensError holding every parse error (in `all`). */
export function parse(text: string, opts: ParseOptions = {}): TS.SourceFile {
  const key = opts.uri !== undefined && opts.version !== undefined ? `${opts.uri}\u0000${opts.version}` : `\u0001${text}`;
  let sf = cache.get(key);
  if (sf === undefined || sf.text !== text) {
    const t = ts();
    try {
      sf = sourceFile(t, text);
    } catch (e) {
      // TypeScript's parser is recursive: absurd nesting overflows the stack before it can report anything. Say
      // where the text nests deepest.
      if (e instanceof RangeError) {
        const at = deepestOffset(t, text);
        throw new GradLensError("too deeply nested to parse", at, Math.min(at + 1, text.length), text);
      }
      throw e;
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, sf);
  }
  const errors = parseErrors(sf, opts.languageId === "python");
  if (errors.length > 0) {
    errors[0].all = errors;
    throw errors[0];
  }
  return sf;
}

function parseErrors(sf: TS.SourceFile, python: boolean): GradLensError[] {
  const t = ts();
  const diags = parseDiagnostics(sf);
  const out: GradLensError[] = [];
  for (const d of diags) {
    if (python && d.code === UNARY_POW_DIAGNOSTIC) continue;
    const start = d.start, end = d.start + d.length;
    const hint = python ? " (Python is read as expressions and simple assignments; Python-only syntax such as `if … else`, `lambda`, `def` or `and` is not supported)" : "";
    out.push(new GradLensError(describe(sf.text, d, t) + hint, start, Math.max(end, start), sf.text));
  }
  return out;
}

/** "unexpected token ')'" reads better than TypeScript's "';' expected." when a stray token is the problem. */
function describe(text: string, d: TS.DiagnosticWithLocation, t: typeof TS): string {
  const msg = t.flattenDiagnosticMessageText(d.messageText, "\n");
  const token = text.slice(d.start, d.start + Math.max(d.length, 1)).trim();
  const stray = d.code === 1005 && msg === "';' expected." || d.code === 1109 || d.code === 1128;
  if (stray) return token === "" || d.start >= text.length ? "unexpected end of input" : `unexpected token '${token}'`;
  return msg.replace(/\.$/, "");
}
