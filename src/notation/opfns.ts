// Runs anywhere: the notation's spellings of the ops beyond the classic math functions: max and min (of numbers,
// n-ary; of a tensor, a reduction; of tensors, elementwise), maximum, minimum, clamp, where, the comparisons,
// leakyRelu, gelu, softplus, detach, argmax, logsumexp, softmax, logSoftmax and the label losses. Each is one engine
// op (src/engine/ops): on plain numbers a plain number, on graph numbers a scalar node, on tensors (or nested arrays)
// a tensor node, with broadcasting. camelCase and snake_case spellings both; builtins.ts puts them under every prefix.
import { geluOf, softplusOf } from "../engine/ops/activations";
import type { Tape } from "../engine";
import type { Interp } from "./interp";
import { alongAxis, guard, tensorNode, wrap } from "./tensors";
import { Builtin, Num, builtinEntry, Tensor, isNumber, typeName, type CallSite, type Value } from "./values";

type Rec = (T: Tape, ids: number[]) => number;

const isTensorish = (v: Value): boolean => v instanceof Tensor || Array.isArray(v);

/**
 * An elementwise op on numbers or tensors: tensors (and nested arrays) anywhere make it a tensor op with
 * broadcasting; all plain numbers compute a plain number; otherwise one scalar node.
 */
export function elementwiseOp(ip: Interp, who: string, xs: Value[], site: CallSite, plain: (v: number[]) => number, rec: Rec): Value {
  if (xs.some(isTensorish)) {
    const ids = xs.map((x) => tensorNode(ip, x, who, site));
    ip.at(site);
    return wrap(ip, guard(ip, site, () => rec(ip.tape, ids)));
  }
  for (const x of xs) if (!isNumber(x)) throw ip.error(`\`${who}\` expects numbers or tensors, got ${typeName(x)}`, site);
  const ns = xs as (number | Num)[];
  if (ns.every((x) => typeof x === "number")) return plain(ns as number[]);
  ip.at(site);
  return ip.num(guard(ip, site, () => rec(ip.tape, ns.map((x) => ip.node(x)))));
}

/** A plain number from a number argument (slopes), with a default. */
function plainNumber(ip: Interp, v: Value, fallback: number, who: string, site: CallSite): number {
  if (v === undefined || v === null) return fallback;
  if (!isNumber(v)) throw ip.error(`\`${who}\` expects a number, got ${typeName(v)}`, site);
  return ip.plain(v);
}

/**
 * max/min: `max(a, b, …)` of numbers (one n-ary node), `max(list)` of a list of numbers, `max(t)` of a tensor's
 * elements, `max(t, axis)` along an axis (kept with length 1; the values, not PyTorch's (values, indices) pair),
 * `max(a, b)` with a tensor elementwise (as `maximum`).
 */
function extreme(ip: Interp, who: "max" | "min", args: Value[], site: CallSite): Value {
  const big = who === "max";
  const first = args[0];
  if (args.length === 1 && Array.isArray(first) && first.length > 0 && first.every(isNumber)) return extreme(ip, who, first, site);
  if (args.length === 1 && isTensorish(first)) return alongAxis(ip, who, first, undefined, site, (T, x) => (big ? T.max(x) : T.min(x)));
  if (args.length === 2 && isTensorish(first) && typeof args[1] === "number") {
    return alongAxis(ip, who, first, args[1], site, (T, x, ax) => (big ? T.max(x, ax) : T.min(x, ax)));
  }
  return elementwiseOp(ip, who, args, site, (v) => (big ? Math.max(...v) : Math.min(...v)),
    (T, ids) => (big ? T.max(ids) : T.min(ids)));
}

function bool(b: boolean): number {
  return b ? 1 : 0;
}

const CMP: Record<"gt" | "lt" | "ge" | "le", [(p: number, q: number) => boolean, (T: Tape, a: number, b: number) => number]> = {
  gt: [(p, q) => p > q, (T, a, b) => T.gt(a, b)],
  lt: [(p, q) => p < q, (T, a, b) => T.lt(a, b)],
  ge: [(p, q) => p >= q, (T, a, b) => T.ge(a, b)],
  le: [(p, q) => p <= q, (T, a, b) => T.le(a, b)],
};

/** `gt(a, b)` and friends: a 0/1 mask (no gradient). */
export function compare(ip: Interp, who: keyof typeof CMP, a: Value, b: Value, site: CallSite): Value {
  const [p, r] = CMP[who];
  return elementwiseOp(ip, who, [a, b], site, ([x, y]) => bool(p(x, y)), (T, [x, y]) => r(T, x, y));
}

/** `clamp(x, lo, hi)`: a missing (or null) bound is no bound, as torch.clamp(x, min=lo). */
export function clampOf(ip: Interp, x: Value, lo: Value, hi: Value, site: CallSite): Value {
  const l = lo === undefined || lo === null ? -Infinity : lo, h = hi === undefined || hi === null ? Infinity : hi;
  return elementwiseOp(ip, "clamp", [x, l, h], site, ([v, a, b]) => Math.min(Math.max(v, a), b), (T, [v, a, b]) => T.clamp(v, a, b));
}

export function leakyReluOf(ip: Interp, x: Value, slope: Value, site: CallSite): Value {
  const s = plainNumber(ip, slope, 0.01, "leakyRelu", site);
  return elementwiseOp(ip, "leakyRelu", [x], site, ([v]) => (v > 0 ? v : s * v), (T, [v]) => T.leakyRelu(v, s));
}

