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
  let lowered: Lowered;
  if (lang === "py") {
    let tree: ReturnType<typeof parsePython>;
    try {
      tree = parsePython(text);
    } catch (e) {
      throw e instanceof GradLensError && opts.doc !== undefined ? rebase(e, base, doc) : e;
    }
    lowered = lowerPython(tree, base, doc);
  } else {
    let sf: ReturnType<typeof parse>;
    try {
      sf = parse(text, { uri: opts.uri, version: opts.version });
    } catch (e) {
      throw e instanceof GradLensError && opts.doc !== undefined ? rebase(e, base, doc) : e;
    }
    lowered = lowerTypeScript(sf, base, doc);
  }
  if (key !== undefined) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, { text, lowered });
  }
  return lowered;
}
