// Runs anywhere: the op table. Every op is one entry, defined once in its family's file: leaves, element moves and
// detach (shape.ts), one-input elementwise (elementwise.ts, activations.ts), two-input elementwise with broadcasting
// (arith.ts), comparisons (compare.ts), max, min, clamp and where (minmax.ts), matmul, transpose and linear
// (linalg.ts), sums and reductions (reduce.ts, extrema.ts), the softmax family and the label losses (softmax.ts).
// Indexed here by op code; the tape dispatches replay and backward through the arrays below (dense, so the hot loops
// load them without lookups).
import { OP_COUNT } from "../op";
import { activationOps } from "./activations";
import { arith } from "./arith";
import { comparisons } from "./compare";
import { elementwise } from "./elementwise";
import { extrema } from "./extrema";
import { linear, matmul, transpose } from "./linalg";
import { picks } from "./minmax";
import { mean, reduceSum, sum } from "./reduce";
import { constant, detach, fromScalars, input, item, param, reshape, row } from "./shape";
import { softmaxFamily } from "./softmax";
import type { Kernel, OpDef, TensorRule, OpTape } from "./types";

/** Every op, indexed by its code. */
export const ops: readonly OpDef[] = (() => {
  const all: OpDef[] = [
    constant, input, param, ...elementwise, ...arith, sum, linear, fromScalars, item, matmul, transpose, reduceSum, mean,
    reshape, row, ...picks, ...activationOps, ...comparisons, ...extrema, ...softmaxFamily, detach,
  ];
  const table = new Array<OpDef>(OP_COUNT);
  for (const d of all) {
    if (table[d.code] !== undefined) throw new Error(`op table: code ${d.code} is both ${table[d.code].name} and ${d.name}`);
    table[d.code] = d;
  }
  for (let c = 0; c < OP_COUNT; c++) if (table[c] === undefined) throw new Error(`op table: no entry for op code ${c}`);
  return table;
})();

/** Name as the notation spells it (for messages, JSON, the CLI), by op code. */
export const opName: readonly string[] = ops.map((d) => d.name);

/** Short label for the graph view, by op code. */
export const opSymbol: readonly string[] = ops.map((d) => d.symbol);

const none = (): never => {
  throw new Error("op table: this op has no such form");
};

/** The convention at each op's non-differentiable points (kinks, ties), for reports; "" where it has none. */
export const opKink: readonly string[] = ops.map((d) => d.kink ?? "");

/** 1 for the ops no gradient flows through (comparisons, argmax, detach), by op code. */
export const noGrad: Uint8Array = Uint8Array.from(ops, (d) => (d.noGrad ? 1 : 0));

/** Scalar kernel of each op code (replay); tensor-only ops throw. */
export const kernels: readonly Kernel[] = ops.map((d) => d.kernel ?? none);

/** Tensor rule of each op code; scalar-only ops throw. */
export const tensorRules: readonly TensorRule[] = ops.map((d) => d.tensor ?? { shape: none, cost: none, forward: none, vjp: none });

/** Backward step of each scalar op whose gradient does not flow along its edges (item); the rest throw. */
export const pulls: readonly ((t: OpTape, i: number, g: number) => void)[] = ops.map((d) => d.pull ?? none);
