// Runs anywhere: what selection and document evaluation share: a fresh interpreter, running the program with
// stack overflows turned into positioned errors, the target as a node, and NaN/Infinity warnings.
import { Flag, Op, elementIndex, opKink, type Tape } from "../engine";
import { installGlobals } from "./builtins";
import { installPython } from "./py-builtins";
import { GradLensError, warning, type Diagnostic } from "./errors";
import { BudgetError } from "../engine";
import { DEFAULT_BOUNDS, type Bounds } from "./bounds";
import { Interp } from "./interp";
import { runProgram, type Target } from "./target";
import type { Program } from "./tree";
import { fmt } from "./values";

export function newInterp(program: Program, doc: string, bounds: Partial<Bounds> | undefined, tape?: Tape): Interp {
  const ip = new Interp(program, doc, { ...DEFAULT_BOUNDS, ...bounds }, tape);
  installGlobals(ip);
  if (program.lang === "py") installPython(ip);
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
    if (e instanceof BudgetError) throw ip.overBudget(e, ip.current ?? ip.program);
    if (e instanceof GradLensError || !(e instanceof RangeError)) throw e;
    const n = ip.current ?? ip.program;
    const reason = !/call stack/i.test(e.message) ? e.message
      : `too deeply nested: the interpreter's stack ran out${ip.deepest > 0 ? ` at ${ip.deepest} nested calls (gradlens.maxCallDepth is ${ip.bounds.maxDepth})` : ""}`;
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
    const target = runProgram(ip, ip.program);
    if (target === undefined) return undefined;
    ip.at(target.site);
    return { target, node: ip.node(target.value) };
  });
}

/** NaN/Infinity where it first appeared (a value, else a gradient), and flagged derivatives, as warnings. */
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
  if (target !== undefined && first < 0) out.push(...gradientWarnings(ip, target));
  let flagged = 0;
  for (let i = 0; i < t.n && flagged < 3; i++) {
    if (!(t.flags[i] & Flag.NonDifferentiable)) continue;
    const src = t.source(i);
    if (src === undefined) continue;
    flagged++;
    out.push(warning(`${opKink[t.op[i]] || `${t.opName(i)}: not differentiable here`} (a kink or a tie; see the README's op table)`, src.start, src.end, ip.doc));
  }
  return out;
}

/** A gradient element that is NaN or ±Infinity (every element, for a tensor), or undefined when all are finite. */
function badGradient(t: Tape, i: number): number | undefined {
  if (!t.isTensor(i)) return Number.isFinite(t.grad[i]) ? undefined : t.grad[i];
  const g = t.liveGradient(i);
  if (g !== undefined) for (let k = 0; k < g.length; k++) if (!Number.isFinite(g[k])) return g[k];
  return undefined;
}

/** Leaves with a NaN or infinite gradient flagged at their own position besides the origin, at most. */
const MAX_LEAF_WARNINGS = 3;

/**
 * With every value finite, a NaN or infinite gradient comes from a local derivative that is not finite (`sqrt` at
 * 0, `log` at 0, `x ** 0.5` at 0): flagged at the operation where it first appears going back from the target (the
 * one whose own gradient is finite, on an input whose gradient is not), and at the first few leaves it reaches.
 */
function gradientWarnings(ip: Interp, target: number): Diagnostic[] {
  const t = ip.tape, out: Diagnostic[] = [];
  let bad = -1, g = 0;
  for (let i = target; i >= 0 && bad < 0; i--) {
    const b = badGradient(t, i);
    if (b !== undefined) [bad, g] = [i, b];
  }
  if (bad < 0) return out;
  let via = -1;
  for (let j = bad + 1; j <= target && via < 0; j++) {
    if (badGradient(t, j) !== undefined) continue;
    for (let k = t.start[j]; k < t.start[j + 1]; k++) if (t.in[k] === bad) via = j;
  }
  const at = (i: number, msg: string): Diagnostic => {
    const src = t.source(i);
    return src ? warning(msg, src.start, src.end, ip.doc) : warning(msg, ip.base, ip.base, ip.doc);
  };
  out.push(via >= 0
    ? at(via, `the gradient becomes ${fmt(g)} at \`${t.opName(via)}\`: its local derivative is not finite at these values`)
    : at(bad, `the gradient is ${fmt(g)} here`));
  for (let i = 0; i <= target && out.length <= MAX_LEAF_WARNINGS; i++) {
    const name = t.names.get(i), b = t.op[i] === Op.Param || t.op[i] === Op.Input ? badGradient(t, i) : undefined;
    if (b !== undefined && name !== undefined && i !== bad) out.push(at(i, `the gradient with respect to \`${name}\` is ${fmt(b)}`));
  }
  return out;
}