/** The one-input ops a tensor method can name too (`t.gelu()`, `t.detach()`). */
export const ONE_INPUT: Record<string, [(x: number) => number, (T: Tape, a: number) => number]> = {
  gelu: [geluOf, (T, a) => T.gelu(a)],
  softplus: [softplusOf, (T, a) => T.softplus(a)],
  detach: [(x) => x, (T, a) => T.detach(a)],
};

export function oneInput(ip: Interp, who: string, x: Value, site: CallSite): Value {
  const [p, r] = ONE_INPUT[who];
  return elementwiseOp(ip, who, [x], site, ([v]) => p(v), (T, [a]) => r(T, a));
}

/** The ops along an axis a tensor method can name too (`t.softmax(-1)`, `t.argmax(1)`), with their default axis. */
export const ALONG: Record<string, [number | undefined, (T: Tape, x: number, ax: number | undefined) => number]> = {
  softmax: [-1, (T, x, ax) => T.softmax(x, ax)],
  logSoftmax: [-1, (T, x, ax) => T.logSoftmax(x, ax)],
  argmax: [undefined, (T, x, ax) => T.argmax(x, ax)],
  logsumexp: [undefined, (T, x, ax) => T.logsumexp(x, ax)],
};

export function along(ip: Interp, who: string, a: Value, axis: Value, site: CallSite): Tensor {
  const [dflt, r] = ALONG[who];
  return alongAxis(ip, who, a, axis ?? dflt, site, r);
}

/** `crossEntropy(logits, labels)` and `nll(logProbs, labels)`: logits [n, c], labels n class indices; the mean. */
function labelLoss(ip: Interp, who: "crossEntropy" | "nll", a: Value, labels: Value, site: CallSite): Tensor {
  const x = tensorNode(ip, a, who, site), y = tensorNode(ip, labels, who, site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => (who === "crossEntropy" ? ip.tape.crossEntropy(x, y) : ip.tape.nll(x, y))));
}

const fn = builtinEntry;

/** Each entry under its camelCase name and, where it differs, its snake_case one (and PyTorch's, NumPy's names). */
export function opEntries(): [string, Builtin][] {
  const out: [string, Builtin][] = [
    fn("max", (ip, a, s) => extreme(ip, "max", a, s), 1, Infinity),
    fn("min", (ip, a, s) => extreme(ip, "min", a, s), 1, Infinity),
    fn("amax", (ip, [a, ax], s) => alongAxis(ip, "amax", a, ax, s, (T, x, k) => T.max(x, k)), 1, 2),
    fn("amin", (ip, [a, ax], s) => alongAxis(ip, "amin", a, ax, s, (T, x, k) => T.min(x, k)), 1, 2),
    fn("maximum", (ip, [a, b], s) => elementwiseOp(ip, "maximum", [a, b], s, ([x, y]) => Math.max(x, y), (T, [x, y]) => T.maximum(x, y)), 2),
    fn("minimum", (ip, [a, b], s) => elementwiseOp(ip, "minimum", [a, b], s, ([x, y]) => Math.min(x, y), (T, [x, y]) => T.minimum(x, y)), 2),
    fn("clamp", (ip, [x, lo, hi], s) => clampOf(ip, x, lo, hi, s), 2, 3),
    fn("clip", (ip, [x, lo, hi], s) => clampOf(ip, x, lo, hi, s), 2, 3),
    fn("where", (ip, [c, a, b], s) => elementwiseOp(ip, "where", [c, a, b], s, ([p, x, y]) => (p !== 0 ? x : y), (T, [p, x, y]) => T.where(p, x, y)), 3),
    fn("leakyRelu", (ip, [x, k], s) => leakyReluOf(ip, x, k, s), 1, 2),
    fn("leaky_relu", (ip, [x, k], s) => leakyReluOf(ip, x, k, s), 1, 2),
    fn("logSoftmax", (ip, [a, ax], s) => along(ip, "logSoftmax", a, ax, s), 1, 2),
    fn("log_softmax", (ip, [a, ax], s) => along(ip, "logSoftmax", a, ax, s), 1, 2),
    fn("crossEntropy", (ip, [a, y], s) => labelLoss(ip, "crossEntropy", a, y, s), 2),
    fn("cross_entropy", (ip, [a, y], s) => labelLoss(ip, "crossEntropy", a, y, s), 2),
    fn("nll", (ip, [a, y], s) => labelLoss(ip, "nll", a, y, s), 2),
    fn("nll_loss", (ip, [a, y], s) => labelLoss(ip, "nll", a, y, s), 2),
  ];
  for (const k of Object.keys(CMP) as (keyof typeof CMP)[]) out.push(fn(k, (ip, [a, b], s) => compare(ip, k, a, b, s), 2));
  // NumPy's spellings of the comparisons.
  const np = { greater: "gt", less: "lt", greater_equal: "ge", less_equal: "le" } as const;
  for (const [k, c] of Object.entries(np)) out.push(fn(k, (ip, [a, b], s) => compare(ip, c, a, b, s), 2));
  for (const k of Object.keys(ONE_INPUT)) out.push(fn(k, (ip, [x], s) => oneInput(ip, k, x, s), 1));
  for (const k of ["softmax", "argmax", "logsumexp"]) out.push(fn(k, (ip, [a, ax], s) => along(ip, k, a, ax, s), 1, 2));
  return out;
}

/** Names opEntries declares (free-name analysis leaves them alone unless given a value). */
export const OP_NAMES: readonly string[] = opEntries().map(([k]) => k);
