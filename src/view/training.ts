// Runs anywhere (extension host, training webview, tests): the training view model: the settings form as typed,
// the choices its lists offer, and the snapshots the webview draws (run, predictions, params, verdict, and the
// backprop vs finite-difference comparison). Built outside src/train from a session (src/extension/training/
// snapshot.ts); numbers may be NaN/±Infinity (the protocol encodes them).
import type { Verdict } from "./verdict";

export type TrainingState = "idle" | "running" | "paused" | "done" | "cancelled";

/** The settings form as the user filled it in; the extension validates it (src/train's parseSettings). */
export interface TrainForm {
  /** Train a preset, or the `.nn.ts` document the view was opened for. */
  source: "preset" | "document";
  dataset: string;
  /** "2", "16,16", "0" for none. */
  hidden: string;
  activation: string;
  loss: string;
  /** Initial weights of a preset: "auto" (by activation and size) or one of the engine's inits. */
  init: string;
  optimizer: string;
  lr: string;
  steps: string;
  seed: string;
  method: string;
  eps: string;
}

/** The fields of the form that are a choice from a list, and the lists (from src/train, through the messages). */
export type ChoiceField = "dataset" | "activation" | "loss" | "init" | "optimizer" | "method";
export type TrainChoices = Record<ChoiceField, readonly string[]>;

export interface PredictionRow {
  inputs: number[];
  target: number;
  output: number;
  /** Rounds to the target. */
  right: boolean;
}

/** A scalar param: one store slot. */
export interface ParamRow {
  kind: "scalar";
  name: string;
  value: number;
  grad: number;
}

/** A tensor param as one row; its elements travel only up to a cap (the rest show as "…"). */
export interface TensorParamRow {
  kind: "tensor";
  /** The param's name without element indices: `model.W1`. */
  name: string;
  shape: number[];
  /** Element count (values/grads may hold fewer). */
  size: number;
  /** The first elements, row-major. */
  values: number[];
  grads: number[];
  /** Over every element, not only those sent. */
  valueNorm: number;
  gradNorm: number;
  min: number;
  max: number;
}

export type ParamEntry = ParamRow | TensorParamRow;

/** A verdict with its sentence (verdictMessage), as the view shows it. */
export type VerdictView = Verdict & { message: string };

/** What the view draws at one moment of a run. */
export interface TrainingSnapshot {
  state: TrainingState;
  /** Steps taken so far and the run's length. */
  step: number;
  totalSteps: number;
  /** Loss at the current parameters (NaN before anything was evaluated). */
  loss: number;
  /** Loss curve, downsampled to a bounded number of points: step numbers and the loss at the start of that step. */
  history: { steps: number[]; losses: number[] };
  predictions: PredictionRow[] | undefined;
  /** Model output over the input square [0,1]² (or `box`), row-major from its (x0, y0) corner, x1 varying fastest. */
  grid: GridView | undefined;
  /** One row per scalar param and one per tensor param, in store order (cut short for big models). */
  params: ParamEntry[];
  /** Total parameter count (store slots: a [2,3] tensor counts 6). */
  paramCount: number;
  /** Rows there would be without the cut (a tensor counts 1). */
  paramRows: number;
  stepsPerSecond: number;
  verdict: VerdictView | undefined;
  /** What is being trained and how (one line), plus notes such as the replay fallback. */
  label: string;
  notes: string[];
  method: string;
  /** Rows classified right at the current params, for classification data (absent otherwise). */
  accuracy?: AccuracyView;
  /** On mini-batches, `history` is the batch loss and this the loss on all rows, sampled as the run goes. */
  fullHistory?: { steps: number[]; losses: number[] };
}

/**
 * The decision boundary's data: the model's output at size x size points over [0,1]², or over `box` ([x0, x1, y0,
 * y1]) when the data lies elsewhere; with `classes` the values are the class the model picks (multi-class data) and
 * `points` the labelled rows [x1, x2, label] to draw over it.
 */
export interface GridView {
  size: number;
  values: number[];
  box?: [number, number, number, number];
  classes?: number;
  points?: number[][];
}

/** How many rows a classifier gets right: argmax against labels, or 0/1 targets by the 0.5 threshold. */
export interface AccuracyView {
  correct: number;
  total: number;
  classes: number;
}

/** "accuracy 97.3% (292/300 rows, 3 classes)", rounded down so 299/300 never reads 100%. */
export function accuracyText(a: AccuracyView): string {
  const pct = Math.floor((1000 * a.correct) / a.total) / 10;
  return `accuracy ${pct}% (${a.correct}/${a.total} rows${a.classes > 2 ? `, ${a.classes} classes` : ""})`;
}

/** One side of the backprop vs finite-difference comparison. */
export interface CompareRun {
  method: string;
  step: number;
  totalSteps: number;
  history: { steps: number[]; losses: number[] };
  finalLoss: number;
  stepsPerSecond: number;
  state: TrainingState;
}

export interface CompareSnapshot {
  runs: CompareRun[];
  /** Largest |loss_bp - loss_fd| over steps both curves hold (NaN until both have run). */
  maxLossDiff: number;
  done: boolean;
}
