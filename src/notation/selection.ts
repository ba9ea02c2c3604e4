// Runs anywhere: evaluating a selection (an expression or a few statements) from any editor. Free names become
// input leaves, valued from the document's earlier constant assignments or from the caller (prompt, `--at`). One
// parse and one look-up of the free names serve both questions: which names to ask for, and the evaluation.
import { Op, type Tape } from "../engine";
import { GradLensError, type Diagnostic } from "./errors";
import { collectFree, collectNames, findConstant, type FoundName, type FreeName } from "./freenames";
import { languageOfId, lower } from "./frontends";
import type { Bounds } from "./interp";
import { nameParamsByPath } from "./param-names";
import { declaredIn, unknownFunction } from "./suggest";
import { evaluateProgram, newInterp, valueWarnings } from "./run";
import { noTargetReason } from "./target";
import type { Program } from "./tree";
import { Num } from "./values";

/** Where a selection sits: the document around it (free names are looked up there, positions reported there). */
export interface SelectionPlace {
  /** The whole document (free names are looked up in it; positions are reported in it). */
  documentText?: string;
  /** Offset of the selection in documentText. */
  selectionOffset?: number;
  /** VS Code language id: "python" reads the selection as Python. */
  languageId?: string;
}

export interface SelectionOptions extends SelectionPlace {
  /** Values for free names (from a prompt or `--at`); they win over the document's. */
  values?: Record<string, number>;
  bounds?: Partial<Bounds>;
}

export interface Leaf {
  name: string;
  node: number;
  value: number;
  grad: number;
  kind: "input" | "param";
}

export interface SelectionResult {
  tape: Tape;
  target: number;
  value: number;
  leaves: Leaf[];
  /** Free names valued from the document (not those the caller gave). */
  foundNames: FoundName[];
  /**
   * Names the selection itself assigns a plain number at its top level (`x = 53; …`): constants of this
   * evaluation, so they get no gradient (callers say how to make them leaves).
   */
  constants: { name: string; value: number }[];
  warnings: Diagnostic[];
  /** What the selection printed (Python's `print`), line by line. */
  output: string[];
}

