// Runs anywhere: from text to GradLens's tree through the right front end: TypeScript's parser (typescript/) for
// `.nn.ts` files and selections elsewhere, @lezer/python (python/) for Python. Lowerings are cached per parse (a
// document's training re-runs and hovers lower it once).
import { GradLensError } from "./errors";
import type { Lowered } from "./lowering";
import { parse } from "./parse";
import { parsePython } from "./python/parse";
import { lowerPython } from "./python/lower";
import type { Lang } from "./tree";
import { lowerTypeScript } from "./typescript/lower";

export interface FrontOptions {
  uri?: string;
  version?: number;
  /** Offset of the text in its document (a selection's place) and the document: spans are document offsets. */
  base?: number;
  doc?: string;
}

/** `.py` files are Python; anything else is read as TypeScript. */
export function languageOfFile(fileName: string): Lang {
  return /\.py$/i.test(fileName) ? "py" : "ts";
}

/** The language of a VS Code language id (a selection's document): "python" is Python. */
export function languageOfId(languageId: string | undefined): Lang {
  return languageId === "python" ? "py" : "ts";
}

const cache = new Map<string, { text: string; lowered: Lowered }>();
const CACHE_SIZE = 32;

/** Error positions of a text parsed on its own, moved into the document. */
export function rebase(e: GradLensError, base: number, doc: string): GradLensError {
  const all = e.all.map((x) => new GradLensError(x.reason, x.start + base, x.end + base, doc));
  all[0].all = all;
  return all[0];
}

/** Parse and lower; throws a GradLensError (every parse error in `all`) positioned in the document. */
export function lower(text: string, lang: Lang, opts: FrontOptions = {}): Lowered {
  const base = opts.base ?? 0, doc = opts.doc ?? text;
  // Only whole documents are cached: a selection is lowered once by prepareSelection.
  const key = opts.doc === undefined && base === 0
    ? `${lang}\u0000${opts.uri !== undefined && opts.version !== undefined ? `${opts.uri}\u0000${opts.version}` : `\u0001${text}`}` : undefined;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit !== undefined && hit.text === text) return hit.lowered;
  // A parse error of a text inside a document is moved into the document.
  const parsed = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw e instanceof GradLensError && opts.doc !== undefined ? rebase(e, base, doc) : e;
    }
  };
  const lowered = lang === "py" ? lowerPython(parsed(() => parsePython(text)), base, doc)
    : lowerTypeScript(parsed(() => parse(text, { uri: opts.uri, version: opts.version })), base, doc);
  if (key !== undefined) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, { text, lowered });
  }
  return lowered;
}
