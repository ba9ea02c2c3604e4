// Runs anywhere: tensor shapes (rank 0 to 2 for now, row-major) and tensor data constructors. A shape is a plain
// array of sizes: the op table's rules take and return any rank, and only checkShape fixes today's limit.
import type { Rng } from "../rng";

export type Shape = readonly number[];

/** A value outside any tape: shape plus row-major data. */
export interface TensorData {
  readonly shape: Shape;
  readonly data: Float64Array;
}

/** What the tape accepts as a leaf value. */
export type TensorLike = number | readonly number[] | readonly (readonly number[])[] | TensorData;

/** `[4,2]`, as messages and graph labels print a shape. */
export function shapeText(s: readonly number[]): string {
  return `[${s.join(",")}]`;
}

/** The index of element k (row-major) as names spell it: `[1][2]` in a matrix, `[k]` in a vector, "" for rank 0. */
export function elementIndex(s: readonly number[], k: number): string {
  return s.length === 2 ? `[${Math.floor(k / s[1])}][${k % s[1]}]` : s.length === 1 ? `[${k}]` : "";
}

/** Number of elements (1 for rank 0). */
export function sizeOf(s: Shape): number {
  let n = 1;
  for (let k = 0; k < s.length; k++) n *= s[k];
  return n;
}

export function checkShape(s: readonly number[], who: string): Shape {
  if (s.length > 2) throw new RangeError(`${who}: shape [${s.join(",")}] has rank ${s.length}; tensors have rank 0 to 2`);
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

/** A tensor from a number, a list or a list of equal-length rows. */
export function tensor(x: TensorLike): TensorData {
  if (typeof x === "number") return { shape: [], data: Float64Array.of(x) };
  if (isData(x)) {
    const shape = checkShape(x.shape, "tensor");
    if (x.data.length !== sizeOf(shape)) throw new RangeError(`tensor: ${x.data.length} values for shape ${shapeText(shape)}`);
    return { shape, data: Float64Array.from(x.data) };
  }
  const rows = x as readonly (number | readonly number[])[];
  if (rows.length === 0) throw new RangeError("tensor: empty list");
  if (typeof rows[0] === "number") {
    for (const v of rows) if (typeof v !== "number") throw new TypeError("tensor: a list mixes numbers and rows");
    return { shape: [rows.length], data: Float64Array.from(rows as number[]) };
  }
  const m = (rows[0] as readonly number[]).length;
  if (m === 0) throw new RangeError("tensor: empty row");
  const data = new Float64Array(rows.length * m);
  rows.forEach((r, i) => {
    if (typeof r === "number" || r.length !== m) {
      throw new RangeError(`tensor: row ${i} has ${typeof r === "number" ? "no list" : r.length + " values"}, row 0 has ${m}`);
    }
    for (let j = 0; j < m; j++) {
      if (typeof r[j] !== "number") throw new TypeError(`tensor: row ${i} holds a non-number`);
      data[i * m + j] = r[j];
    }
  });
  return { shape: [rows.length, m], data };
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

/** Nested arrays of data, for tests and views. */
export function toNested(t: TensorData): number | number[] | number[][] {
  const s = t.shape;
  if (s.length === 0) return t.data[0];
  if (s.length === 1) return Array.from(t.data);
  const out: number[][] = [];
  for (let i = 0; i < s[0]; i++) out.push(Array.from(t.data.subarray(i * s[1], (i + 1) * s[1])));
  return out;
}
