// Runs on both sides (extension host and webviews): the typed messages between them, as discriminated unions on
// `type`. No vscode and no DOM imports, so both tsconfigs compile it. Non-finite numbers do not survive
// postMessage's JSON in every host, so view models travel with numbers encoded (see encodeNumbers).
import type {
  ActivationChoice, CompareSnapshot, DatasetChoice, LossChoice, MethodChoice, OptimizerChoice, TrainingSnapshot,
} from "./train/types";

/** For the default branch of a switch over a union: a compile error when a case is missing. */
export function assertNever(x: never, what = "message"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

/** Numbers as JSON can carry them: NaN and ±Infinity become strings, everything else stays. */
export function encodeNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? `__num:${v}` : v)) as T;
}

/** The inverse of encodeNumbers. */
export function decodeNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === "string" && v.startsWith("__num:") ? Number(v.slice(6)) : v) as T;
}

// ---- the training view (issue 6) ----

/** The training view's settings form as the user filled it in; the extension validates it (src/train/validate). */
export interface TrainForm {
  /** Train a preset, or the `.nn.ts` document the view was opened for. */
  source: "preset" | "document";
  dataset: DatasetChoice;
  /** "2", "16,16", "0" for none. */
  hidden: string;
  activation: ActivationChoice;
  loss: LossChoice;
  optimizer: OptimizerChoice;
  lr: string;
  steps: string;
  seed: string;
  method: MethodChoice;
  eps: string;
}

/** Extension -> training webview. Snapshots travel through encodeNumbers (losses can be NaN/Infinity). */
export type ToTrainingView =
  | { type: "form"; form: TrainForm; document?: { label: string }; graph?: boolean }
  | { type: "snapshot"; snapshot: TrainingSnapshot }
  | { type: "compare"; compare: CompareSnapshot }
  | { type: "applied"; edits: number; skipped: string[] }
  | { type: "error"; message: string };

/** Training webview -> extension. */
export type FromTrainingView =
  | { type: "ready"; form?: TrainForm }
  | { type: "train"; form: TrainForm }
  | { type: "pause" }
  | { type: "step"; form: TrainForm }
  | { type: "reset"; form: TrainForm }
  | { type: "compare"; form: TrainForm }
  | { type: "apply" }
  | { type: "trainFile" }
  | { type: "showGraph" };

export function isFromTrainingView(x: unknown): x is FromTrainingView {
  if (typeof x !== "object" || x === null) return false;
  const m = x as { type?: unknown; form?: unknown };
  const form = typeof m.form === "object" && m.form !== null;
  switch (m.type) {
    case "ready": return m.form === undefined || form;
    case "pause": case "apply": case "trainFile": case "showGraph": return true;
    case "train": case "step": case "reset": case "compare": return form;
    default: return false;
  }
}

export function isToTrainingView(x: unknown): x is ToTrainingView {
  if (typeof x !== "object" || x === null) return false;
  const t = (x as { type?: unknown }).type;
  return t === "form" || t === "snapshot" || t === "compare" || t === "applied" || t === "error";
}
