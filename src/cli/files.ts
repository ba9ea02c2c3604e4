// Runs on Node (the CLI): the reader a file's `load(path)` gets: paths relative to the file's folder (the notation
// has already refused absolute ones and `..`), read-only, and still inside that folder once symlinks are resolved.
import { readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative, isAbsolute } from "node:path";

/** A reader for the files of `file`'s folder tree; `seen` (when given) collects what it read, path → text. */
export function folderReader(file: string, seen?: Map<string, string>): (path: string) => string {
  const root = realpathSync(dirname(file));
  return (path) => {
    const real = realpathSync(join(root, path)), rel = relative(root, real);
    if (rel.startsWith("..") || isAbsolute(rel)) throw new Error(`${path} leads outside the file's folder`);
    const text = readFileSync(real, "utf8");
    seen?.set(path, text);
    return text;
  };
}
