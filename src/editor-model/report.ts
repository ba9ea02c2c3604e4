// Runs anywhere (extension host, tests): the model of the gradient-check report: per leaf the analytic gradient
// against central differences (PyTorch's tolerances by default), notes at non-differentiable points, the error
// against eps from 1e-1 to 1e-12 with the best eps, and the file's gradcheck(...) calls. The webview only draws it.
import {
  EPS_SWEEP, Flag, GRADCHECK_ATOL, GRADCHECK_EPS, GRADCHECK_RTOL, Op, Rng, opKink, checkDerivative, numericGradient, Tape,
  type ErrorPoint, type GradcheckRow, type PlainFn,
} from "../engine";
import type { Bounds, DocumentResult, PreparedSelection } from "../notation";
import type { ReportCall, ReportModel } from "../view/report";

export interface CheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Most leaves checked (each costs two evaluations); beyond it a seeded random sample of them (default MAX_LEAVES). */
  maxLeaves?: number;
  /** The error-against-eps sweep (default on; the CLI prints no plot). */
  sweep?: boolean;
}

export type { ReportCall, ReportModel };

export const MAX_LEAVES = 500;
/** The seed of the sample of leaves checked when there are more than maxLeaves: the same file, the same sample. */
export const SAMPLE_SEED = 1;
export const MAX_SWEEP_LEAVES = 20;
/** The engine's convention at each op's kinks and ties (its op table's `kink`), and pow's undefined derivative. */
export const CONVENTIONS = `${[...new Set(opKink.filter((k) => k !== ""))].join("; ")}; d(a ** b)/db is undefined for a <= 0 and reported as 0.`;

interface Leaves {
  names: string[];
  at: number[];
  analytic: number[];
  /** First leaf node of each, on `tape`. */
  nodes: number[];
  tape: Tape;
  target: number;
  value: number;
}

/**
 * Notes per leaf: a kink or tie (its op's convention) or an undefined pow derivative on a path from the leaf to the target, and only
 * then: a kink the leaf does not reach says nothing about its row. A param's paths start at every leaf of its slot
 * (a model read once per call puts one on the tape per call).
 */
export function notesOf(tape: Tape, leaves: readonly number[], target: number): string[] {
  const { start, in: inp, flags, op, aux } = tape;
  const needed = new Uint8Array(target + 1);
  needed[target] = 1;
  for (let i = target; i >= 0; i--) if (needed[i]) for (let k = start[i]; k < start[i + 1]; k++) needed[inp[k]] = 1;
  const bySlot = new Map<number, number[]>();
  for (let i = 0; i <= target; i++) {
    if (op[i] !== Op.Param || aux[i] < 0 || tape.isTensor(i)) continue;
    const list = bySlot.get(aux[i]);
    if (list === undefined) bySlot.set(aux[i], [i]);
    else list.push(i);
  }
  const reach = new Uint8Array(target + 1);
  return leaves.map((leaf) => {
    if (leaf < 0 || leaf > target) return "";
    reach.fill(0);
    const seeds = op[leaf] === Op.Param && aux[leaf] >= 0 ? bySlot.get(aux[leaf]) ?? [leaf] : [leaf];
    for (const s of seeds) reach[s] = 1;
    const notes = new Set<string>();
    for (let i = seeds.reduce((a, b) => Math.min(a, b)) + 1; i <= target; i++) {
      for (let k = start[i]; k < start[i + 1]; k++) if (reach[inp[k]]) { reach[i] = 1; break; }
      if (!reach[i] || !needed[i] || !flags[i]) continue;
      if (flags[i] & Flag.NonDifferentiable) notes.add(opKink[op[i]] || "not differentiable here");
      if (flags[i] & Flag.UndefinedDerivative && reach[inp[start[i] + 1]]) notes.add("a ** b with a <= 0: d/db undefined, reported as 0");
    }
    return [...notes].join("; ");
  });
}

