// Runs anywhere: the logic-gate datasets of the tutorial, each row [x1, x2, y].

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
