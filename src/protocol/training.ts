// Runs on both sides (extension host and training webview): the training view's messages, a discriminated union on
// `type` each way, and the one guard each way that a received message must pass before anything acts on it.
import type {
  AccuracyView, ChoiceField, GridView, CompareRun, CompareSnapshot, ParamEntry, ParamRow, PredictionRow, TensorParamRow, TrainChoices, TrainForm,
  TrainingSnapshot, TrainingState, VerdictView,
} from "../view/training";
import type { VerdictReason } from "../view/verdict";
import {
  arrayOf, either, isBoolean, isInt, isNumber, isRecord, isString, isUndefined, object, oneOf, optional, type Check,
} from "./check";

/** Extension -> training webview. */
export type ToTrainingView =
  | { type: "form"; form: TrainForm; choices: TrainChoices; document?: { label: string }; graph?: boolean }
  | { type: "snapshot"; snapshot: TrainingSnapshot }
  | { type: "compare"; compare: CompareSnapshot }
  | { type: "applied"; edits: number; skipped: string[] }
  | { type: "error"; message: string };

/** Training webview -> extension. */
export type FromTrainingView =
  | { type: "ready" }
  | { type: "train"; form: TrainForm }
  | { type: "pause" }
  | { type: "step"; form: TrainForm }
  | { type: "reset"; form: TrainForm }
  | { type: "compare"; form: TrainForm }
  | { type: "apply" }
  | { type: "trainFile" }
  | { type: "showGraph" };

type To<K extends ToTrainingView["type"]> = Omit<Extract<ToTrainingView, { type: K }>, "type">;
type From<K extends FromTrainingView["type"]> = Omit<Extract<FromTrainingView, { type: K }>, "type">;

const numbers = arrayOf(isNumber);
const strings = arrayOf(isString);
const isState = oneOf<TrainingState>(["idle", "running", "paused", "done", "cancelled"]);
const isHistory = object<TrainingSnapshot["history"]>({ steps: numbers, losses: numbers });

export const isTrainForm: Check<TrainForm> = object<TrainForm>({
  source: oneOf(["preset", "document"] as const), dataset: isString, hidden: isString, activation: isString,
  loss: isString, init: isString, optimizer: isString, lr: isString, steps: isString, seed: isString, method: isString, eps: isString,
});

export const isTrainChoices: Check<TrainChoices> = object<TrainChoices>({
  dataset: strings, activation: strings, loss: strings, init: strings, optimizer: strings, method: strings,
} satisfies Record<ChoiceField, Check<string[]>>);

const isPrediction: Check<PredictionRow> = object<PredictionRow>({ inputs: numbers, target: isNumber, output: isNumber, right: isBoolean });

const isParamEntry: Check<ParamEntry> = either(
  object<ParamRow>({ kind: oneOf(["scalar"] as const), name: isString, value: isNumber, grad: isNumber }),
  object<TensorParamRow>({
    kind: oneOf(["tensor"] as const), name: isString, shape: arrayOf(isInt), size: isInt, values: numbers, grads: numbers,
    valueNorm: isNumber, gradNorm: isNumber, min: isNumber, max: isNumber,
  }),
);

const REASONS: readonly VerdictReason[] = ["not-separable", "diverged", "more-steps", "stuck", "no-dataset", "rows-disagree", "error"];

/** What the view reads of a verdict: its kind, its sentence, and the step of a learned one or the reason of another. */
function isVerdictView(x: unknown): x is VerdictView {
  if (!isRecord(x) || !isString(x.message)) return false;
  return x.kind === "learned" ? isInt(x.step) : x.kind === "not-converged" && oneOf(REASONS)(x.reason);
}

export const isTrainingSnapshot: Check<TrainingSnapshot> = object<TrainingSnapshot>({
  state: isState, step: isInt, totalSteps: isInt, loss: isNumber, history: isHistory,
  predictions: optional(arrayOf(isPrediction)), grid: optional(object<GridView>({
    size: isInt, values: numbers, box: optional((x): x is [number, number, number, number] => numbers(x) && x.length === 4),
    classes: optional(isInt), points: optional(arrayOf(numbers)),
  })),
  params: arrayOf(isParamEntry), paramCount: isInt, paramRows: isInt, stepsPerSecond: isNumber,
  verdict: either(isUndefined, isVerdictView), label: isString, notes: strings, method: isString,
  accuracy: optional(object<AccuracyView>({ correct: isInt, total: isInt, classes: isInt })), fullHistory: optional(isHistory),
});

export const isCompareSnapshot: Check<CompareSnapshot> = object<CompareSnapshot>({
  runs: arrayOf(object<CompareRun>({
    method: isString, step: isInt, totalSteps: isInt, history: isHistory, finalLoss: isNumber, stepsPerSecond: isNumber, state: isState,
  })),
  maxLossDiff: isNumber, done: isBoolean,
});

const TO: { [K in ToTrainingView["type"]]: Check<To<K>> } = {
  form: object<To<"form">>({
    form: isTrainForm, choices: isTrainChoices, document: optional(object<{ label: string }>({ label: isString })), graph: optional(isBoolean),
  }),
  snapshot: object<To<"snapshot">>({ snapshot: isTrainingSnapshot }),
  compare: object<To<"compare">>({ compare: isCompareSnapshot }),
  applied: object<To<"applied">>({ edits: isInt, skipped: strings }),
  error: object<To<"error">>({ message: isString }),
};

const none = object<Record<never, never>>({});
const withForm = object<{ form: TrainForm }>({ form: isTrainForm });

const FROM: { [K in FromTrainingView["type"]]: Check<From<K>> } = {
  ready: none, train: withForm, pause: none, step: withForm, reset: withForm, compare: withForm, apply: none,
  trainFile: none, showGraph: none,
};

/** The guard of the training webview: a message the extension may send, with every field the view reads. */
export function isToTrainingView(x: unknown): x is ToTrainingView {
  return isRecord(x) && typeof x.type === "string" && Object.hasOwn(TO, x.type) && TO[x.type as ToTrainingView["type"]](x);
}

/** The guard of the training view's controller: a message the webview may send, with every field it reads. */
export function isFromTrainingView(x: unknown): x is FromTrainingView {
  return isRecord(x) && typeof x.type === "string" && Object.hasOwn(FROM, x.type) && FROM[x.type as FromTrainingView["type"]](x);
}