/** Indices 0..total-1, or beyond `max` a seeded random sample of `max` of them, in ascending order. */
export function sampleIndices(total: number, max: number, seed = SAMPLE_SEED): number[] {
  const all = Array.from({ length: total }, (_, i) => i);
  if (total <= max) return all;
  const rng = new Rng(seed);
  // A partial Fisher-Yates shuffle: the first `max` places end up a uniform sample.
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng.next() * (total - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}

function build(title: string, subject: string, l: Leaves, f: PlainFn, o: CheckOptions, calls: ReportCall[]): ReportModel {
  const eps = o.eps ?? GRADCHECK_EPS, atol = o.atol ?? GRADCHECK_ATOL, rtol = o.rtol ?? GRADCHECK_RTOL;
  const total = l.at.length, pick = sampleIndices(total, Math.max(1, Math.floor(o.maxLeaves ?? MAX_LEAVES)));
  const n = pick.length;
  const at = pick.map((i) => l.at[i]), names = pick.map((i) => l.names[i]), analytic = pick.map((i) => l.analytic[i]);
  // Only the picked leaves vary; the rest stay at their values.
  const full = l.at.slice();
  const g: PlainFn = n === total ? f : (x) => {
    for (let j = 0; j < n; j++) full[pick[j]] = x[j];
    return f(full);
  };
  let rows: GradcheckRow[] = [];
  if (n > 0) {
    rows = checkDerivative(g, () => analytic, at, { eps, atol, rtol, names }).rows;
    const notes = notesOf(l.tape, pick.map((i) => l.nodes[i]), l.target);
    rows = rows.map((r, i) => (notes[i] ? { ...r, note: [notes[i], r.note].filter(Boolean).join("; ") } : r));
  }
  const m = o.sweep === false ? 0 : Math.min(n, MAX_SWEEP_LEAVES);
  const sweep: ErrorPoint[] = m === 0 ? [] : EPS_SWEEP.map((e) => {
    const num = numericGradient((x) => g([...x, ...at.slice(m)]), at.slice(0, m), e);
    let error = 0;
    for (let i = 0; i < m; i++) error = Math.max(error, Math.abs(analytic[i] - num[i]));
    return { eps: e, error };
  });
  let best: ErrorPoint | undefined;
  for (const p of sweep) if (Number.isFinite(p.error) && (best === undefined || p.error < best.error)) best = p;
  const all = [...rows.map((r) => r.pass), ...calls.flatMap((c) => c.rows.map((r) => r.pass))];
  const passed = all.filter(Boolean).length;
  return {
    title, subject, value: l.value, eps, atol, rtol, rows, sweepLeaves: m, sweep, best, calls,
    pass: passed === all.length, passed, failed: all.length - passed, conventions: CONVENTIONS,
    sample: n < total ? { checked: n, total, seed: SAMPLE_SEED } : undefined,
  };
}

/**
 * The report for a `.nn.ts` file's target, over its params, and its gradcheck(...) calls; a file of checks alone
 * (no target) gets its calls. Undefined when the file did not evaluate, or has neither a target nor a check.
 */
export function documentReport(r: DocumentResult, title: string, o: CheckOptions = {}): ReportModel | undefined {
  const objective = r.objective;
  const calls = r.gradchecks.map(({ line, column, kind, pass, rows }) => ({ line, column, kind, pass, rows }));
  if (r.ok && r.target === undefined && calls.length > 0) {
    const none: Leaves = { names: [], at: [], analytic: [], nodes: [], tape: r.tape, target: -1, value: NaN };
    return build(title, "the file's gradcheck(…) calls", none, () => NaN, o, calls);
  }
  if (!r.ok || r.target === undefined || r.value === undefined || objective === undefined) return undefined;
  const base = r.trainingStore();
  // One store and one tape for every evaluation (x holds every param): a fresh tape each time costs more than the run.
  const s = r.trainingStore(), tape = new Tape();
  const f: PlainFn = (x) => {
    for (let i = 0; i < x.length; i++) s.values[i] = x[i];
    tape.clear();
    const out = objective(tape, s);
    return tape.val[out];
  };
  const leaves: Leaves = {
    names: r.params.map((p) => p.name), at: r.params.map((p) => base.values[p.slot]), analytic: r.params.map((p) => p.grad),
    nodes: r.params.map((p) => p.node), tape: r.tape, target: r.target, value: r.value,
  };
  return build(title, `the target \`${r.targetName ?? "value"}\``, leaves, f, o, calls);
}

/**
 * The report for a prepared selection at `values` (the names the document does not give); throws what its evaluation
 * throws (MissingNamesError, GradLensError). The numeric side evaluates the same prepared selection again.
 */
export function selectionReport(
  selection: PreparedSelection, values: Readonly<Record<string, number>>, title: string, o: CheckOptions = {}, bounds?: Partial<Bounds>,
): ReportModel {
  const s = selection.evaluate(values, bounds);
  const names = s.leaves.map((x) => x.name);
  const f: PlainFn = (x) => selection.evaluate({ ...values, ...Object.fromEntries(names.map((nm, i) => [nm, x[i]])) }, bounds).value;
  const leaves: Leaves = {
    names, at: s.leaves.map((x) => x.value), analytic: s.leaves.map((x) => x.grad), nodes: s.leaves.map((x) => x.node),
    tape: s.tape, target: s.target, value: s.value,
  };
  return build(title, "the selection", leaves, f, o, []);
}
