// Runs anywhere: gradient checks. Analytic gradients (one backward sweep) against central finite differences,
// with the PyTorch gradcheck tolerances, notes at non-differentiable points, and the error-versus-eps curve.
import { Flag } from "./op";
import { opKink } from "./ops";
import { Tape } from "./tape";

/** Records f on the tape from its input leaves and returns the output node. */
export type TapeFn = (tape: Tape, inputs: number[]) => number;
/** f on plain numbers (a hand-written function, or another implementation). */
export type PlainFn = (x: number[]) => number;

export const GRADCHECK_EPS = 1e-6;
export const GRADCHECK_ATOL = 1e-5;
export const GRADCHECK_RTOL = 1e-3;

export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Input names for the report (default x0, x1, ...). */
  names?: readonly string[];
  /** Evaluate the numeric side with this instead of replaying f's recording. */
  numeric?: PlainFn;
}

export interface GradcheckRow {
  name: string;
  analytic: number;
  numeric: number;
  absError: number;
  relError: number;
  pass: boolean;
  /** Why this row needs care (non-differentiable point, undefined pow derivative, NaN), or "". */
  note: string;
}

export interface GradcheckReport {
  value: number;
  rows: GradcheckRow[];
  pass: boolean;
  eps: number;
  atol: number;
  rtol: number;
}

/** f on plain numbers, recording on one reused scratch tape. */
export function plain(f: TapeFn): PlainFn {
  const t = new Tape();
  return (x) => {
    t.clear();
    const ids = x.map((v) => t.input(v));
    const out = f(t, ids);
    return t.val[out]; // read after f: recording may grow (replace) t.val
  };
}

/** Central differences (f(x + h e_i) - f(x - h e_i)) / 2h for every input. */
export function numericGradient(f: PlainFn, at: readonly number[], eps = GRADCHECK_EPS): number[] {
  const x = at.slice();
  return x.map((xi, i) => {
    x[i] = xi + eps;
    const up = f(x);
    x[i] = xi - eps;
    const down = f(x);
    x[i] = xi;
    return (up - down) / (2 * eps);
  });
}

export function closeEnough(analytic: number, numeric: number, atol: number, rtol: number): boolean {
  return Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric);
}

/** |a - n| / |n|, 0 when both are 0. */
export function relativeError(analytic: number, numeric: number): number {
  const e = Math.abs(analytic - numeric);
  return e === 0 ? 0 : e / Math.abs(numeric);
}

interface Recording {
  tape: Tape;
  inputs: number[];
  out: number;
}

function record(f: TapeFn, at: readonly number[], names: readonly string[]): Recording {
  const tape = new Tape();
  const inputs = at.map((v, i) => tape.input(v, names[i]));
  const out = f(tape, inputs);
  tape.backward(out);
  return { tape, inputs, out };
}

/** Numeric side by replaying the recording: the same graph, the same branches, new leaf values. */
function replayed(r: Recording): PlainFn {
  const { tape, inputs, out } = r;
  return (x) => {
    for (let i = 0; i < inputs.length; i++) tape.setValue(inputs[i], x[i]);
    tape.recompute(inputs.length ? inputs[0] : 0);
    return tape.val[out];
  };
}

/**
 * Notes per input: flagged nodes on a path from that input to the output. A kink or tie (relu at 0, max at a tie, …)
 * counts when the node depends on the input, noted with its op's convention; an undefined d(a ** b)/db counts when
 * the exponent does.
 */
function notesFor(r: Recording): string[] {
  const { tape, inputs, out } = r;
  const { start, in: inp, op, flags } = tape;
  // Nodes the output depends on, by a reverse sweep over edges.
  const needed = new Uint8Array(out + 1);
  needed[out] = 1;
  for (let i = out; i >= 0; i--) if (needed[i]) for (let k = start[i]; k < start[i + 1]; k++) needed[inp[k]] = 1;
  let flagged = false;
  for (let i = 0; i <= out && !flagged; i++) flagged = needed[i] === 1 && flags[i] !== 0;
  if (!flagged) return inputs.map(() => "");
  const reach = new Uint8Array(out + 1);
  return inputs.map((leaf) => {
    reach.fill(0);
    reach[leaf] = 1;
    const notes = new Set<string>();
    for (let i = leaf + 1; i <= out; i++) {
      const s = start[i], e = start[i + 1];
      for (let k = s; k < e; k++) if (reach[inp[k]]) { reach[i] = 1; break; }
      if (!reach[i] || !needed[i] || !flags[i]) continue;
      if (flags[i] & Flag.NonDifferentiable) notes.add(opKink[op[i]] || "not differentiable here");
      if (flags[i] & Flag.UndefinedDerivative && reach[inp[s + 1]]) {
        notes.add("a ** b with a <= 0: d/db undefined, reported as 0");
      }
    }
    return [...notes].join("; ");
  });
}

