// Runs anywhere: evaluating a `.nn.ts` file: params in a ParamStore, the target and its gradients, train settings,
// gradient-check results, diagnostics, and an Objective that re-runs the file for the engine's Trainer.
import { isDatasetName, Op, ParamStore, Rng, Tape, type DatasetName, type Objective } from "../engine";
import { Closure } from "./calls";
import { boundsKey } from "./bounds";
import { GradLensError, InterruptedError, type Diagnostic } from "./errors";
import type { Bounds, GradcheckResult, Interp, LearnerGraph, TrainSettings } from "./interp";
import { setBatch, type Batch } from "./datasets";
import { setFileReader, type FileReader } from "./load";
import { bindings, keepBindingLog, plainBindings, type BoundName, type PlainBinding } from "./locate";
import { Model } from "./model";
import { lower } from "./frontends";
import { evaluateProgram, guarded, newInterp, valueWarnings } from "./run";
import { nameParamsByPath } from "./param-names";
import { noTargetReason } from "./target";
import { Instance, instanceMember } from "./classes";
import { Fn, Num, Tensor, isNumber, type Value } from "./values";
import type { Lang, Program } from "./tree";
import { walk } from "./tree-walk";

export interface DocumentOptions {
  uri?: string;
  version?: number;
  bounds?: Partial<Bounds>;
  /** Replaces the file's `seed(n)` and mlp seeds (and seeds the file's generator): try a network over seeds. */
  seed?: number;
  /** The file's language: "ts" (default) or "py" (see languageOfFile). */
  lang?: Lang;
  /** Mini-batches of the file's data sets while training (`train({ batch })`); step -1 or none: all rows. */
  batch?: Batch;
  /** Reads files for `load(path)`, relative to the file's folder (the CLI's, a training run's); none: load refuses. */
  readFile?: FileReader;
}

export interface ParamInfo {
  name: string;
  slot: number;
  /** The first leaf of this param on the tape. */
  node: number;
  value: number;
  grad: number;
}

export interface DocumentResult {
  /** False when a parse or evaluation error stopped it (see diagnostics); tape and params hold what ran. */
  ok: boolean;
  /** What the program printed (`print(…)`), one entry per line, as CPython prints it. */
  output: string[];
  /** The program's own autograd, for the graph (see LearnerGraph): set after a checked top-level `root.backward()`. */
  learnerGraph?: LearnerGraph;
  /** The file lowered to GradLens's tree (what ran; the editor queries read it), undefined when it did not parse. */
  program: Program | undefined;
  /** Set when the deadline or the interruption hook of its bounds stopped it (such a result is not cached). */
  interrupted?: InterruptedError["why"];
  tape: Tape;
  target: number | undefined;
  targetName: string | undefined;
  value: number | undefined;
  /** Initial param values (do not train this one: use trainingStore()). */
  store: ParamStore;
  params: ParamInfo[];
  train: TrainSettings | undefined;
  gradchecks: GradcheckResult[];
  diagnostics: Diagnostic[];
  /**
   * Why there is no target ("no target: `loss` is a [4,1] tensor, …"), undefined when there is one. A file of
   * gradcheck(…) calls alone needs none: it then gets no warning, but this still says so for callers that need one.
   */
  noTarget: string | undefined;
  /** The first dataset the file names (AND, OR, XOR, NAND), for prediction tables. */
  dataset: DatasetName | undefined;
  /** Re-runs the file on the trainer's tape with the store's values; undefined when the file did not evaluate. */
  objective: Objective | undefined;
  /** True when no branch, loop or index read a param-dependent value: replaying the tape is then exact. */
  replaySafe: boolean;
  /** Top-level names bound to graph values (`loss`, `w1[0]`, `layer.b`) → node, for hovers. */
  bindings: Record<string, number>;
  /** Names bound by destructuring or as `for … of` variables, with the values each took (bounded), for hovers. */
  bound: BoundName[];
  /** Top-level names bound to plain values (constants, data, settings), for hovers. */
  plain: ReadonlyMap<string, PlainBinding>;
  /** A copy of the initial params, for a Trainer to change. */
  trainingStore(): ParamStore;
  /** The file's model (`model`, `forward`, `predict`, `net`, else its last top-level function) at the store's values. */
  predict(store: ParamStore, xs: number[]): number | undefined;
  /** The class a multi-class model picks for one row (the argmax of its output vector); undefined for one output. */
  classify(store: ParamStore, xs: number[]): number | undefined;
}

const cache = new Map<string, DocumentResult>();

export function evaluateDocument(text: string, opts: DocumentOptions = {}): DocumentResult {
  const key = opts.uri !== undefined && opts.version !== undefined ? `${opts.uri}\u0000${opts.version}\u0000${boundsKey(opts.bounds)}\u0000${opts.seed}\u0000${opts.lang}` : undefined;
  const hit = key !== undefined ? cache.get(key) : undefined;
  if (hit !== undefined) return hit;
  const result = evaluate(text, opts);
  if (key !== undefined && result.interrupted === undefined) {
    if (cache.size >= 16) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
  }
  return result;
}

