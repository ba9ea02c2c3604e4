// Runs anywhere (extension host, worker, CLI, tests): the work one evaluation may do, counted before it is done. A
// Tape with a budget checks each tensor op's element operations (the op table's cost rule) and every allocation
// (tensor elements, its own node and edge arrays as they grow) before making it, and throws a BudgetError. The
// engine knows nothing of settings or source positions: the notation turns the error into a positioned one.

/** What ran out: elements allocated, tensor element operations, or tape nodes. */
export type BudgetKind = "elements" | "ops" | "nodes";

export interface BudgetLimits {
  /** Elements allocated over the evaluation, cumulative: tensor elements, tape nodes and edges, and what callers charge. */
  readonly maxElements: number;
  /** Tensor element operations: an elementwise op counts its output's size, a matmul n·k·m, a reduction its input's size. */
  readonly maxOps: number;
  /** Nodes on the tape. */
  readonly maxNodes: number;
}

export const NO_LIMITS: BudgetLimits = { maxElements: Infinity, maxOps: Infinity, maxNodes: Infinity };

/** A bound hit: `amount` more of `kind` for `what`, with `used` already spent, would pass `limit`. */
export class BudgetError extends Error {
  constructor(
    readonly kind: BudgetKind,
    /** What asked (an op name such as "matmul", "tensor", "graph nodes"). */
    readonly what: string,
    readonly amount: number,
    readonly used: number,
    readonly limit: number,
  ) {
    super(`${what}: ${amount} ${kind === "ops" ? "element operations" : kind} more (${used} used) would pass the limit of ${limit}`);
    this.name = "BudgetError";
  }
}

export class Budget {
  /** Elements allocated so far. */
  elements = 0;
  /** Element operations done so far. */
  ops = 0;

  constructor(readonly limits: BudgetLimits = NO_LIMITS) {}

  /** Throws unless n more elements fit; counts nothing (the allocation that follows does, through allocate). */
  require(n: number, what: string): void {
    // Written as !(… <= …) so that NaN amounts fail too.
    if (!(this.elements + n <= this.limits.maxElements)) throw new BudgetError("elements", what, n, this.elements, this.limits.maxElements);
  }

  /** Counts n elements about to be allocated; throws first, allocating nothing, when they do not fit. */
  allocate(n: number, what: string): void {
    this.require(n, what);
    this.elements += n;
  }

  /** Counts n element operations about to run; throws first when they do not fit. */
  work(n: number, what: string): void {
    if (!(this.ops + n <= this.limits.maxOps)) throw new BudgetError("ops", what, n, this.ops, this.limits.maxOps);
    this.ops += n;
  }

  /**
   * The capacity a tape's node arrays may grow to from `have` (wanting `want`) while holding `need` nodes: no more than
   * a little past the node limit, so a runaway graph stops at the limit instead of doubling past it. The growth is
   * counted as elements allocated.
   */
  nodeCapacity(have: number, want: number, need: number): number {
    const cap = Math.min(want, this.limits.maxNodes + 16);
    if (need > cap) throw new BudgetError("nodes", "graph nodes", need - have, have, this.limits.maxNodes);
    this.allocate(cap - have, "graph nodes");
    return cap;
  }
}
