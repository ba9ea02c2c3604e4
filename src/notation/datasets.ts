// Runs anywhere: the seeded data sets as notation built-ins: `moons(n, { noise, seed })`, `circles(n, { noise,
// factor, seed })`, `spirals(n, { classes, noise, seed })`, `blobs(n, { centers, std, seed })`. Rows [x1, x2, label]
// by default (for `for (const [p, q, y] of rows)`), or with `tensors: true` the pair [X, y]: X a [n, 2] tensor and y
// the n labels (class indices, as crossEntropy takes them), like scikit-learn's make_moons. Every element is counted
// against the evaluation's budget before the rows exist.
import { Rng, blobs, circles, moons, spirals, type Row } from "../engine";
import type { Interp } from "./interp";
import { guard, wrap } from "./tensors";
import { Builtin, Obj, isNumber, typeName, type CallSite, type Value } from "./values";

interface Opts { noise?: number; seed?: number; factor?: number; classes?: number; std?: number; centers?: number | [number, number][] }
type Maker = (n: number, opts: Opts) => Row[];

const MAKERS: Record<string, { make: Maker; options: readonly string[] }> = {
  moons: { make: (n, o) => moons(n, o), options: ["noise", "seed"] },
  circles: { make: (n, o) => circles(n, o), options: ["noise", "factor", "seed"] },
  spirals: { make: (n, o) => spirals(n, o), options: ["classes", "noise", "seed"] },
  blobs: { make: (n, o) => blobs(n, o), options: ["centers", "std", "seed"] },
};

export const DATASET_MAKERS: readonly string[] = Object.keys(MAKERS);

/**
 * Mini-batches (`train({ batch })`): while `step` is at least 0 every data set gives only that step's rows: each
 * epoch a permutation of its rows drawn from the file's seed (its last `seed(n)`, or `--seed`) and the epoch, cut
 * into batches of `size` (the last one shorter). A step of -1 is the whole data set (the full-data loss,
 * predictions, accuracy).
 */
export interface Batch {
  size: number;
  step: number;
}

const batches = new WeakMap<Interp, Batch>();
const seeds = new WeakMap<Interp, number>();

/** The file's `seed(n)`, which shuffles its batches (builtins.ts's seed). */
export function noteSeed(ip: Interp, n: number): void {
  seeds.set(ip, n);
}

/** Gives an evaluation its batch (document.ts, from DocumentOptions.batch). */
export function setBatch(ip: Interp, b: Batch | undefined): void {
  if (b !== undefined) batches.set(ip, b);
}

/** The rows of this step's batch, in the epoch's shuffled order. */
export function batchRows<T>(rows: readonly T[], b: Batch, seed: number): T[] {
  const n = rows.length, per = Math.ceil(n / b.size), epoch = Math.floor(b.step / per), k = b.step % per;
  const rng = new Rng((Math.imul(seed, 0x9e3779b1) + epoch) | 0), order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1)), t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.slice(k * b.size, Math.min(n, (k + 1) * b.size)).map((i) => rows[i]);
}

function plainNumber(ip: Interp, who: string, key: string, v: Value, site: CallSite): number {
  if (!isNumber(v)) throw ip.error(`\`${who}\`: ${key} must be a number, got ${typeName(v)}`, site);
  return ip.plain(v);
}

/** blobs' centers: a count, or a list of [x, y] points. */
function centersOf(ip: Interp, v: Value, site: CallSite): number | [number, number][] {
  if (!Array.isArray(v)) return plainNumber(ip, "blobs", "centers", v, site);
  ip.allocate(2 * v.length, site);
  return v.map((c) => {
    if (!Array.isArray(c) || c.length !== 2 || !c.every(isNumber)) throw ip.error(`\`blobs\`: each center must be [x, y], got ${typeName(c)}`, site);
    return [ip.plain(c[0] as number), ip.plain(c[1] as number)];
  });
}

function make(ip: Interp, who: string, args: Value[], site: CallSite): Value {
  const [nv, ov] = args, spec = MAKERS[who];
  const n = plainNumber(ip, who, "n", nv, site);
  if (ov !== undefined && ov !== null && !(ov instanceof Obj)) throw ip.error(`\`${who}\`: options must be an object such as { seed: 1 }, got ${typeName(ov)}`, site);
  const opts: Opts = {};
  let tensors = false;
  for (const [k, v] of ov instanceof Obj ? ov.props : []) {
    if (v === undefined || v === null) continue;
    if (k === "tensors") tensors = ip.truthy(v);
    else if (k === "centers" && who === "blobs") opts.centers = centersOf(ip, v, site);
    else if (spec.options.includes(k)) (opts as Record<string, number>)[k] = plainNumber(ip, who, k, v, site);
    else throw ip.error(`\`${who}\` has no option \`${k}\` (options: ${[...spec.options, "tensors"].join(", ")})`, site);
  }
  if (!Number.isInteger(n) || n < 1) throw ip.error(`\`${who}\`: n must be a positive integer, got ${n}`, site);
  // The rows (3 numbers and an array each) are counted before the engine draws them; X and y count as the tape makes them.
  ip.allocate(4 * n, site);
  const all = guard(ip, site, () => spec.make(n, opts)), batch = batches.get(ip);
  ip.spend(all.length, site);
  const rows = batch !== undefined && batch.step >= 0 ? batchRows(all, batch, ip.seedOverride ?? seeds.get(ip) ?? 0) : all;
  if (!tensors) return rows.map((r) => [r[0], r[1], r[2]]);
  const m = rows.length, X = new Float64Array(2 * m), y = new Float64Array(m);
  rows.forEach((r, i) => {
    X[2 * i] = r[0];
    X[2 * i + 1] = r[1];
    y[i] = r[2];
  });
  ip.at(site);
  const T = ip.tape;
  return [
    wrap(ip, guard(ip, site, () => T.tensorConst({ shape: [m, 2], data: X }))),
    wrap(ip, guard(ip, site, () => T.tensorConst({ shape: [m], data: y }))),
  ];
}

/** The data set makers, as global built-ins. */
export function datasetEntries(): [string, Builtin][] {
  return DATASET_MAKERS.map((k) => [k, new Builtin(k, (ip, args, s) => make(ip, k, args, s), 1, 2)]);
}