function evaluate(text: string, opts: DocumentOptions): DocumentResult {
  let sf: Program;
  try {
    sf = lower(text, opts.lang ?? "ts", { uri: opts.uri, version: opts.version }).program;
  } catch (e) {
    if (!(e instanceof GradLensError)) throw e;
    return failed(new Tape(), new ParamStore(), e.all.map((x) => x.toDiagnostic()));
  }
  const ip = interpFor(sf, text, opts);
  const log = keepBindingLog(ip);
  const diagnostics: Diagnostic[] = [];
  let ev: ReturnType<typeof evaluateProgram>;
  try {
    ev = evaluateProgram(ip);
  } catch (e) {
    if (!(e instanceof GradLensError)) throw e;
    diagnostics.push(...ip.warnings, e.toDiagnostic());
    const interrupted = e instanceof InterruptedError ? e.why : undefined;
    return { ...failed(ip.tape, ip.store, diagnostics), train: ip.train, gradchecks: ip.gradchecks, interrupted, output: ip.output, program: sf };
  }
  const tape = ip.tape, store = ip.store;
  nameParamsByPath(ip);
  if (ev !== undefined) tape.backward(ev.node);
  store.gather(tape);
  const firstLeaf = new Map<number, number>();
  for (const p of ip.params) if (!firstLeaf.has(p.slot)) firstLeaf.set(p.slot, p.node);
  const leafOf = (slot: number): number => {
    const known = firstLeaf.get(slot);
    if (known !== undefined) return known;
    for (let i = 0; i < tape.n; i++) if (tape.op[i] === Op.Param && tape.aux[i] === slot && !tape.isTensor(i)) return i;
    return -1;
  };
  const params: ParamInfo[] = store.names.map((name, slot) => ({ name, slot, node: leafOf(slot), value: store.values[slot], grad: store.grads[slot] }));
  diagnostics.push(...ip.warnings, ...valueWarnings(ip, ev?.node));
  const why = ev === undefined ? noTargetReason(ip) : undefined;
  const noTarget = ev === undefined ? `no target: ${why?.reason ?? "nothing at the top level evaluates to a number"}` : undefined;
  // A file of checks needs no target; a tensor where the target would be is worth saying all the same.
  // A Python program that prints its results needs no target either.
  if (noTarget !== undefined && (ip.gradchecks.length === 0 || why !== undefined) && !(ip.lang === "py" && ip.output.length > 0 && why === undefined)) {
    const e = why === undefined ? new GradLensError(noTarget, 0, 0, text) : ip.error(noTarget, why.site);
    diagnostics.push(e.toDiagnostic("warning"));
  }
  const initial = store.snapshot(), memo: PredictMemo = { how: undefined }, classMemo: PredictMemo = { how: undefined };
  return {
    ok: true, output: ip.output, ...(ip.learnerGraph === undefined ? {} : { learnerGraph: ip.learnerGraph }), program: sf, tape, target: ev?.node, targetName: ev?.target.name, value: ev === undefined ? undefined : tape.val[ev.node],
    store, params, train: ip.train, gradchecks: ip.gradchecks, diagnostics, noTarget, dataset: datasetOf(sf),
    objective: ev === undefined ? undefined : objective(sf, text, opts, store.size),
    replaySafe: !ip.controlOnValues, bindings: bindings(ip.scope, tape), bound: log.all(),
    plain: plainBindings(ip.scope, tape),
    trainingStore: () => copyStore(store, initial),
    predict: (s, xs) => predict(sf, text, opts, s, xs, memo),
    classify: (s, xs) => predict(sf, text, opts, s, xs, classMemo, argmaxOf),
  };
}

function failed(tape: Tape, store: ParamStore, diagnostics: Diagnostic[]): DocumentResult {
  return {
    ok: false, output: [], program: undefined, tape, target: undefined, targetName: undefined, value: undefined, store, params: [], train: undefined,
    gradchecks: [], diagnostics, noTarget: undefined, dataset: undefined, objective: undefined, replaySafe: false, bindings: Object.create(null) as Record<string, number>, bound: [], plain: new Map(),
    trainingStore: () => copyStore(store, store.snapshot()), predict: () => undefined, classify: () => undefined,
  };
}

function copyStore(store: ParamStore, values: Float64Array): ParamStore {
  const s = new ParamStore();
  store.names.forEach((n, i) => s.add(values[i], n));
  s.tensors.push(...store.tensors);
  return s;
}

/** Run the file again on `tape`, every param taking its value from `from` (same params, same order). */
function interpFor(sf: Program, text: string, opts: DocumentOptions, tape?: Tape): Interp {
  const ip = newInterp(sf, text, opts.bounds, tape);
  setFileReader(ip, opts.readFile);
  setBatch(ip, opts.batch);
  if (opts.seed !== undefined) {
    ip.seedOverride = opts.seed;
    ip.rng = new Rng(opts.seed);
  }
  return ip;
}

