// Runs in the evaluator worker (snapshots) and the extension host (the form's defaults and choices); pure, no
// vscode import, so the CLI's tests and the webview fixtures use it too: the training view model, built in this one
// place from src/train's domain data: the settings form and its choice lists, snapshots of a session and of a
// comparison, verdicts with their sentence.
import {
  ACTIVATIONS, DATASETS, DEFAULT_SETTINGS, INITS, LOSSES, METHODS, OPTIMIZERS, presetSource, type Comparison, type DatasetChoice,
  type Prediction, type TrainingSession, type Verdict,
} from "../../train";
import type { CompareSnapshot, TrainChoices, TrainForm, TrainingSnapshot, VerdictView } from "../../view/training";
import { verdictMessage } from "../../view/verdict";
import { paramRows } from "./params";

/** Param rows a snapshot lists at most, a tensor param counting one. */
export const MAX_PARAM_ROWS = 200;

/** The lists the form's choices offer: src/train's, which its validation accepts. */
export function trainChoices(): TrainChoices {
  return { dataset: DATASETS, activation: ACTIVATIONS, loss: LOSSES, init: INITS, optimizer: OPTIMIZERS, method: METHODS };
}

/** The form of a preset with the default settings. */
export function defaultForm(dataset: DatasetChoice = "XOR"): TrainForm {
  const src = presetSource(dataset), s = DEFAULT_SETTINGS;
  const hidden = src.kind === "preset" && src.hidden.length ? src.hidden.join(",") : "0";
  return {
    source: "preset", dataset, hidden, activation: "sigmoid", loss: "sse", init: "auto", optimizer: s.optimizer, lr: String(s.lr),
    steps: String(s.steps), seed: String(s.seed), method: s.method, eps: String(s.eps),
  };
}

export function verdictView(v: Verdict): VerdictView {
  return { ...v, message: verdictMessage(v) };
}

/** What the view draws of a session now. */
export function trainingSnapshot(s: TrainingSession, maxParams = MAX_PARAM_ROWS): TrainingSnapshot {
  const store = s.problem.store, listed = paramRows(store, maxParams), v = s.verdict, predictions = s.predictions();
  return {
    state: s.state, step: s.step, totalSteps: s.totalSteps, loss: s.loss, history: s.history(),
    predictions, grid: s.grid(), params: listed.rows, paramCount: store.size, paramRows: listed.total,
    stepsPerSecond: s.stepsPerSecond, verdict: v && verdictView(v), label: s.label, notes: s.notes, method: s.method,
    ...accuracyOf(s, predictions), ...fullHistoryOf(s),
  };
}

/** The accuracy field, present for classification data only; `rows`: the session's predictions, just computed. */
function accuracyOf(s: TrainingSession, rows: Prediction[] | undefined): Pick<TrainingSnapshot, "accuracy"> {
  const a = s.accuracy(rows);
  return a === undefined ? {} : { accuracy: a };
}

/** The full-data loss curve, present for a run on mini-batches only. */
function fullHistoryOf(s: TrainingSession): Pick<TrainingSnapshot, "fullHistory"> {
  const h = s.full.points();
  return h === undefined ? {} : { fullHistory: h };
}

/** What the view draws of a backprop vs finite-difference comparison now. */
export function compareSnapshot(c: Comparison): CompareSnapshot {
  return {
    runs: c.sessions.map((s) => ({
      method: s.method, step: s.step, totalSteps: s.totalSteps, history: s.history(), finalLoss: s.loss,
      stepsPerSecond: s.stepsPerSecond, state: s.state,
    })),
    maxLossDiff: c.maxLossDiff(), done: c.done,
  };
}