/** Analytic gradient of f at `at` against central differences, one row per input. */
export function gradcheck(f: TapeFn, at: readonly number[], opts: GradcheckOptions = {}): GradcheckReport {
  const eps = opts.eps ?? GRADCHECK_EPS, atol = opts.atol ?? GRADCHECK_ATOL, rtol = opts.rtol ?? GRADCHECK_RTOL;
  const names = at.map((_, i) => opts.names?.[i] ?? `x${i}`);
  const r = record(f, at, names);
  const value = r.tape.val[r.out];
  const analytic = r.inputs.map((id) => r.tape.grad[id]);
  const notes = notesFor(r);
  const numeric = numericGradient(opts.numeric ?? replayed(r), at, eps);
  const rows = names.map((name, i): GradcheckRow => {
    const a = analytic[i], n = numeric[i];
    const absError = Math.abs(a - n);
    let note = notes[i];
    if (!Number.isFinite(a) || !Number.isFinite(n)) note = [note, "NaN or Infinity"].filter(Boolean).join("; ");
    return { name, analytic: a, numeric: n, absError, relError: relativeError(a, n), pass: closeEnough(a, n, atol, rtol), note };
  });
  return { value, rows, pass: rows.every((row) => row.pass), eps, atol, rtol };
}

export interface ErrorPoint {
  eps: number;
  /** max over inputs of |analytic - numeric(eps)|. */
  error: number;
}

/** 1e-1, 1e-2, ..., 1e-12. */
export const EPS_SWEEP: readonly number[] = Array.from({ length: 12 }, (_, i) => 10 ** -(i + 1));

/**
 * The error of central differences against the analytic gradient for each eps: truncation error falls as eps
 * shrinks, round-off error rises; best is the eps with the smallest error.
 */
export function errorVsEps(
  f: TapeFn, at: readonly number[], epsList: readonly number[] = EPS_SWEEP, numeric?: PlainFn,
): { points: ErrorPoint[]; best: ErrorPoint } {
  const r = record(f, at, []);
  const analytic = r.inputs.map((id) => r.tape.grad[id]);
  const g = numeric ?? replayed(r);
  const points = epsList.map((eps) => {
    const n = numericGradient(g, at, eps);
    let error = 0;
    for (let i = 0; i < n.length; i++) error = Math.max(error, Math.abs(analytic[i] - n[i]));
    return { eps, error };
  });
  let best = points[0];
  for (const p of points) if (p.error < best.error || Number.isNaN(best.error)) best = p;
  return { points, best };
}

/** A hand-written derivative df (one number per input, or one number for one input) against f's numeric one. */
export function checkDerivative(
  f: PlainFn, df: (x: number[]) => number | readonly number[], at: readonly number[],
  opts: Omit<GradcheckOptions, "numeric"> = {},
): GradcheckReport {
  const eps = opts.eps ?? GRADCHECK_EPS, atol = opts.atol ?? GRADCHECK_ATOL, rtol = opts.rtol ?? GRADCHECK_RTOL;
  const d = df(at.slice());
  const given = typeof d === "number" ? [d] : d;
  if (given.length !== at.length) {
    throw new RangeError(`checkDerivative: ${given.length} derivatives for ${at.length} inputs`);
  }
  const numeric = numericGradient(f, at, eps);
  const rows = at.map((_, i): GradcheckRow => {
    const a = given[i], n = numeric[i];
    const finite = Number.isFinite(a) && Number.isFinite(n);
    return {
      name: opts.names?.[i] ?? `x${i}`, analytic: a, numeric: n, absError: Math.abs(a - n),
      relError: relativeError(a, n), pass: closeEnough(a, n, atol, rtol), note: finite ? "" : "NaN or Infinity",
    };
  });
  return { value: f(at.slice()), rows, pass: rows.every((row) => row.pass), eps, atol, rtol };
}
