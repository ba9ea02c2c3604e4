// Runs anywhere: what selection and document evaluation share: a fresh interpreter, running the program with
// stack overflows turned into positioned errors, the target as a node, and NaN/Infinity warnings.
import type * as TS from "typescript";
import { Flag, elementIndex, type Tape } from "../engine";
import { installGlobals } from "./builtins";
import { GradLensError, warning, type Diagnostic } from "./errors";
import { BudgetError } from "../engine";
import { DEFAULT_BOUNDS, type Bounds } from "./bounds";
import { Interp } from "./interp";
import { runProgram, type Target } from "./target";
import { fmt } from "./values";

export function newInterp(sf: TS.SourceFile, base: number, doc: string, bounds: Partial<Bounds> | undefined, python: boolean, tape?: Tape): Interp {
  const ip = new Interp(sf, base, doc, { ...DEFAULT_BOUNDS, ...bounds }, python, tape);
  installGlobals(ip);
  return ip;
}

/**
 * Run f; a JavaScript stack overflow (deep recursion or nesting), an engine range check or an engine budget error
 * becomes a positioned error at the node being evaluated.
 */
export function guarded<T>(ip: Interp, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof BudgetError) throw ip.overBudget(e, ip.current ?? ip.sf);
    if (e instanceof GradLensError || !(e instanceof RangeError)) throw e;
    const n = ip.current ?? ip.sf;
    const reason = !/call stack/i.test(e.message) ? e.message
      : `too deeply nested: the interpreter's stack ran out${ip.deepest > 0 ? ` at ${ip.deepest} nested calls` : ""}`;
    throw ip.error(reason, n);
  }
}

export interface Evaluated {
  target: Target;
  /** The target as a node of ip.tape. */
  node: number;
}

/** Run the program and put its target on the tape (a constant target becomes a Const node). */
export function evaluateProgram(ip: Interp): Evaluated | undefined {
  return guarded(ip, () => {
    const target = runProgram(ip, ip.sf);
    if (target === undefined) return undefined;
    ip.at(target.site);
    return { target, node: ip.node(target.value) };
  });
}

/** NaN/Infinity where it first appeared, and flagged derivatives, as warnings. */
export function valueWarnings(ip: Interp, target: number | undefined): Diagnostic[] {
  const t = ip.tape, out: Diagnostic[] = [];
  const first = t.firstNonFinite(target ?? t.n - 1);
  if (first >= 0) {
    const src = t.source(first);
    let v = t.val[first], where = "";
    if (t.isTensor(first)) {
      // A tensor's scalar slot holds no value of its own: name the first bad element.
      const k = t.firstNonFiniteElement(first), shape = t.shape(first);
      v = t.tensorValue(first)[k];
      where = shape.length > 0 ? ` (element ${elementIndex(shape, k)} of a [${shape.join(",")}] tensor)` : "";
    }
    const msg = `${fmt(v)} first appears here${where}${target !== undefined && !Number.isFinite(t.val[target]) ? ` (the target is ${fmt(t.val[target])})` : ""}`;
    out.push(src ? warning(msg, src.start, src.end, ip.doc) : warning(msg, ip.base, ip.base, ip.doc));
  }
  let flagged = 0;
  for (let i = 0; i < t.n && flagged < 3; i++) {
    if (!(t.flags[i] & Flag.NonDifferentiable)) continue;
    const src = t.source(i);
    if (src === undefined) continue;
    flagged++;
    out.push(warning("relu/abs at exactly 0: not differentiable there; the gradient uses the convention 0", src.start, src.end, ip.doc));
  }
  return out;
}

/** Error positions of a selection parsed on its own, moved into the document. */
export function rebase(e: GradLensError, base: number, doc: string): GradLensError {
  const all = e.all.map((x) => new GradLensError(x.reason, x.start + base, x.end + base, doc));
  all[0].all = all;
  return all[0];
}
