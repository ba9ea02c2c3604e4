// Runs anywhere: tensor shapes (rank 0 to 3, row-major) and tensor data constructors. A shape is a plain array of
// sizes: the op table's rules take and return any rank, and only checkShape fixes today's limit (MAX_RANK).
import type { Rng } from "../rng";

export type Shape = readonly number[];

/** A value outside any tape: shape plus row-major data. */
export interface TensorData {
  readonly shape: Shape;
  readonly data: Float64Array;
}

/** Nested lists of numbers, equal lengths at each depth: a vector, a matrix, a batch of matrices. */
export type Nested = readonly number[] | readonly Nested[];

/** What the tape accepts as a leaf value. */
export type TensorLike = number | Nested | TensorData;

/** The largest rank a tensor may have: a batch of matrices, enough for attention over a batch. */
export const MAX_RANK = 3;

/** `[4,2]`, as messages and graph labels print a shape. */
export function shapeText(s: readonly number[]): string {
  return `[${s.join(",")}]`;
}

/** The index of element k (row-major) as names spell it: `[1][2]` in a matrix, `[k]` in a vector, "" for rank 0. */
export function elementIndex(s: readonly number[], k: number): string {
  let out = "";
  for (let d = s.length - 1; d >= 0; d--) {
    out = `[${k % s[d]}]${out}`;
    k = Math.floor(k / s[d]);
  }
  return out;
}

/** Number of elements (1 for rank 0). */
export function sizeOf(s: Shape): number {
  let n = 1;
  for (let k = 0; k < s.length; k++) n *= s[k];
  return n;
}

export function checkShape(s: readonly number[], who: string): Shape {
  if (s.length > MAX_RANK) {
    throw new RangeError(`${who}: shape [${s.join(",")}] has rank ${s.length}; tensors have rank 0 to ${MAX_RANK}`);
  }
  for (const d of s) {
    if (!Number.isInteger(d) || d < 1) throw new RangeError(`${who}: shape [${s.join(",")}] needs positive integer sizes`);
  }
  return s;
}

function isData(x: TensorLike): x is TensorData {
  return typeof x === "object" && !Array.isArray(x);
}

/** x as tensor data, checked; TensorData is used as it is (not copied), anything else goes through tensor(). */
export function tensorData(x: TensorLike): TensorData {
  if (typeof x !== "object" || !isData(x)) return tensor(x);
  const shape = checkShape(x.shape, "tensor");
  if (x.data.length !== sizeOf(shape)) throw new RangeError(`tensor: ${x.data.length} values for shape ${shapeText(shape)}`);
  return x;
}

/** A tensor from a number, a list, a list of equal-length rows, or a list of equal-shaped matrices. */
export function tensor(x: TensorLike): TensorData {
  if (typeof x === "number") return { shape: [], data: Float64Array.of(x) };
  if (isData(x)) {
    const shape = checkShape(x.shape, "tensor");
    if (x.data.length !== sizeOf(shape)) throw new RangeError(`tensor: ${x.data.length} values for shape ${shapeText(shape)}`);
    return { shape, data: Float64Array.from(x.data) };
  }
  // The shape from the first element at each depth; then every list, level by level, against it.
  const shape: number[] = [];
  for (let v: Nested | number = x; Array.isArray(v); v = (v as readonly (Nested | number)[])[0]) {
    if (v.length === 0) throw new RangeError(shape.length === 0 ? "tensor: empty list" : "tensor: empty row");
    shape.push(v.length);
  }
  checkShape(shape, "tensor");
  const data = new Float64Array(sizeOf(shape));
  const label = (p: readonly number[]): string => (p.length === 1 ? String(p[0]) : p.map((i) => `[${i}]`).join(""));
  let level: unknown[] = [x], paths: number[][] = [[]];
  for (let d = 0; d <= shape.length; d++) {
    const next: unknown[] = [], nextPaths: number[][] = [];
    for (let q = 0; q < level.length; q++) {
      const v = level[q], p = paths[q];
      if (d === shape.length) {
        if (typeof v === "number") data[q] = v;
        else if (Array.isArray(v)) throw new TypeError("tensor: a list mixes numbers and rows");
        else throw new TypeError(`tensor: row ${label(p.slice(0, -1))} holds a non-number`);
        continue;
      }
      if (!Array.isArray(v)) throw new TypeError("tensor: a list mixes numbers and rows");
      if (v.length !== shape[d]) {
        throw new RangeError(`tensor: row ${label(p)} has ${v.length} values, row ${label(p.map(() => 0))} has ${shape[d]}`);
      }
      v.forEach((e: unknown, j) => { next.push(e); nextPaths.push([...p, j]); });
    }
    level = next;
    paths = nextPaths;
  }
  return { shape, data };
}

function filled(shape: readonly number[], f: (k: number) => number, who: string): TensorData {
  const s = checkShape(shape, who), data = new Float64Array(sizeOf(s));
  for (let k = 0; k < data.length; k++) data[k] = f(k);
  return { shape: s, data };
}

export function zeros(rows: number, cols?: number): TensorData {
  return filled(cols === undefined ? [rows] : [rows, cols], () => 0, "zeros");
}

export function ones(rows: number, cols?: number): TensorData {
  return filled(cols === undefined ? [rows] : [rows, cols], () => 1, "ones");
}

/** Standard normal entries drawn row by row from rng (torch.randn's role; seeded, so reproducible). */
export function randn(rows: number, cols: number, rng: Rng): TensorData {
  return filled([rows, cols], () => rng.normal(0, 1), "randn");
}

/** Uniform entries in [0, 1) drawn row by row from rng. */
export function rand(rows: number, cols: number, rng: Rng): TensorData {
  return filled([rows, cols], () => rng.next(), "rand");
}

export type NestedArray = number[] | NestedArray[];

/** Nested arrays of data, for tests and views. */
export function toNested(t: TensorData): number | NestedArray {
  const s = t.shape;
  if (s.length === 0) return t.data[0];
  // Innermost rows first, then grouped outwards one axis at a time.
  const m = s[s.length - 1];
  let level: NestedArray[] = [];
  for (let k = 0; k < t.data.length; k += m) level.push(Array.from(t.data.subarray(k, k + m)));
  for (let d = s.length - 2; d >= 0; d--) {
    const grouped: NestedArray[] = [];
    for (let k = 0; k < level.length; k += s[d]) grouped.push(level.slice(k, k + s[d]));
    level = grouped;
  }
  return level[0];
}
