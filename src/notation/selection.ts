// Runs anywhere: evaluating a selection (an expression or a few statements) from any editor. Free names become
// input leaves, valued from the document's earlier constant assignments or from the caller (prompt, `--at`).
import { Op, type Tape } from "../engine";
import { GradLensError, type Diagnostic } from "./errors";
import { collectFree, findConstant, type FoundName } from "./freenames";
import type { Bounds } from "./interp";
import { parse } from "./parse";
import { evaluateProgram, newInterp, rebase, valueWarnings } from "./run";
import { Num } from "./values";

export interface SelectionOptions {
  /** The whole document (free names are looked up in it; positions are reported in it). */
  documentText?: string;
  /** Offset of the selection in documentText. */
  selectionOffset?: number;
  /** VS Code language id: "python" reads `-a ** b` as `-(a ** b)`. */
  languageId?: string;
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
  foundNames: FoundName[];
  /** Always empty on a result: missing names throw MissingNamesError. */
  missingNames: string[];
  warnings: Diagnostic[];
}

/** Free names with no value: the caller asks for them (prompt, `--at`) and evaluates again with `values`. */
export class MissingNamesError extends GradLensError {
  constructor(readonly names: string[], start: number, end: number, doc: string) {
    super(`no value for ${names.map((n) => `\`${n}\``).join(", ")}`, start, end, doc);
  }
}

function where(text: string, opts: SelectionOptions): { base: number; doc: string } {
  const doc = opts.documentText ?? text;
  const base = opts.documentText !== undefined ? Math.max(0, opts.selectionOffset ?? 0) : 0;
  return { base, doc };
}

function parseSelection(text: string, opts: SelectionOptions) {
  const { base, doc } = where(text, opts);
  try {
    return parse(text, { languageId: opts.languageId });
  } catch (e) {
    throw e instanceof GradLensError ? rebase(e, base, doc) : e;
  }
}

/** A right side such as `53`, `-17`, `2 ** 10` or `math.pi / 2`: a plain number, or undefined. */
function constantValue(rhs: string, languageId: string | undefined): number | undefined {
  try {
    const sf = parse(rhs, { languageId });
    if (sf.statements.length !== 1 || collectFree(sf).length > 0) return undefined;
    const ip = newInterp(sf, 0, rhs, { maxSteps: 10_000, maxNodes: 1000 }, languageId === "python");
    const r = evaluateProgram(ip);
    return r !== undefined && typeof r.target.value === "number" ? r.target.value : undefined;
  } catch {
    return undefined;
  }
}

/** The selection's free names: those the document gives a value (with the line) and those still missing. */
export function freeNames(text: string, opts: SelectionOptions = {}): { found: FoundName[]; missing: string[] } {
  const sf = parseSelection(text, opts);
  const found: FoundName[] = [], missing: string[] = [];
  for (const { name } of collectFree(sf)) {
    const f = opts.documentText === undefined ? undefined
      : findConstant(opts.documentText, name, opts.selectionOffset ?? 0, (rhs) => constantValue(rhs, opts.languageId));
    if (f !== undefined) found.push(f);
    else missing.push(name);
  }
  return { found, missing };
}

export function evaluateSelection(text: string, opts: SelectionOptions = {}): SelectionResult {
  const { base, doc } = where(text, opts);
  const sf = parseSelection(text, opts);
  const free = collectFree(sf);
  const given = opts.values ?? {};
  const { found: fromDoc } = freeNames(text, { ...opts, values: undefined });
  const foundNames = fromDoc.filter((f) => !Object.prototype.hasOwnProperty.call(given, f.name));
  const missing = free.filter(({ name }) => !Object.prototype.hasOwnProperty.call(given, name) && !foundNames.some((f) => f.name === name));
  if (missing.length > 0) {
    const first = missing[0].first;
    throw new MissingNamesError(missing.map((m) => m.name), base + first.getStart(sf), base + first.end, doc);
  }
  const ip = newInterp(sf, base, doc, opts.bounds, opts.languageId === "python");
  ip.implicitDeclare = true;
  const inputs: { name: string; node: number }[] = [];
  for (const { name, first } of free) {
    const v = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : (foundNames.find((f) => f.name === name) as FoundName).value;
    ip.at(first);
    const node = ip.tape.input(v, name);
    inputs.push({ name, node });
    ip.scope.declare(name, new Num(ip.tape, node), false);
  }
  const r = evaluateProgram(ip);
  if (r === undefined) throw new GradLensError("nothing to differentiate: the selection has no numeric value", base, base + text.length, doc);
  const tape = ip.tape;
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
  return { tape, target: r.node, value: tape.val[r.node], leaves, foundNames, missingNames: [], warnings };
}
