// Runs anywhere: turns a TrainConfig into something to train: an engine Trainer over a ParamStore, the dataset rows
// to judge predictions by, and a predict function for the table and the heat map. Presets build an MLP; documents
// go through the notation's evaluateDocument (tape replay when the file allows it, re-evaluation otherwise).
import {
  MLP, ParamStore, Trainer, datasetObjective, datasets, makeOptimizer, type Objective,
} from "../engine";
import { evaluateDocument, languageOfFile, type TrainSettings as FileTrainSettings } from "../notation";
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
      predict: (xs) => model.predict(xs)[0], cheapPredict: true, singleNeuron: src.hidden.length === 0,
    };
  }
  // No uri/version: the notation caches by them, and a session must train exactly the text it was given.
  const doc = evaluateDocument(src.text, { bounds: config.bounds, ...(src.seed === undefined ? {} : { seed: src.seed }), lang: languageOfFile(src.uri) });
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
  const trainer = new Trainer(doc.objective, store, { optimizer, method: s.method, eps: s.eps, replay: doc.replaySafe });
  const fromTensors = doc.dataset ? undefined : rowsFromTensors(doc.tape);
  const rows = doc.dataset ? datasets[doc.dataset] : fromTensors?.rows;
  if (fromTensors) notes.push(`predictions judged on the rows of the file's constant tensors (${fromTensors.rows.length} rows, ${fromTensors.nin} inputs, 0/1 targets)`);
  else if (!rows) notes.push("the file names no dataset (AND, OR, XOR, NAND) and holds no X/Y tensors of 0/1 targets: no predictions table or heat map");
  const nin = fromTensors?.nin ?? 2;
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
  };
}

/** The settings a file asks for with train({...}), over the current ones (its seed comes from the file itself). */
export function settingsFromFile(file: FileTrainSettings | undefined, base: TrainSettings): TrainSettings {
  if (!file) return { ...base };
  return { ...base, lr: file.lr, steps: file.steps, method: file.method, optimizer: file.optimizer, eps: file.eps ?? base.eps };
}
