// Runs in the evaluator worker's Node entry (main.ts): what a document's `load("weights.json")` reads. A file's
// folder tree only (the notation has already refused absolute paths and `..`; symlinks that lead out are refused
// here), read-only, and only for documents on disk: an untitled or remote document reads nothing.
import { readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileReader } from "../../../notation";

/** The reader for the document at `uri` (a `file:` URI), or undefined where it has no folder on this disk. */
export function fileReaderFor(uri: string): FileReader | undefined {
  if (!uri.startsWith("file:")) return undefined;
  let root: string;
  try {
    root = realpathSync(dirname(fileURLToPath(uri)));
  } catch {
    return undefined;
  }
  return (path) => {
    const real = realpathSync(join(root, path)), rel = relative(root, real);
    if (rel.startsWith("..") || isAbsolute(rel)) throw new Error(`${path} leads outside the file's folder`);
    return readFileSync(real, "utf8");
  };
}
