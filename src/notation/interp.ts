// Runs anywhere: the interpreter's state. Expressions (expressions.ts), statements (statements.ts) and built-ins
// (builtins.ts) are functions over this state; nothing here runs user code natively.
import { Budget, BudgetError, Op, ParamStore, Rng, Tape, type GradcheckRow } from "../engine";
import { budgetReason, subject, type Bounds } from "./bounds";
import { GradLensError, InterruptedError, lineCol, warning, type Diagnostic } from "./errors";
import type { Lang, Program, Span } from "./tree";
import type { Instance } from "./classes";
import type { Namespace } from "./members";
import type { NpRandom } from "./python/nprandom";
import type { PyRandom } from "./python/pyrandom";
import { pyTruthy } from "./py-print";
import { Scope } from "./scope";
import { Num, type Value } from "./values";

export { DEFAULT_BOUNDS, type Bounds } from "./bounds";

export { Scope };

export interface TrainSettings {
  lr: number;
  steps: number;
  method: "backprop" | "finite-difference";
  eps?: number;
  optimizer: "sgd" | "momentum" | "adam";
  /** Rows per mini-batch of the file's data sets (datasets.ts); undefined: all of them every step. */
  batch?: number;
  start: number;
  end: number;
}

/** One row of a gradient check (the engine's: note is "" when there is nothing to say). */
export type { GradcheckRow };

export interface GradcheckResult {
  start: number;
  end: number;
  line: number;
  column: number;
  /** "gradient" checks f's autograd gradient; "derivative" a hand-written df; "backward" a model's backward. */
  kind: "gradient" | "derivative" | "backward";
  rows: GradcheckRow[];
  pass: boolean;
}

/**
 * What a program's own autograd computed, drawn by the graph: the autograd check's tape (every number of the
 * learner's objects a node), root's node, and the learner's gradient of each object's number (by node).
 */
export interface LearnerGraph {
  tape: Tape;
  root: number;
  claims: ReadonlyMap<number, number>;
}

export interface ParamLeaf {
  name: string;
  slot: number;
  node: number;
}

export class Interp {
  tape: Tape;
  scope: Scope;
  readonly global: Scope;
  steps = 0;
  depth = 0;
  /** Deepest call nesting reached (for the message when the JavaScript stack runs out first). */
  deepest = 0;
  rng = new Rng(0);
  /** A seed that replaces every `seed(n)` and mlp `seed` of the file (the CLI's `train --seed`). */
  seedOverride: number | undefined;
  /** Params of this evaluation; `valuesFrom` (a trainer's store) overrides their initial values on re-runs. */
  store = new ParamStore();
  valuesFrom: ParamStore | undefined;
  readonly params: ParamLeaf[] = [];
  /** Set when a branch, loop bound or index read a graph value: replaying the recorded tape is then unsafe. */
  controlOnValues = false;
  readonly warnings: Diagnostic[] = [];
  train: TrainSettings | undefined;
  readonly gradchecks: GradcheckResult[] = [];
  /** Selections may assign a name they never declared (`z = x * y`, as Python does); files may not. */
  implicitDeclare = false;
  /** Gradient checks are skipped on re-runs for training. */
  runChecks = true;
  /** Binding path of the value being built (`w1`, `w1[0]`, `layer.b`): the default name of a param. */
  namePath: string | undefined;
  returnValue: Value;
  /** The node being evaluated, for positions of bound errors and stack overflows. */
  current: Span | undefined;
  /** Elements allocated and tensor work done, shared by every tape of this evaluation (scratch tapes too). */
  readonly budget: Budget;
  /** Whether anything (a deadline, an interruption hook) is to be polled. */
  private readonly polling: boolean;
  private readonly warned = new Set<string>();

  /** Offset of the interpreted text in the document (the program's start); every span is a document offset. */
  readonly base: number;
  readonly lang: Lang;
  /** What `print` wrote, one entry per line. */
  readonly output: string[] = [];
  /** The last output line is still open (a `print(…, end="")`). */
  openLine = false;
  /** Python: the modules imported so far, and the generators of `random` and `np.random`. */
  readonly modules = new Map<string, Namespace>();
  pyRandom: PyRandom | undefined;
  /** The autograd check's run (autograd-check.ts): objects made so far; their number fields become graph nodes. */
  traced: Instance[] | undefined;
  /** The first autograd check's tape: root's number, and the learner's gradient of each object's number by node. */
  learnerGraph: LearnerGraph | undefined;
  npRandom: NpRandom | undefined;

  constructor(
    readonly program: Program,
    /** The document text (line and column numbers are computed in it). */
    readonly doc: string,
    readonly bounds: Bounds,
    tape?: Tape,
  ) {
    const base = program.start;
    this.base = base;
    this.lang = program.lang;
    this.budget = new Budget({ maxElements: bounds.maxElements, maxOps: bounds.maxElementOps, maxNodes: bounds.maxNodes });
    this.tape = tape ?? new Tape();
    try {
      this.tape.budget = this.budget;
    } catch (e) {
      // A reused tape (a trainer's) already larger than the bound allows.
      if (e instanceof BudgetError) throw new GradLensError(`${budgetReason(e, "")} (${e.what})`, base, base, doc);
      throw e;
    }
    this.polling = bounds.deadline !== undefined || bounds.interrupted !== undefined;
    this.global = new Scope(undefined, true);
    this.scope = new Scope(this.global, true);
  }

  /** The source text of n. */
  text(n: Span): string {
    return this.doc.slice(n.start, n.end);
  }

  error(reason: string, n: Span): GradLensError {
    return new GradLensError(reason, n.start, n.end, this.doc);
  }

