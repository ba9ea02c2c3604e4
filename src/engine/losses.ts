// Runs anywhere: loss functions recorded on a tape. Predictions are node ids; targets are plain numbers (recorded
// as constants) or node ids wrapped with nodes(), because both are `number` and must not be confused.
import type { Tape } from "./tape";

/** Targets as node ids already on the tape. */
export interface TargetNodes {
  readonly nodes: readonly number[];
}

/** Plain numbers are target values; use nodes(ids) for targets that are nodes. */
export type Targets = readonly number[] | TargetNodes;

export function nodes(ids: readonly number[]): TargetNodes {
  return { nodes: ids };
}

/**
 * bce squeezes predictions into [BCE_EPS, 1 - BCE_EPS] by p' = BCE_EPS + (1 - 2 BCE_EPS) p before the logs, so
 * log(0) cannot happen silently: at p = 0 or 1 the loss is at most -ln(BCE_EPS) ≈ 27.6 per sample and the
 * gradient stays finite. An affine squeeze (not a clamp) keeps the recording free of value-dependent branches, so
 * replay stays valid, and changes values in (0, 1) by at most 2e-12.
 */
export const BCE_EPS = 1e-12;

function targetNode(t: Tape, ys: Targets, i: number): number {
  return isNodes(ys) ? ys.nodes[i] : t.const(ys[i]);
}

function isNodes(ys: Targets): ys is TargetNodes {
  return !Array.isArray(ys);
}

function checkLengths(name: string, preds: readonly number[], ys: Targets): void {
  const m = isNodes(ys) ? ys.nodes.length : ys.length;
  if (preds.length !== m) throw new RangeError(`${name}: ${preds.length} predictions for ${m} targets`);
  if (m === 0) throw new RangeError(`${name}: no predictions`);
}

/** Σ (p - y)², the tutorial's loss. */
export function sse(t: Tape, preds: readonly number[], ys: Targets): number {
  checkLengths("sse", preds, ys);
  const terms = new Array<number>(preds.length);
  for (let i = 0; i < preds.length; i++) terms[i] = t.powConst(t.sub(preds[i], targetNode(t, ys, i)), 2);
  return t.sum(terms);
}

/** Σ (p - y)² / n. */
export function mse(t: Tape, preds: readonly number[], ys: Targets): number {
  return t.div(sse(t, preds, ys), t.const(preds.length));
}

/** -(1/n) Σ [y ln p + (1 - y) ln(1 - p)], with predictions squeezed by BCE_EPS. */
export function bce(t: Tape, preds: readonly number[], ys: Targets): number {
  checkLengths("bce", preds, ys);
  const n = preds.length;
  const terms = new Array<number>(n);
  const scale = t.const(1 - 2 * BCE_EPS), eps = t.const(BCE_EPS), one = t.const(1);
  for (let i = 0; i < n; i++) {
    const p = t.add(eps, t.mul(scale, preds[i]));
    if (!isNodes(ys) && ys[i] === 1) terms[i] = t.log(p);
    else if (!isNodes(ys) && ys[i] === 0) terms[i] = t.log(t.sub(one, p));
    else {
      const y = targetNode(t, ys, i);
      terms[i] = t.add(t.mul(y, t.log(p)), t.mul(t.sub(one, y), t.log(t.sub(one, p))));
    }
  }
  return t.div(t.neg(t.sum(terms)), t.const(n));
}

export type LossName = "sse" | "mse" | "bce";

export const losses: Readonly<Record<LossName, (t: Tape, preds: readonly number[], ys: Targets) => number>> =
  Object.freeze({ sse, mse, bce });

export function isLossName(s: string): s is LossName {
  return s === "sse" || s === "mse" || s === "bce";
}
