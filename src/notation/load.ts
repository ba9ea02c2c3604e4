// Runs anywhere: `load("weights.json")`, the trained params `gradlens train --save` wrote, read back as an object:
// every saved name (`W1[0][1]`, `b`) and, for indexed names, the whole tensor as nested arrays (`saved.W1`), so
// `param(saved.W1)` starts from them. The notation reads no files itself: the caller (the CLI, the editor's worker)
// gives the evaluation a reader for the file's folder; the path is checked here first: relative, inside the
// file's folder tree, read-only.
import type { Interp } from "./interp";
import { Builtin, Obj, typeName, type CallSite, type Value } from "./values";

/** Reads a path relative to the evaluated file's folder (already checked to stay inside it); throws when it cannot. */
export type FileReader = (path: string) => string;

const readers = new WeakMap<Interp, FileReader>();

/** Gives an evaluation its file reader (document.ts, from DocumentOptions.readFile). */
export function setFileReader(ip: Interp, read: FileReader | undefined): void {
  if (read !== undefined) readers.set(ip, read);
}

/** The path with `.` segments dropped, or undefined when it is absolute or climbs out of the file's folder. */
export function insideFolder(path: string): string | undefined {
  if (path === "" || /^[/\\~]|^[A-Za-z]:|\0/.test(path)) return undefined;
  const parts: string[] = [];
  for (const seg of path.split(/[/\\]/)) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") return undefined;
    parts.push(seg);
  }
  return parts.length > 0 ? parts.join("/") : undefined;
}

/** `W1[0][1]` → ["W1", [0, 1]]; undefined for a name without indices. */
function indexed(name: string): [string, number[]] | undefined {
  const m = /^(.+?)((?:\[\d+\])+)$/.exec(name);
  return m ? [m[1], [...m[2].matchAll(/\d+/g)].map((x) => Number(x[0]))] : undefined;
}

function loaded(ip: Interp, data: unknown, path: string, site: CallSite): Obj {
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw ip.error(`\`load\`: ${path} holds no object of names and values`, site);
  const out = new Obj(), groups = new Map<string, Value[]>();
  for (const [name, v] of Object.entries(data)) {
    if (typeof v !== "number") throw ip.error(`\`load\`: ${path}: \`${name}\` is ${typeName(v as Value)}, not a number`, site);
    out.props.set(name, v);
    const ix = indexed(name);
    if (ix === undefined) continue;
    // The indices fill nested arrays (missing elements stay undefined, which param(...) refuses by name).
    const [base, idx] = ix;
    let arr = groups.get(base) ?? [];
    groups.set(base, arr);
    for (let d = 0; d < idx.length - 1; d++) {
      const next = arr[idx[d]];
      arr = (arr[idx[d]] = Array.isArray(next) ? next : []) as Value[];
    }
    arr[idx[idx.length - 1]] = v;
  }
  for (const [base, arr] of groups) if (!out.props.has(base)) out.props.set(base, arr);
  return out;
}

function load(ip: Interp, [p]: Value[], site: CallSite): Value {
  if (typeof p !== "string") throw ip.error(`\`load\` expects a path (a string), got ${typeName(p)}`, site);
  const path = insideFolder(p);
  if (path === undefined) throw ip.error(`\`load\`: "${p}" is outside the file's folder: load reads files in the file's folder and below`, site);
  const read = readers.get(ip);
  if (read === undefined) throw ip.error("`load`: no files can be read here (a selection, or a file not saved on disk): save the file, and load reads its folder", site);
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw ip.error(`\`load\`: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, site);
  }
  ip.allocate(text.length, site);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw ip.error(`\`load\`: ${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`, site);
  }
  return loaded(ip, data, path, site);
}

export function loadEntry(): [string, Builtin] {
  return ["load", new Builtin("load", load, 1, 1)];
}