  /** A warning at n, once per place and message (a warning in a loop that runs a million times is one warning). */
  warn(message: string, n: Span): void {
    const start = n.start, key = `${start}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(warning(message, start, n.end, this.doc));
  }

  /** One interpreted step; past a bound, stop here. Every 1024 steps the deadline and the interruption hook are polled. */
  tick(n: Span): void {
    this.current = n;
    if (++this.steps > this.bounds.maxSteps) throw this.stepLimit(n);
    if (this.tape.n > this.bounds.maxNodes) {
      throw this.error(`graph too large (over ${this.bounds.maxNodes} nodes; see gradlens.maxNodes)`, n);
    }
    if ((this.steps & 1023) === 0 && this.polling) this.poll(n);
  }

  /** n steps of a built-in's own work (elements it walks): counted like interpreted steps, and polled. */
  spend(n: number, site: Span): void {
    this.steps += n;
    if (this.steps > this.bounds.maxSteps) throw this.stepLimit(site);
    if (this.polling) this.poll(site);
  }

  private stepLimit(n: Span): GradLensError {
    return this.error(`step limit reached (${this.bounds.maxSteps} steps; see gradlens.maxSteps)`, n);
  }

  /** Stop at n if the deadline has passed or the interruption hook says so (long built-ins call this between steps). */
  poll(n: Span | undefined = this.current): void {
    const b = this.bounds, at = n ?? this.program;
    if (b.deadline !== undefined && performance.now() > b.deadline) {
      throw new InterruptedError("deadline", b.deadlineMessage ?? "time limit reached", at.start, at.end, this.doc);
    }
    const why = b.interrupted?.();
    if (why !== undefined) throw new InterruptedError("interrupted", why, at.start, at.end, this.doc);
  }

  /**
   * Counts n elements about to be allocated for site (an array, a string); past the bound, a positioned error first
   * (`note` says what the elements are, when that is not plain).
   */
  allocate(n: number, site: Span, note = ""): void {
    const b = this.budget;
    if (!(b.elements + n <= b.limits.maxElements)) {
      throw this.overBudget(new BudgetError("elements", "", n, b.elements, b.limits.maxElements), site, note);
    }
    b.elements += n;
  }

  /** Counts n element operations about to be done for site; past the bound, a positioned error first. */
  work(n: number, site: Span): void {
    const b = this.budget;
    if (!(b.ops + n <= b.limits.maxOps)) throw this.overBudget(new BudgetError("ops", "", n, b.ops, b.limits.maxOps), site);
    b.ops += n;
  }

  /**
   * An engine budget error as a positioned error at site, naming site's code and the setting to raise (and, when the
   * elements are the graph's own arrays, saying so: the code does not show them).
   */
  overBudget(e: BudgetError, site: Span, note = ""): GradLensError {
    const what = note === "" && e.what.startsWith("graph ") && e.kind === "elements" ? ` (${e.what})` : note;
    return this.error(budgetReason(e, site === this.program ? "" : subject(this.text(site))) + what, site);
  }

  /** New nodes come from n's source range. */
  at(n: Span): void {
    this.tape.at(n.start, n.end);
  }

  /** A number as a node of the current tape (constants and foreign nodes become Const leaves). */
  node(v: number | Num): number {
    if (typeof v === "number") return this.tape.const(v);
    return v.tape === this.tape ? v.node : this.tape.const(v.value);
  }

  num(node: number): Num {
    return new Num(this.tape, node);
  }

  /**
   * A gradient check's result, kept where its call stands (CodeLens, report) and, when it fails, a warning naming the
   * failing rows: `gradient check failed: ${lead}x: ${side} 1 vs numeric 2; …`. Returns whether it passed.
   */
  recordCheck(site: Span, kind: GradcheckResult["kind"], rows: GradcheckRow[], lead = "", side = "analytic"): boolean {
    const start = site.start, { line, column } = lineCol(this.doc, start);
    const pass = rows.every((r) => r.pass);
    this.gradchecks.push({ start, end: site.end, line, column, kind, pass, rows });
    if (!pass) {
      const bad = rows.filter((r) => !r.pass).map((r) => `${r.name}: ${side} ${r.analytic} vs numeric ${r.numeric}`);
      this.warn(`gradient check failed: ${lead}${bad.join("; ")}`, site);
    }
    return pass;
  }

  /** A small scratch tape (a gradient check's) that spends this evaluation's budget. */
  scratchTape(): Tape {
    const t = new Tape(256, 512);
    t.budget = this.budget;
    return t;
  }

  /**
   * Run f recording on another tape (a gradient check's scratch tape) with nested checks off; the tape, the checks
   * and the replay flag are put back afterwards, so the check leaves the file's own evaluation as it was.
   */
  onScratch<T>(tape: Tape, f: () => T): T {
    const saved = { tape: this.tape, control: this.controlOnValues, checks: this.runChecks };
    this.tape = tape;
    tape.budget = this.budget;
    this.runChecks = false;
    try {
      return f();
    } finally {
      this.tape = saved.tape;
      this.controlOnValues = saved.control;
      this.runChecks = saved.checks;
    }
  }

  /** Plain value of a number for control flow: reading a graph value there makes replay unsafe. */
  plain(v: number | Num): number {
    if (typeof v === "number") return v;
    // A constant node (Python's boxed floats) depends on no param.
    if (v.tape.op[v.node] !== Op.Const) this.controlOnValues = true;
    return v.value;
  }

  truthy(v: Value): boolean {
    if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
    if (this.lang === "py" && typeof v === "object" && v !== null && !(v instanceof Num)) return pyTruthy(this, v);
    if (v instanceof Num) {
      const x = this.plain(v);
      return x !== 0 && !Number.isNaN(x);
    }
    if (typeof v === "string") return v !== "";
    return v !== null && v !== undefined && v !== false;
  }
}
