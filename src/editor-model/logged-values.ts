// Runs anywhere (extension host, tests): names whose values the tape cannot name, resolved from what the run logged
// or left in scope: loop variables, destructured names and parameters, locals in functions, and declarations whose
// initializer made no node of its own (constants, aliases of graph values).
import { Op } from "../engine";
import type { DocumentResult } from "../notation";
import type { Expr, Name, Program } from "../notation/tree";
import { declaringIdentifier, localSite, type BoundSite } from "./binding-sites";
import { callResults, type Declaration } from "./query";
import { parentMap } from "./source";
import { labelArguments, reading, type BoundRow, type Reading, type Resolved } from "./readings";

/** The nearest enclosing row or call group's label of a tape group (-1: none). */
function groupLabel(r: DocumentResult, g: number): string | undefined {
  for (; g >= 0; g = r.tape.groups[g].parent) if (r.tape.groups[g].kind === "call" || r.tape.groups[g].kind === "sample") return r.tape.groups[g].label;
  return undefined;
}

export function resolveBound(r: DocumentResult, site: BoundSite): Resolved | undefined {
  const entry = r.bound.find((b) => b.end === site.binding.end && b.name === site.binding.name);
  if (entry === undefined || entry.values.length === 0) {
    if (site.kind !== "parameter" || site.fn === undefined) return undefined;
    // No log (the run failed): like a plain parameter's table, values as the call labels show them, one step into the
    // argument per pattern.
    const fn = site.fn;
    const values = callResults(r.tape, fn).map((c) => ({ call: c.label, value: elementAt(labelArguments(c.label)[site.index], site.path) }));
    return values.length ? { kind: "arguments", fn, values } : undefined;
  }
  const T = r.tape;
  if (entry.values.every((v) => v.node >= 0 && T.isTensor(v.node))) {
    return { kind: "tensor", what: "name", items: entry.values.map((v) => ({ name: groupLabel(r, v.group), node: v.node })) };
  }
  const rows: BoundRow[] = entry.values.map((v) => {
    const label = groupLabel(r, v.group);
    if (v.node < 0) return { label, reading: undefined, plain: v.plain };
    if (T.isTensor(v.node)) return { label, reading: undefined, plain: `tensor[${T.shape(v.node).join(",")}]` };
    return { label, reading: reading(r, v.node, label), plain: NaN };
  });
  // Bound once to a graph value: value and gradient, as a plain declaration shows them.
  const one = rows[0].reading;
  if (entry.count === 1 && one !== undefined) return { kind: "readings", what: "name", readings: [one], locals: [] };
  if (site.kind === "parameter") return { kind: "bound", how: "parameter", fn: site.fn, count: entry.count, rows };
  if (site.kind === "local") return { kind: "bound", how: "local", fn: site.fn, loop: site.loop, count: entry.count, rows };
  return { kind: "bound", how: site.how, count: entry.count, rows };
}

/** A graph value's reading; a param leaf's value and gradient are its param's (summed over all its leaves). */
function nodeReading(r: DocumentResult, node: number): Reading {
  const p = r.tape.op[node] === Op.Param && !r.tape.isTensor(node) ? r.params.find((x) => x.slot === r.tape.aux[node]) : undefined;
  return p === undefined ? reading(r, node) : { node, value: p.value, grad: p.grad, call: undefined };
}

/** A declaration directly in the file, not in a block or function: the run's final scope holds its value. */
function isTopLevel(program: Program, d: Extract<Declaration, { kind: "var" }>): boolean {
  return parentMap(program).get(d.stmt) === program;
}

/** A literal's value, read from the tree (`3`, `-0.5`, `"relu"`, `true`); undefined for anything else. */
function literalValue(e: Expr): number | string | undefined {
  if (e.kind === "number") return e.value;
  if (e.kind === "unary" && e.op === "-" && e.arg.kind === "number") return -e.arg.value;
  if (e.kind === "string") return JSON.stringify(e.value);
  if (e.kind === "const" && typeof e.value === "boolean") return String(e.value);
  return undefined;
}

/**
 * A declaration whose initializer made no node of its own (`const c = pair[0]`, `const k = 3`, `const n = XOR.length`):
 * at the top level, the graph value or plain data the run left in it; elsewhere, a `const`'s literal, else (inside a
 * function) the values the run logged for it per call. Undefined when
 * `id` is not lexically that declaration's name (another binding of the same name is nearer).
 */
export function declaredValue(r: DocumentResult, program: Program, decl: Extract<Declaration, { kind: "var" }>, id: Name): Resolved | undefined {
  if (decl.stmt.kind === "declare" && declaringIdentifier(program, id)?.binding !== decl.target) return undefined;
  const name = decl.target.name;
  if (isTopLevel(program, decl)) {
    const node = r.bindings[name];
    if (node !== undefined) {
      if (r.tape.isTensor(node)) return { kind: "tensor", what: "name", items: [{ name: undefined, node }] };
      return { kind: "readings", what: "name", readings: [nodeReading(r, node)], locals: [] };
    }
    const plain = r.plain.get(name);
    if (plain !== undefined) return { kind: "constant", value: plain.value, final: !plain.constant };
  }
  const literal = decl.constant && decl.init !== undefined ? literalValue(decl.init) : undefined;
  if (literal !== undefined) return { kind: "constant", value: literal, final: false };
  // Inside a function: the values the run logged for it, one per call.
  const local = decl.constant ? localSite(program, decl.target) : undefined;
  return local === undefined ? undefined : resolveBound(r, local);
}

/** The element of an argument's label text (`[0, 1, 0]`) at an array path; "…" where the label does not show it. */
function elementAt(text: string | undefined, path: readonly (number | undefined)[]): string {
  let x = text;
  for (const k of path) {
    // `[…5]`: a long array's label gives only its length.
    if (x === undefined || k === undefined || !x.startsWith("[") || x.startsWith("[…") || !x.endsWith("]")) return "…";
    // The same top-level split as a call label's arguments.
    x = labelArguments(`(${x.slice(1, -1)})`)[k];
  }
  return x ?? "undefined";
}