function rerun(sf: Program, text: string, opts: DocumentOptions, from: ParamStore, tape: Tape) {
  const ip = interpFor(sf, text, opts, tape);
  ip.valuesFrom = from;
  ip.runChecks = false;
  const ev = evaluateProgram(ip);
  return { ip, ev };
}

function objective(sf: Program, text: string, opts: DocumentOptions, size: number): Objective {
  return (tape, store) => {
    const { ip, ev } = rerun(sf, text, opts, store, tape);
    if (ev === undefined || ip.store.size !== size) {
      throw new GradLensError(`the file made ${ip.store.size} params when run again instead of ${size}: params must not depend on param values`, 0, 0, text);
    }
    return ev.node;
  };
}

const PREDICTORS = ["model", "forward", "predict", "net"];

/** A callable model: a function, an mlp, or an instance with a `forward` method (seed 000's class). */
function predictor(v: Value): Fn | Instance | undefined {
  if (v instanceof Closure || v instanceof Model) return v;
  return v instanceof Instance && instanceMember(v, "forward") instanceof Fn ? v : undefined;
}

/** Which way of passing a row a model took (see predict): the same for every row of one document. */
interface PredictMemo {
  how: number | undefined;
}

/**
 * The model's output for one row, at the store's values. A model takes a row one of three ways: the inputs as
 * arguments (`forward(p, q)`, a class's too), one array (`model([p, q])`), or one [1,k] tensor (seed 000's
 * `forward(x)` with matmul); the way that answers a number first is kept for the document's other rows.
 */
function predict(
  sf: Program, text: string, opts: DocumentOptions, store: ParamStore, xs: number[], memo: PredictMemo, read = firstNumber,
): number | undefined {
  const { ip } = rerun(sf, text, opts, store, new Tape());
  const vars = ip.scope.vars;
  let model = PREDICTORS.map((n) => vars.get(n)?.value).map((v) => (v === undefined ? undefined : predictor(v))).find((v) => v !== undefined);
  if (model === undefined) for (const b of vars.values()) model = predictor(b.value) ?? model;
  if (model === undefined) return undefined;
  const self = model instanceof Instance ? model : undefined;
  const f = (self === undefined ? model : instanceMember(self, "forward")) as Fn;
  const row = (): Value[] => [new Tensor(ip.tape, ip.tape.tensorConst({ shape: [1, xs.length], data: Float64Array.from(xs) }))];
  const ways: (() => Value[])[] = [() => xs, () => [xs], row];
  const arity = f instanceof Closure ? f.arity : undefined;
  // Inputs as arguments only where the arity says so; a class's forward of one argument takes a tensor first.
  const order = arity === xs.length ? [0, 1, 2] : self !== undefined ? [2, 1] : [1, 2];
  const scope = ip.scope, depth = ip.depth;
  for (const how of memo.how === undefined ? order : [memo.how]) {
    try {
      const out = read(guarded(ip, () => f.call(ip, ways[how](), ip.program, self)));
      if (out !== undefined) {
        memo.how = how;
        return out;
      }
    } catch (e) {
      // A way the model does not take fails inside the call: put the interpreter back where the call started.
      if (!(e instanceof GradLensError)) throw e;
      ip.scope = scope;
      ip.depth = depth;
    }
  }
  return undefined;
}

/** The number a model answered: a number, the first of a list, or a one-element tensor. */
function firstNumber(out: Value): number | undefined {
  const first = Array.isArray(out) ? out[0] : out;
  if (first instanceof Tensor) return first.size === 1 ? first.tape.tensorValue(first.node)[0] : undefined;
  return isNumber(first) ? (first instanceof Num ? first.value : first) : undefined;
}

/** The index of the largest element of a model's output of two or more (a [1,c] or [c] tensor, or a list). */
function argmaxOf(out: Value): number | undefined {
  const v = out instanceof Tensor ? Array.from(out.tape.tensorValue(out.node))
    : Array.isArray(out) ? out.map((x) => (isNumber(x) ? (x instanceof Num ? x.value : x) : NaN)) : [];
  if (v.length < 2 || v.some((x) => Number.isNaN(x))) return undefined;
  return v.reduce((best, x, k) => (x > v[best] ? k : best), 0);
}

/** Per parsed file: every evaluation of the same text asks again. */
const datasets = new WeakMap<Program, DatasetName | undefined>();

function datasetOf(sf: Program): DatasetName | undefined {
  if (datasets.has(sf)) return datasets.get(sf);
  let found: DatasetName | undefined;
  walk(sf, (n) => {
    if (found !== undefined) return false;
    if (n.kind === "name" && isDatasetName(n.name)) found = n.name;
    return found === undefined;
  });
  datasets.set(sf, found);
  return found;
}