/** Free names with no value: the caller asks for them (prompt, `--at`) and evaluates again with `values`. */
export class MissingNamesError extends GradLensError {
  constructor(readonly names: string[], start: number, end: number, doc: string) {
    super(`no value for ${names.map((n) => `\`${n}\``).join(", ")}`, start, end, doc);
  }
}

function where(text: string, opts: SelectionPlace): { base: number; doc: string } {
  const doc = opts.documentText ?? text;
  const base = opts.documentText !== undefined ? Math.max(0, opts.selectionOffset ?? 0) : 0;
  return { base, doc };
}

function lowerSelection(text: string, opts: SelectionPlace): Program {
  const { base, doc } = where(text, opts);
  return lower(text, languageOfId(opts.languageId), opts.documentText !== undefined ? { base, doc } : {}).program;
}

/** A right side such as `53`, `-17`, `2 ** 10` or `math.pi / 2`: a plain number, or undefined. */
function constantValue(rhs: string, languageId: string | undefined): number | undefined {
  try {
    const program = lower(rhs, languageOfId(languageId)).program;
    if (program.body.length !== 1 || collectFree(program).length > 0) return undefined;
    const ip = newInterp(program, rhs, { maxSteps: 10_000, maxNodes: 1000 });
    const r = evaluateProgram(ip);
    if (r === undefined) return undefined;
    // Python's floats with integral values are constant nodes (they print as `2.0`); params are no constants.
    const v = r.target.value;
    return typeof v === "number" ? v : v.tape.op[v.node] === Op.Const ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A selection parsed once, with its free names resolved against the document once: `missing` says which names the
 * caller must ask for, and `evaluate` runs it (as often as needed: gradient checks evaluate it many times).
 */
export interface PreparedSelection {
  /** Free names the document gives a value, with the line of the assignment. */
  readonly found: readonly FoundName[];
  /** Free names with no value in the document, in order of first use (not those called: see unknownCall). */
  readonly missing: readonly string[];
  /** A free name called as a function with no value in the document: evaluate fails on it unless given a value. */
  readonly unknownCall: GradLensError | undefined;
  /** Evaluates and back-propagates; `values` win over the document's. Throws MissingNamesError when a name has none. */
  evaluate(values?: Readonly<Record<string, number>>, bounds?: Partial<Bounds>): SelectionResult;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Parses the selection and resolves its free names; throws GradLensError (positioned in the document) on a parse error. */
export function prepareSelection(text: string, place: SelectionPlace = {}): PreparedSelection {
  const { base, doc } = where(text, place);
  const sf = lowerSelection(text, place);
  const { free, builtins } = collectNames(sf);
  const found: FoundName[] = [], missing: string[] = [];
  const unknownCallError = (name: string, first: FreeName["first"]): GradLensError =>
    new GradLensError(unknownFunction(name, declaredIn(place.documentText ?? text)), first.start, first.end, doc);
  const inDocument = (name: string): FoundName | undefined => place.documentText === undefined ? undefined
    : findConstant(place.documentText, name, place.selectionOffset ?? 0, (rhs) => constantValue(rhs, place.languageId));
  for (const { name, called } of free) {
    // A free name that is called is not a value to ask for: unless given one, it is a function the notation lacks.
    if (called) continue;
    const f = inDocument(name);
    if (f !== undefined) found.push(f);
    else missing.push(name);
  }
  // A built-in the selection reads as a value (`E`) shadowed by the document's constant; a given value shadows any.
  for (const { name, called } of builtins) {
    const f = called ? undefined : inDocument(name);
    if (f !== undefined) found.push(f);
  }
  const evaluate = (given: Readonly<Record<string, number>> = {}, bounds?: Partial<Bounds>): SelectionResult => {
    const shadowed = builtins.filter(({ name }) => has(given, name) || found.some((f) => f.name === name));
    const foundNames = found.filter((f) => !has(given, f.name));
    const unvalued = free.filter(({ name }) => !has(given, name) && !foundNames.some((f) => f.name === name));
    const call = unvalued.find((f) => f.called);
    if (call !== undefined) throw unknownCallError(call.name, call.first);
    if (unvalued.length > 0) {
      const first = unvalued[0].first;
      throw new MissingNamesError(unvalued.map((m) => m.name), first.start, first.end, doc);
    }
    return run(sf, text, base, doc, bounds, [...free, ...shadowed].map(({ name, first }) => ({
      name, first, value: has(given, name) ? given[name] : (foundNames.find((f) => f.name === name) as FoundName).value,
    })), foundNames);
  };
  const call = free.find((f) => f.called);
  return { found, missing, unknownCall: call && unknownCallError(call.name, call.first), evaluate };
}

/** The selection's free names: those the document gives a value (with the line) and those still missing. */
export function freeNames(text: string, place: SelectionPlace = {}): { found: FoundName[]; missing: string[] } {
  const p = prepareSelection(text, place);
  return { found: [...p.found], missing: [...p.missing] };
}

/** Prepares and evaluates in one go, for callers that have every value at hand (`--at`, tests). */
export function evaluateSelection(text: string, opts: SelectionOptions = {}): SelectionResult {
  return prepareSelection(text, opts).evaluate(opts.values, opts.bounds);
}

function run(
  sf: Program, text: string, base: number, doc: string, bounds: Partial<Bounds> | undefined,
  free: readonly { name: string; first: FreeName["first"]; value: number }[], foundNames: FoundName[],
): SelectionResult {
  const ip = newInterp(sf, doc, bounds);
  ip.implicitDeclare = true;
  const inputs: { name: string; node: number }[] = [];
  for (const { name, first, value } of free) {
    ip.at(first);
    const node = ip.tape.input(value, name);
    inputs.push({ name, node });
    ip.scope.declare(name, new Num(ip.tape, node), false);
  }
  const r = evaluateProgram(ip);
  if (r === undefined) {
    const why = noTargetReason(ip);
    throw why === undefined ? new GradLensError("nothing to differentiate: the selection has no numeric value", base, base + text.length, doc)
      : ip.error(`nothing to differentiate: ${why.reason}`, why.site);
  }
  const tape = ip.tape;
  nameParamsByPath(ip);
  tape.backward(r.node);
  ip.store.gather(tape);
  const leaves: Leaf[] = inputs.map(({ name, node }) => ({ name, node, value: tape.val[node], grad: tape.grad[node], kind: "input" }));
  // Params (from param() and mlp), one leaf per slot: the first on the tape, with the slot's summed gradient.
  const first = new Int32Array(ip.store.size).fill(-1);
  for (let i = 0; i < tape.n; i++) if (tape.op[i] === Op.Param && tape.aux[i] >= 0 && !tape.isTensor(i) && first[tape.aux[i]] < 0) first[tape.aux[i]] = i;
  ip.store.names.forEach((name, slot) => {
    if (first[slot] >= 0) leaves.push({ name, node: first[slot], value: ip.store.values[slot], grad: ip.store.grads[slot], kind: "param" });
  });
  const warnings = [...ip.warnings, ...valueWarnings(ip, r.node)];
  const constants: SelectionResult["constants"] = [];
  for (const [name, b] of ip.scope.vars) if (typeof b.value === "number") constants.push({ name, value: b.value });
  return { tape, target: r.node, value: tape.val[r.node], leaves, foundNames, constants, warnings, output: ip.output };
}
