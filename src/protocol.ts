// Runs on both sides (extension host and webviews): the typed messages between them, as discriminated unions on
// `type`. No vscode and no DOM imports, so both tsconfigs compile it. Non-finite numbers do not survive
// postMessage's JSON in every host, so view models travel with numbers encoded (see encodeNumbers).
import type { SourceRange } from "./engine/tape";
import type { ViewModel } from "./graph/model";
import type { Direction } from "./graph/mermaid";
import type { Explanation } from "./graph/explain";
import type {
  ActivationChoice, CompareSnapshot, DatasetChoice, LossChoice, MethodChoice, OptimizerChoice, TrainingSnapshot,
} from "./train/types";

/** What the graph view shows and how; the webview persists it with setState and sends it back on restore. */
export interface GraphViewState {
  direction: Direction;
  values: boolean;
  grads: boolean;
  locals: boolean;
  digits: number;
  /** Export PNG/SVG on a light background instead of the theme's. */
  lightExport: boolean;
  /** Border width by gradient magnitude. */
  shade: boolean;
  /** Groups folded by the user (undefined: automatic folding). */
  folded?: number[];
}

export const DEFAULT_GRAPH_STATE: GraphViewState = {
  direction: "LR", values: true, grads: true, locals: true, digits: 4, lightExport: true, shade: false,
};

/** Extension -> graph webview. */
export type ToGraphView =
  | { type: "render"; model: ViewModel; title?: string; state?: Partial<GraphViewState>; source?: string }
  | { type: "explanation"; explanation: Explanation; highlight: { nodes: string[]; edges: number[] } }
  | { type: "clearExplanation" }
  | { type: "themeChanged" }
  | { type: "error"; message: string }
  | { type: "exportRequest"; format: ExportFormat };

export type ExportFormat = "svg" | "png" | "mermaid";

/** Graph webview -> extension. */
export type FromGraphView =
  | { type: "ready"; state?: GraphViewState }
  | { type: "nodeClicked"; nodeId: number; viewId: string; range?: SourceRange }
  | { type: "expand"; groupId: number }
  | { type: "collapse"; groupId: number }
  | { type: "expandAll"; confirmedLarge: boolean }
  | { type: "collapseAll" }
  | { type: "explain"; nodeId: number }
  | { type: "stateChanged"; state: GraphViewState }
  | { type: "export"; format: ExportFormat; data: string; ok: boolean; error?: string }
  | { type: "renderFailed"; message: string }
  | { type: "rendered"; nodes: number; edges: number; ms: number };

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

/** Cheap structural checks for messages arriving from the other side (a webview is not trusted to be well formed). */
export function isFromGraphView(x: unknown): x is FromGraphView {
  if (typeof x !== "object" || x === null) return false;
  const m = x as { type?: unknown };
  switch (m.type) {
    case "ready": case "collapseAll": case "stateChanged": case "export": case "renderFailed": case "rendered":
      return true;
    case "nodeClicked": case "explain":
      return Number.isInteger((x as { nodeId?: unknown }).nodeId);
    case "expand": case "collapse":
      return Number.isInteger((x as { groupId?: unknown }).groupId);
    case "expandAll":
      return typeof (x as { confirmedLarge?: unknown }).confirmedLarge === "boolean";
    default:
      return false;
  }
}

export function isToGraphView(x: unknown): x is ToGraphView {
  if (typeof x !== "object" || x === null) return false;
  const t = (x as { type?: unknown }).type;
  return t === "render" || t === "explanation" || t === "clearExplanation" || t === "themeChanged" || t === "error" ||
    t === "exportRequest";
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
