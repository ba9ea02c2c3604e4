// Runs anywhere: the bounds of one evaluation (steps, nodes, call depth, elements allocated, tensor element
// operations, and the hooks that stop it from outside), their defaults and hard maxima, and the messages a bound
// hit gives: each names the bound and the setting that raises it.
import type { BudgetError } from "../engine";

export interface Bounds {
  /** Interpreted steps (`gradlens.maxSteps`). */
  maxSteps: number;
  /** Graph nodes (`gradlens.maxNodes`). */
  maxNodes: number;
  /** Nested calls (`gradlens.maxCallDepth`). */
  maxDepth: number;
  /**
   * Elements allocated over the evaluation, cumulative (`gradlens.maxElements`): array elements, string characters,
   * tensor elements, graph nodes and edges, param slots. Sizes are checked before anything is allocated.
   */
  maxElements: number;
  /** Tensor element operations (`gradlens.maxElementOps`): a matmul counts n·k·m, checked before it runs. */
  maxElementOps: number;
  /**
   * A `performance.now()` time after which the evaluation stops, polled every 1024 steps and between the steps of
   * long built-ins (gradient checks, `mlp` construction).
   */
  deadline?: number;
  /** The message when the deadline passes; it should say which setting to raise. */
  deadlineMessage?: string;
  /** Polled like the deadline: a string stops the evaluation with that message (a newer edit, a cancel). */
  interrupted?: () => string | undefined;
}

/** The limits of Bounds (what a setting can set), without the hooks. */
export type BoundLimit = "maxSteps" | "maxNodes" | "maxDepth" | "maxElements" | "maxElementOps";

export const DEFAULT_BOUNDS: Readonly<Pick<Bounds, BoundLimit>> = {
  maxSteps: 5_000_000, maxNodes: 2_000_000, maxDepth: 1000, maxElements: 50_000_000, maxElementOps: 2_000_000_000,
};

/** Hard maxima: no setting raises a bound past these (a workspace cannot switch the bounds off). */
export const BOUND_MAXIMA: Readonly<Pick<Bounds, BoundLimit>> = {
  maxSteps: 50_000_000, maxNodes: 20_000_000, maxDepth: 5000, maxElements: 500_000_000, maxElementOps: 20_000_000_000,
};

/** Lower limits the settings accept (below them the examples cannot run). */
export const BOUND_MINIMA: Readonly<Pick<Bounds, BoundLimit>> = {
  maxSteps: 1000, maxNodes: 1000, maxDepth: 10, maxElements: 100_000, maxElementOps: 100_000,
};

/** The setting of each bound. */
export const BOUND_SETTINGS: Readonly<Record<BoundLimit, string>> = {
  maxSteps: "gradlens.maxSteps", maxNodes: "gradlens.maxNodes", maxDepth: "gradlens.maxCallDepth",
  maxElements: "gradlens.maxElements", maxElementOps: "gradlens.maxElementOps",
};

/** The limits of b, for cache keys (the hooks and the deadline change from run to run and do not change results). */
export function boundsKey(b: Partial<Bounds> | undefined): string {
  const all = { ...DEFAULT_BOUNDS, ...b };
  return `${all.maxSteps}/${all.maxNodes}/${all.maxDepth}/${all.maxElements}/${all.maxElementOps}`;
}

/** 12,345 / 33.6 M / 64 G: amounts in messages. */
export function quantity(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 1e6) return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 1e9 ? `${Number((n / 1e6).toPrecision(3))} M` : `${Number((n / 1e9).toPrecision(3))} G`;
}

/** The source text a message names (`zeros([20000, 20000])`), shortened. */
export function subject(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return `\`${one.length > 48 ? `${one.slice(0, 45)}…` : one}\``;
}

/**
 * "`zeros([20000, 20000])`: 400 M elements is over the 50 M element limit (gradlens.maxElements)", or with what the
 * evaluation already used when the amount alone would fit.
 */
export function budgetReason(e: BudgetError, what: string): string {
  if (e.kind === "nodes") return `graph too large (over ${e.limit} nodes; see gradlens.maxNodes)`;
  const elements = e.kind === "elements";
  const setting = BOUND_SETTINGS[elements ? "maxElements" : "maxElementOps"];
  const noun = elements ? "elements" : "element operations", limit = `the ${quantity(e.limit)} ${elements ? "element" : "element-operation"} limit`;
  const head = what === "" ? "" : `${what}: `;
  if (e.amount > e.limit) return `${head}${quantity(e.amount)} ${noun} is over ${limit} (${setting})`;
  return `${head}${quantity(e.amount)} more ${noun} would make ${quantity(e.used + e.amount)} in this evaluation, over ${limit} (${setting})`;
}
