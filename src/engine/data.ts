// Runs anywhere: the data sets, each row [x1, x2, label]: the tutorial's four logic gates, and seeded 2-D
// classification sets (moons, circles, spirals, blobs) drawn from the engine's Rng, so a seed gives the same rows on
// every platform and run. The generated sets follow scikit-learn's make_moons/make_circles/make_blobs and CS231n's
// spirals; their rows come shuffled (by the same Rng), labels 0..k-1.
import { Rng } from "./rng";

export type Row = readonly [number, number, number];
export type DatasetName = "AND" | "OR" | "XOR" | "NAND";

const gate = (f: (p: number, q: number) => number): readonly Row[] =>
  Object.freeze(([[0, 0], [0, 1], [1, 0], [1, 1]] as const).map(([p, q]) => Object.freeze([p, q, f(p, q)] as Row)));

export const datasets: Readonly<Record<DatasetName, readonly Row[]>> = Object.freeze({
  AND: gate((p, q) => p & q),
  OR: gate((p, q) => p | q),
  XOR: gate((p, q) => p ^ q),
  NAND: gate((p, q) => 1 - (p & q)),
});

export const datasetNames = Object.keys(datasets) as DatasetName[];

export function isDatasetName(s: string): s is DatasetName {
  return Object.prototype.hasOwnProperty.call(datasets, s);
}

/** Options of moons: Gaussian noise (std) added to both coordinates; the Rng's seed. */
export interface MoonsOptions {
  noise?: number;
  seed?: number;
}

/** Options of circles: noise as moons'; factor is the inner circle's radius (the outer one's is 1), in [0, 1). */
export interface CirclesOptions extends MoonsOptions {
  factor?: number;
}

/** Options of spirals: classes (arms), noise the std of each point's angle in radians (0.2 by default). */
export interface SpiralsOptions extends MoonsOptions {
  classes?: number;
}

/** Options of blobs: centers (a count drawn uniformly in [-10, 10)², or the points), std of each blob. */
export interface BlobsOptions {
  centers?: number | readonly (readonly [number, number])[];
  std?: number;
  seed?: number;
}

function count(who: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${who}: n must be a positive integer, got ${n}`);
  return n;
}

function nonNegative(who: string, what: string, v: number): number {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${who}: ${what} must be a finite number >= 0, got ${v}`);
  return v;
}

/** n split over k classes as scikit-learn does: n // k each, one more for the first n % k. */
function sizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, j) => Math.floor(n / k) + (j < n % k ? 1 : 0));
}

/** floor(n/2) rows of label 0 and the rest of label 1, as make_moons and make_circles. */
function halves(n: number): [number, number] {
  return [Math.floor(n / 2), n - Math.floor(n / 2)];
}

/** k evenly spaced values from lo to hi (both included; just lo for k = 1), as numpy.linspace. */
function linspace(lo: number, hi: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => (k > 1 ? lo + ((hi - lo) * i) / (k - 1) : lo));
}

/** Adds N(0, noise²) to both coordinates of every row (when noise > 0), then shuffles the rows (Fisher-Yates). */
function finish(rows: [number, number, number][], noise: number, rng: Rng): Row[] {
  if (noise > 0) for (const r of rows) { r[0] += rng.normal(0, noise); r[1] += rng.normal(0, noise); }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1)), r = rows[i];
    rows[i] = rows[j];
    rows[j] = r;
  }
  return rows;
}

/**
 * Two interleaving half circles: label 0 on the upper one (radius 1 around (0, 0)), label 1 on the lower one (around
 * (1, 0.5)); floor(n/2) rows of label 0 and the rest of label 1. make_moons(n, noise=…, random_state=…)'s layout.
 */
export function moons(n: number, opts: MoonsOptions = {}): Row[] {
  const noise = nonNegative("moons", "noise", opts.noise ?? 0), rng = new Rng(opts.seed ?? 0);
  const [out, inn] = halves(count("moons", n));
  const rows: [number, number, number][] = [];
  for (const t of linspace(0, Math.PI, out)) rows.push([Math.cos(t), Math.sin(t), 0]);
  for (const t of linspace(0, Math.PI, inn)) rows.push([1 - Math.cos(t), 0.5 - Math.sin(t), 1]);
  return finish(rows, noise, rng);
}

/**
 * Two concentric circles: label 0 on the outer one (radius 1), label 1 on the inner one (radius factor, 0.8 by
 * default); floor(n/2) rows of label 0 and the rest of label 1. make_circles's layout.
 */
export function circles(n: number, opts: CirclesOptions = {}): Row[] {
  const noise = nonNegative("circles", "noise", opts.noise ?? 0), factor = opts.factor ?? 0.8, rng = new Rng(opts.seed ?? 0);
  if (!(factor >= 0 && factor < 1)) throw new RangeError(`circles: factor must be in [0, 1), got ${factor}`);
  const rows: [number, number, number][] = [];
  halves(count("circles", n)).forEach((k, label) => {
    const r = label === 0 ? 1 : factor;
    for (let i = 0; i < k; i++) {
      const t = (2 * Math.PI * i) / k;
      rows.push([r * Math.cos(t), r * Math.sin(t), label]);
    }
  });
  return finish(rows, noise, rng);
}

/**
 * classes arms (3 by default) spiralling out of the origin, CS231n's data set: on arm j, point i of m has radius
 * (i + 1)/m and angle 2πj/classes + 4·radius + N(0, noise²) (noise 0.2 by default), at (r sin t, r cos t). Class
 * sizes as blobs'.
 */
export function spirals(n: number, opts: SpiralsOptions = {}): Row[] {
  const k = opts.classes ?? 3, noise = nonNegative("spirals", "noise", opts.noise ?? 0.2), rng = new Rng(opts.seed ?? 0);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`spirals: classes must be a positive integer, got ${k}`);
  const rows: [number, number, number][] = [];
  sizes(count("spirals", n), k).forEach((m, j) => {
    for (let i = 0; i < m; i++) {
      const r = (i + 1) / m, t = (2 * Math.PI * j) / k + 4 * r + (noise > 0 ? rng.normal(0, noise) : 0);
      rows.push([r * Math.sin(t), r * Math.cos(t), j]);
    }
  });
  return finish(rows, 0, rng);
}

/**
 * Gaussian blobs, make_blobs's: centers (3 by default) drawn uniformly in [-10, 10)² first unless given, then each
 * blob's rows at its center plus N(0, std²) per coordinate (std 1 by default). Label j is blob j; n // k rows each,
 * one more for the first n % k.
 */
export function blobs(n: number, opts: BlobsOptions = {}): Row[] {
  const std = nonNegative("blobs", "std", opts.std ?? 1), rng = new Rng(opts.seed ?? 0), c = opts.centers ?? 3;
  if (typeof c === "number" && (!Number.isInteger(c) || c < 1)) throw new RangeError(`blobs: centers must be a positive integer, got ${c}`);
  if (typeof c !== "number" && c.length === 0) throw new RangeError("blobs: no centers");
  const centers = typeof c === "number" ? Array.from({ length: c }, () => [rng.uniform(-10, 10), rng.uniform(-10, 10)]) : c;
  const rows: [number, number, number][] = [];
  sizes(count("blobs", n), centers.length).forEach((m, j) => {
    const [x, y] = centers[j];
    for (let i = 0; i < m; i++) rows.push([x + rng.normal(0, std), y + rng.normal(0, std), j]);
  });
  return finish(rows, 0, rng);
}
