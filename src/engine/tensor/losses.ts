// Runs anywhere: losses on tensor nodes, built from the tape's primitives (so their gradients need no kernels of
// their own). Prediction and target are node ids of the same shape; a mismatch is an error, not a broadcast,
// because a [4,1] prediction against a [4] target would otherwise silently compare every pair.
import { BCE_EPS } from "../losses";
import type { Tape } from "../tape";
import { shapeText } from "./shape";

function checkSame(t: Tape, name: string, pred: number, target: number): void {
  const a = t.shape(pred), b = t.shape(target);
  if (a.length !== b.length || a.some((d, k) => d !== b[k])) {
    throw new RangeError(`${name}: prediction shape ${shapeText(a)} and target shape ${shapeText(b)} differ`);
  }
}

/** Σ (p - y)². */
export function sse(t: Tape, pred: number, target: number): number {
  checkSame(t, "sse", pred, target);
  return t.sum(t.powConst(t.sub(pred, target), 2));
}

/** Σ (p - y)² / n. */
export function mse(t: Tape, pred: number, target: number): number {
  checkSame(t, "mse", pred, target);
  return t.mean(t.powConst(t.sub(pred, target), 2));
}

/** -(1/n) Σ [y ln p + (1 - y) ln(1 - p)], with p squeezed into [BCE_EPS, 1 - BCE_EPS] as the scalar bce does. */
export function bce(t: Tape, pred: number, target: number): number {
  checkSame(t, "bce", pred, target);
  const p = t.add(t.tensorConst(BCE_EPS), t.mul(t.tensorConst(1 - 2 * BCE_EPS), pred));
  const one = t.tensorConst(1);
  const terms = t.add(t.mul(target, t.log(p)), t.mul(t.sub(one, target), t.log(t.sub(one, p))));
  return t.neg(t.mean(terms));
}
