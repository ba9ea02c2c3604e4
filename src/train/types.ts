// Runs anywhere (extension host, webview, CLI, tests): the shapes of a training run, shared by src/train/, the
// extension and the training webview through src/protocol.ts. Types and small pure helpers only.

export type DatasetChoice = "AND" | "OR" | "XOR" | "NAND";
export type ActivationChoice = "sigmoid" | "tanh" | "relu";
export type LossChoice = "sse" | "mse" | "bce";
export type OptimizerChoice = "sgd" | "momentum" | "adam";
export type MethodChoice = "backprop" | "finite-difference";

/** Where the model comes from: a preset dataset with an architecture, or a `.nn.ts` document's objective. */
export type TrainSource =
  | { kind: "preset"; dataset: DatasetChoice; hidden: number[]; activation: ActivationChoice; loss: LossChoice }
  | { kind: "document"; uri: string; version: number; text: string; label: string };

export interface TrainSettings {
  optimizer: OptimizerChoice;
  lr: number;
  steps: number;
  seed: number;
  method: MethodChoice;
  /** Finite-difference step. */
  eps: number;
}

export interface TrainConfig {
  source: TrainSource;
  settings: TrainSettings;
}

export type SessionState = "idle" | "running" | "paused" | "done" | "cancelled";

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

/** A tensor param as one row; its elements travel only up to MAX_TENSOR_ELEMENTS (the rest show as "…"). */
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

/** Elements of one tensor a snapshot carries at most. */
export const MAX_TENSOR_ELEMENTS = 64;

export type VerdictReason = "not-separable" | "diverged" | "more-steps" | "stuck" | "no-dataset" | "error";

export type Verdict =
  | { kind: "learned"; step: number; message: string }
  | { kind: "not-converged"; reason: VerdictReason; message: string };

/** What a view draws at one moment of a run. Numbers may be NaN/±Infinity: encode them before postMessage. */
export interface TrainingSnapshot {
  state: SessionState;
  /** Steps taken so far and the run's length. */
  step: number;
  totalSteps: number;
  /** Loss at the current parameters (NaN before anything was evaluated). */
  loss: number;
  /** Loss curve, downsampled to a bounded number of points: step numbers and the loss at the start of that step. */
  history: { steps: number[]; losses: number[] };
  predictions: PredictionRow[] | undefined;
  /** Model output over the input square [0,1]², row-major from (x1=0, x2=0), x1 varying fastest. */
  grid: { size: number; values: number[] } | undefined;
  /** One row per scalar param and one per tensor param, in store order (cut short for big models). */
  params: ParamEntry[];
  /** Total parameter count (store slots: a [2,3] tensor counts 6). */
  paramCount: number;
  /** Rows there would be without the cut (a tensor counts 1). */
  paramRows: number;
  stepsPerSecond: number;
  verdict: Verdict | undefined;
  /** What is being trained and how (one line), plus notes such as the replay fallback. */
  label: string;
  notes: string[];
  method: MethodChoice;
}

/** One side of the backprop vs finite-difference comparison. */
export interface CompareRun {
  method: MethodChoice;
  step: number;
  totalSteps: number;
  history: { steps: number[]; losses: number[] };
  finalLoss: number;
  stepsPerSecond: number;
  state: SessionState;
}

export interface CompareSnapshot {
  runs: CompareRun[];
  /** Largest |loss_bp - loss_fd| over steps both curves hold (NaN until both have run). */
  maxLossDiff: number;
  done: boolean;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  optimizer: "sgd", lr: 1, steps: 2000, seed: 1, method: "backprop", eps: 1e-4,
};

/** The tutorial's networks: XOR on 2-2-1, AND (and the other separable gates) on a single neuron. */
export function presetSource(dataset: DatasetChoice): TrainSource {
  return { kind: "preset", dataset, hidden: dataset === "XOR" ? [2] : [], activation: "sigmoid", loss: "sse" };
}

export function presetConfig(dataset: DatasetChoice): TrainConfig {
  return { source: presetSource(dataset), settings: { ...DEFAULT_SETTINGS } };
}

/** "XOR 2-2-1 sigmoid, sse" */
export function describeSource(s: TrainSource): string {
  if (s.kind === "document") return s.label;
  return `${s.dataset} ${[2, ...s.hidden, 1].join("-")} ${s.activation}, ${s.loss}`;
}
