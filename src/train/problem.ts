// Runs anywhere: turns a TrainConfig into something to train: an engine Trainer over a ParamStore, the dataset rows
// to judge predictions by, and a predict function for the table and the heat map. Presets build an MLP; documents
// go through the notation's evaluateDocument (tape replay when the file allows it, re-evaluation otherwise).
import {
  MLP, ParamStore, Trainer, datasetObjective, datasets, makeOptimizer, type Objective,
} from "../engine";
import { evaluateDocument, languageOfFile, type TrainSettings as FileTrainSettings } from "../notation";
import { labelledData, type LabelledData } from "./classes";
import { rowsFromTensors } from "./rows";
import { SettingsError } from "./validate";
import { describeSource, type TrainConfig, type TrainSettings } from "./types";

export interface Problem {
  label: string;
  notes: string[];
  trainer: Trainer;
  store: ParamStore;
  /** Parameter values at the start, for reset. */
  initial: Float64Array;
  /** Rows [x1, x2, y] the predictions are judged by; undefined when a file names no dataset. */
  rows: readonly (readonly number[])[] | undefined;
  nin: number;
  /** Model output for plain inputs at the store's current values (NaN when the source has no callable model). */
  predict(xs: number[]): number;
  /** Cheap enough to call for every row after every step (presets); documents re-run the file per call. */
  cheapPredict: boolean;
  /** One neuron and nothing else: cannot represent XOR. */
  singleNeuron: boolean;
  /** Rows per mini-batch, when the file trains on mini-batches. */
  batch?: number;
  /** Runs f (a trainer step) on the next mini-batch; the trainer's other evaluations take all rows. */
  onBatch<T>(f: () => T): T;
  /** Multi-class 2-input data (a crossEntropy/nll loss), for the decision boundary; classify picks a row's class. */
  labelled?: LabelledData;
  classify?(xs: number[]): number | undefined;
}

export function buildProblem(config: TrainConfig): Problem {
  const s = config.settings;
  const optimizer = makeOptimizer(s.optimizer, { lr: s.lr });
  const src = config.source;
  if (src.kind === "preset") {
    const rows = datasets[src.dataset];
    const init = src.init === undefined || src.init === "auto" ? undefined : src.init;
    const model = new MLP(2, [...src.hidden, 1], { activation: src.activation, output: "sigmoid", seed: s.seed, init });
    const objective: Objective = datasetObjective(model, rows, src.loss);
    const trainer = new Trainer(objective, model.store, { optimizer, method: s.method, eps: s.eps, replay: true });
    return {
      label: describeSource(src), notes: [], trainer, store: model.store, initial: model.store.snapshot(), rows, nin: 2,
      predict: (xs) => model.predict(xs)[0], cheapPredict: true, singleNeuron: src.hidden.length === 0, onBatch: (f) => f(),
    };
  }
  // No uri/version: the notation caches by them, and a session must train exactly the text it was given.
  const files = src.files;
  const readFile = config.readFile ?? (files === undefined ? undefined : (path: string): string => {
    if (!Object.hasOwn(files, path)) throw new Error("not read before the run started");
    return files[path];
  });
  // With mini-batches every step re-runs the file on its batch's rows (step -1: all rows, as for this first run). The
  // size is the settings' (the CLI's) or else the file's own train({ batch }) (the view's form has no such field).
  const rowsPer = { size: 0, step: -1 };
  const doc = evaluateDocument(src.text, { bounds: config.bounds, readFile, batch: rowsPer, ...(src.seed === undefined ? {} : { seed: src.seed }), lang: languageOfFile(src.uri) });
  rowsPer.size = s.batch ?? doc.train?.batch ?? 0;
  const batch = rowsPer.size > 0 ? rowsPer : undefined;
  const err = doc.diagnostics.find((d) => d.severity === "error");
  if (!doc.ok || err !== undefined) {
    throw new SettingsError(err ? `${src.label}:${err.line}:${err.column}: ${err.message}` : `${src.label} did not evaluate`);
  }
  if (doc.objective === undefined) throw new SettingsError(`${src.label}: ${doc.noTarget ?? "no target: nothing at the top level evaluates to a number"}`);
  if (doc.store.size === 0) throw new SettingsError(`${src.label}: no param(...) to train`);
  const store = doc.trainingStore();
  const notes = [doc.replaySafe
    ? "replaying the recorded tape each step (the file's control flow does not depend on its params)"
    : "re-evaluating the file every step: its control flow depends on param values, so replaying the tape would be wrong"];
  notes.push(src.seed === undefined
    ? "the file's own seed(...) sets its initial values; the seed setting applies to presets"
    : `seed ${src.seed} replaces the file's seed(...) and mlp seeds`);
  const switched = batchSwitch(batch);
  const objective = doc.objective, batched: Objective = batch === undefined ? objective : (t, st) => {
    if (switched.on) batch.step = trainer.steps;
    try {
      return objective(t, st);
    } finally {
      batch.step = -1;
    }
  };
  if (batch !== undefined) notes.push(`mini-batches of ${batch.size} rows of the file's data sets, shuffled each epoch with the file's seed; the loss curve is the batch loss, the full-data loss beside it`);
  const trainer = new Trainer(batched, store, { optimizer, method: s.method, eps: s.eps, replay: doc.replaySafe && batch === undefined });
  const fromTensors = doc.dataset ? undefined : rowsFromTensors(doc.tape);
  const rows = doc.dataset ? datasets[doc.dataset] : fromTensors?.rows;
  if (fromTensors) notes.push(`predictions judged on the rows of the file's constant tensors (${fromTensors.rows.length} rows, ${fromTensors.nin} inputs, 0/1 targets)`);
  const nin = fromTensors?.nin ?? 2, labelled = rows === undefined ? labelledData(doc.tape) : undefined;
  if (labelled) notes.push(`decision boundary: the class the model picks (argmax) over the data, ${labelled.classes} classes`);
  else if (!rows) notes.push("the file names no dataset (AND, OR, XOR, NAND) and holds no X/Y tensors of 0/1 targets: no predictions table or heat map");
  return {
    label: describeSource(src), notes, trainer, store, initial: store.snapshot(), rows, nin,
    predict: (xs) => {
      try {
        return doc.predict(store, xs) ?? NaN;
      } catch {
        return NaN;
      }
    },
    cheapPredict: false,
    singleNeuron: rows !== undefined && store.size === nin + 1,
    batch: batch?.size,
    onBatch: switched.run,
    ...(labelled === undefined ? {} : { labelled, classify: (xs: number[]) => doc.classify(store, xs) }),
  };
}

/** Runs f (a trainer step) on the next mini-batch: the trainer's evaluations outside it take all rows. */
function batchSwitch(batch: { step: number } | undefined): { on: boolean; run: <T>(f: () => T) => T } {
  const state = {
    on: false,
    run: <T>(f: () => T): T => {
      if (batch === undefined) return f();
      state.on = true;
      try {
        return f();
      } finally {
        state.on = false;
      }
    },
  };
  return state;
}

/** The settings a file asks for with train({...}), over the current ones (its seed comes from the file itself). */
export function settingsFromFile(file: FileTrainSettings | undefined, base: TrainSettings): TrainSettings {
  if (!file) return { ...base };
  return {
    ...base, lr: file.lr, steps: file.steps, method: file.method, optimizer: file.optimizer, eps: file.eps ?? base.eps,
    ...(file.batch === undefined ? {} : { batch: file.batch }),
  };
}
