// Runs anywhere: from source positions to graph nodes and from names to nodes, for hovers and "reveal in graph";
// and the log of names bound by patterns and loops, which the tape cannot name.
import type { Tape } from "../engine";
import type { Interp, Scope } from "./interp";
import { Num, Obj, Tensor, brief, type Value } from "./values";
import type { Name, Pattern } from "./tree";
import { patternNames } from "./walk";

/** The node with the smallest source range containing offset (the latest one on ties), or -1. */
export function nodeAt(tape: Tape, offset: number): number {
  let best = -1, bestLen = Infinity;
  for (let i = 0; i < tape.n; i++) {
    const s = tape.srcStart[i], e = tape.srcEnd[i];
    if (s < 0 || offset < s || offset > e) continue;
    if (e - s <= bestLen) {
      best = i;
      bestLen = e - s;
    }
  }
  return best;
}

/** Top-level names bound to graph values (numbers or tensors): `loss`, `w1[0]`, `layer.b` (name → node on `tape`). */
export function bindings(scope: Scope, tape: Tape): Record<string, number> {
  // No prototype: a file may name a value `__proto__` or `constructor`.
  const out = Object.create(null) as Record<string, number>;
  const add = (name: string, v: Value, depth: number): void => {
    if (v instanceof Num || v instanceof Tensor) {
      if (v.tape === tape) out[name] = v.node;
    } else if (Array.isArray(v) && depth < 2) {
      v.forEach((x, i) => add(`${name}[${i}]`, x, depth + 1));
    } else if (v instanceof Obj && depth < 2) {
      for (const [k, x] of v.props) add(`${name}.${k}`, x, depth + 1);
    }
  };
  for (const [name, b] of scope.vars) add(name, b.value, 0);
  return out;
}

/** Top-level names bound to plain values (no node: data, settings, constants), for hovers on constants. */
export function plainBindings(scope: Scope, tape: Tape): Map<string, PlainBinding> {
  const plain = new Map<string, PlainBinding>();
  for (const [name, b] of scope.vars) {
    const text = plainPreview(b.value, tape);
    if (text !== undefined) plain.set(name, { value: typeof b.value === "number" ? b.value : text, constant: b.constant });
  }
  return plain;
}

/** A top-level name bound to a plain value (no node): a number, else a short preview of it. */
export interface PlainBinding {
  value: number | string;
  /** Declared `const`: the value it had all along (else the value at the end of the run). */
  constant: boolean;
}


/** Elements or fields a plain array's or object's preview shows. */
export const PREVIEW_ITEMS = 6;

/**
 * A plain value's text for a hover (`3`, `"relu"`, `[0, 1, 1, 0]`, `[1, 2, 3, 4, 5, 6, … (10)]`, `{ lr: 0.5 }`);
 * undefined for what is not plain data: anything holding a graph value of this tape (hovers show nodes for those),
 * functions, class instances.
 */
export function plainPreview(v: Value, tape: Tape): string | undefined {
  return isPlain(v, tape, 0) ? preview(v, 0) : undefined;
}

function isPlain(v: Value, tape: Tape, depth: number): boolean {
  if (v instanceof Num || v instanceof Tensor) return v.tape !== tape;
  // Deeper than a hover would look: data sets and tables nest two levels.
  if (depth > 3) return true;
  if (Array.isArray(v)) return v.every((x) => isPlain(x, tape, depth + 1));
  if (v instanceof Obj) return v.constructor === Obj && [...v.props.values()].every((x) => isPlain(x, tape, depth + 1));
  return typeof v !== "object" || v === null;
}

function preview(v: Value, depth: number): string {
  if (Array.isArray(v)) {
    if (depth >= 2) return brief(v);
    const items = v.slice(0, PREVIEW_ITEMS).map((x) => preview(x, depth + 1));
    return `[${items.join(", ")}${v.length > PREVIEW_ITEMS ? `, … (${v.length})` : ""}]`;
  }
  if (v instanceof Obj) {
    if (depth >= 2) return "{…}";
    const items = [...v.props].slice(0, PREVIEW_ITEMS).map(([k, x]) => `${k}: ${preview(x, depth + 1)}`);
    return `{ ${items.join(", ")}${v.props.size > PREVIEW_ITEMS ? ", …" : ""} }`;
  }
  return brief(v);
}

/** Values kept per bound name (the hover shows fewer), and binding sites kept per file: the log stays small. */
export const MAX_BOUND_VALUES = 64;
export const MAX_BOUND_NAMES = 2000;

/** One value a name took: a graph node (number or tensor on the document's tape), else the plain value. */
export interface BoundValue {
  /** The node, or -1 for a plain value (data, a setting). */
  node: number;
  /** A plain value: the number, else its text as call labels print it (`[1, 2]`, `"relu"`); NaN for a graph value. */
  plain: number | string;
  /** The innermost tape group when it was bound (a `XOR[2]` row, a `forward(0, 1)` call), or -1. */
  group: number;
}

/** A name bound by a destructuring pattern or as a `for … of` variable, with the values it took, in order. */
export interface BoundName {
  name: string;
  /** Document range of the binding identifier (in the pattern or the loop head). */
  start: number;
  end: number;
  /** How many times it was bound; `values` holds the first MAX_BOUND_VALUES. */
  count: number;
  values: BoundValue[];
}

/**
 * Names a document evaluation binds where the tape records nothing under the name (a pattern's element, a loop
 * variable holding data). Only the document's first run keeps one: training re-runs pay nothing.
 */
export class BindingLog {
  private readonly sites = new Map<number, BoundName>();

  /** The names `pattern` just bound in `scope` (after `bind`), with their values. */
  record(ip: Interp, pattern: Pattern, scope: Scope): void {
    for (const id of patternNames(pattern)) this.add(ip, id, scope.lookup(id.name)?.value);
  }

  all(): BoundName[] {
    return [...this.sites.values()];
  }

  private add(ip: Interp, id: Name, v: Value): void {
    const key = id.end;
    let site = this.sites.get(key);
    if (site === undefined) {
      if (this.sites.size >= MAX_BOUND_NAMES) return;
      site = { name: id.name, start: id.start, end: key, count: 0, values: [] };
      this.sites.set(key, site);
    }
    site.count++;
    if (site.values.length >= MAX_BOUND_VALUES) return;
    const graph = (v instanceof Num || v instanceof Tensor) && v.tape === ip.tape;
    const plain = graph ? NaN : typeof v === "number" ? v : brief(v);
    site.values.push({ node: graph ? v.node : -1, plain, group: ip.tape.currentGroup });
  }
}

/** `v` is a graph value whose node was made at or after tape position `from`: the tape names it at its source. */
export function madeSince(ip: Interp, v: Value, from: number): boolean {
  return (v instanceof Num || v instanceof Tensor) && v.tape === ip.tape && v.node >= from;
}

const logs = new WeakMap<Interp, BindingLog>();

/** Start keeping a log of bound names for this run. */
export function keepBindingLog(ip: Interp): BindingLog {
  const log = new BindingLog();
  logs.set(ip, log);
  return log;
}

/** The run's log, or undefined when nobody asked for one (the interpreter then records nothing). */
export function bindingLog(ip: Interp): BindingLog | undefined {
  return logs.get(ip);
}
