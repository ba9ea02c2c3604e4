// Runs anywhere (extension host, CLI, tests): the vocabulary of training as a domain: the choices a run is made
// of (and their lists), its source and settings, the presets, and what a run reports as data. No prose for the
// eye: the training view model (src/view/training.ts) is built from these outside src/train.
import type { Bounds, FileReader } from "../notation";

export const DATASETS = ["AND", "OR", "XOR", "NAND"] as const;
export const ACTIVATIONS = ["sigmoid", "tanh", "relu"] as const;
export const LOSSES = ["sse", "mse", "bce"] as const;
export const OPTIMIZERS = ["sgd", "momentum", "adam"] as const;
export const METHODS = ["backprop", "finite-difference"] as const;
/** "auto": the tutorial's uniform [0, 1) for its own 2-2-1 and single-neuron sigmoid nets, else Glorot or He (engine). */
export const INITS = ["auto", "uniform01", "xavier", "he", "uniform", "normal"] as const;

export type DatasetChoice = (typeof DATASETS)[number];
export type ActivationChoice = (typeof ACTIVATIONS)[number];
export type LossChoice = (typeof LOSSES)[number];
export type OptimizerChoice = (typeof OPTIMIZERS)[number];
export type MethodChoice = (typeof METHODS)[number];
export type InitChoice = (typeof INITS)[number];

/** Where the model comes from: a preset dataset with an architecture, or a `.nn.ts` / `.nn.py` document's objective. */
export type TrainSource =
  | {
    kind: "preset"; dataset: DatasetChoice; hidden: number[]; activation: ActivationChoice; loss: LossChoice;
    /** Initial weights; absent or "auto": by activation and size (the engine's defaultInit). */
    init?: InitChoice;
  }
  | {
    kind: "document"; uri: string; version: number; text: string; label: string;
    /** Replaces the file's seed(...) and mlp seeds (the CLI's --seed); undefined: the file's own. */
    seed?: number;
    /** The files its load(...) reads, path (relative to the file's folder) → text, read by the caller beforehand. */
    files?: Record<string, string>;
  };

export interface TrainSettings {
  optimizer: OptimizerChoice;
  lr: number;
  steps: number;
  seed: number;
  method: MethodChoice;
  /** Finite-difference step. */
  eps: number;
  /** Rows per mini-batch of a file's data sets (its train({ batch })); undefined: the whole data every step. */
  batch?: number;
}

export interface TrainConfig {
  source: TrainSource;
  settings: TrainSettings;
  /**
   * Bounds of a document's evaluations (each training step re-runs or replays it): the editor's settings, the CLI's
   * --max-* flags; the notation's defaults if absent.
   */
  bounds?: Partial<Bounds>;
  /** Reads what a document's load(...) asks for (the editor's worker: the file's folder); else its source's `files`. */
  readFile?: FileReader;
}

export type SessionState = "idle" | "running" | "paused" | "done" | "cancelled";

/** The model's output on one dataset row. */
export interface Prediction {
  inputs: number[];
  target: number;
  output: number;
  /** Rounds to the target. */
  right: boolean;
}

export type VerdictReason = "not-separable" | "diverged" | "more-steps" | "stuck" | "no-dataset" | "rows-disagree" | "error";

/**
 * How a run ended, with the numbers that say why. The same shape as src/view/verdict.ts's Verdict, which words it
 * (src/train may not import src/view); handing one to verdictMessage is where the compiler checks they agree.
 */
export type Verdict =
  | { kind: "learned"; step: number }
  | {
    kind: "not-converged"; reason: "diverged";
    /** non-finite: the loss or a param became NaN/±Infinity at `step`; rose: the loss ended above where it began. */
    how: "non-finite" | "rose"; step: number; initialLoss: number; loss: number; lr: number;
  }
  | { kind: "not-converged"; reason: "not-separable"; step: number; loss: number; dataset?: string }
  | { kind: "not-converged"; reason: "more-steps" | "stuck" | "no-dataset"; step: number; loss: number }
  /** The loss reached about 0 while some rows do not round right: the predictions do not read what the loss measures. */
  | { kind: "not-converged"; reason: "rows-disagree"; step: number; loss: number }
  | { kind: "not-converged"; reason: "error"; step: number; error: string };

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
  const init = s.init === undefined || s.init === "auto" ? "" : `, ${s.init} init`;
  return `${s.dataset} ${[2, ...s.hidden, 1].join("-")} ${s.activation}, ${s.loss}${init}`;
}
