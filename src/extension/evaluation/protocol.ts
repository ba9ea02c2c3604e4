// Runs on both sides of the evaluator boundary (the extension host and the evaluator worker): the messages between
// them. Plain structured-cloneable data only (no Node or vscode types, no functions, no classes), so a browser Web
// Worker could host the same worker code. The host sends an Envelope holding one Request; the worker answers each
// with a Reply of the same id, and streams Events (training snapshots) between replies.
import type { HoverModel } from "../../editor-model/hover";
import type { InlayModel } from "../../editor-model/inlays";
import type { LensModel } from "../../editor-model/lenses";
import type { Problem } from "../../editor-model/problems";
import type { Bounds, Diagnostic, FoundName, TrainSettings as FileTrainSettings } from "../../notation";
import type { FromGraphView, ToGraphView } from "../../protocol/graph";
import type { TextEdit, TrainConfig } from "../../train";
import type { GraphSource } from "../graph/source";
import type { ReportModel } from "../../view/report";
import type { CompareSnapshot, TrainingSnapshot } from "../../view/training";

/** The numeric bounds of an evaluation (the hooks are the worker's own: functions do not cross). */
export type PlainBounds = Partial<Omit<Bounds, "interrupted" | "deadline" | "deadlineMessage">>;

/** A wall-clock limit and the setting that raises it (named in the message when it stops an evaluation). */
export interface Limit {
  ms: number;
  setting: string;
}

/** A document at one version; `text` rides along only when the worker may not have that version yet. */
export interface DocRef {
  uri: string;
  version: number;
  text?: string;
}

export interface CheckOptions {
  eps: number;
  atol: number;
  rtol: number;
}

export type SelectionSource = Extract<GraphSource, { kind: "selection" }>;

/** What a graph shows: a document's target, a selection evaluated against its document, or a prepared selection. */
export type GraphSpec =
  | { kind: "document"; doc: DocRef }
  | { kind: "selection"; source: SelectionSource; documentText: string }
  | { kind: "prepared"; selection: number; values: Record<string, number> };

/** The graph view's messages a graph session answers (folding and explain). */
export type GraphAction = Extract<FromGraphView, { type: "expand" | "collapse" | "expandAll" | "collapseAll" | "explain" }>;

/** A training config without its bounds (the worker adds its own, with the polled hook). */
export type PlainTrainConfig = Omit<TrainConfig, "bounds">;

export type TrainAction = "run" | "pause" | "step" | "reset" | "cancel";

/** Host -> worker: one request each, answered by one Reply of the same id. */
export type Request =
  | { kind: "summary"; doc: DocRef; bounds: PlainBounds; digits: number }
  | { kind: "hover"; doc: DocRef; bounds: PlainBounds; offset: number; digits: number }
  | { kind: "inlays"; doc: DocRef; bounds: PlainBounds; from: number; to: number; digits: number }
  | { kind: "documentReport"; doc: DocRef; bounds: PlainBounds; title: string; check: CheckOptions }
  | { kind: "trainSettings"; doc: DocRef; bounds: PlainBounds }
  /** The lines the file printed (Python's print), for the output channel when a command evaluates the file. */
  | { kind: "output"; doc: DocRef; bounds: PlainBounds }
  | { kind: "forget"; uri: string }
  | { kind: "prepare"; selection: number; text: string; documentText: string; offset: number; languageId: string }
  | { kind: "evaluateSelection"; selection: number; values: Record<string, number>; bounds: PlainBounds }
  | { kind: "selectionReport"; selection: number; values: Record<string, number>; bounds: PlainBounds; title: string; check: CheckOptions }
  | { kind: "release"; selection: number }
  | {
    kind: "graphOpen"; graph: number; spec: GraphSpec; bounds: PlainBounds; maxVisibleNodes: number;
    /** Keep the open session's folding (a redraw after an edit) instead of starting afresh. */
    keep: boolean;
    /** A node to point at: by index, or the innermost node whose code covers an offset. */
    focus?: { node?: number; offset?: number };
  }
  | { kind: "graphAction"; graph: number; action: GraphAction }
  | { kind: "graphClose"; graph: number }
  | { kind: "trainStart"; session: number; config: PlainTrainConfig; bounds: PlainBounds; stepLimit: Limit }
  | { kind: "trainControl"; session: number; action: TrainAction }
  | { kind: "trainEdits"; session: number }
  | { kind: "compareStart"; session: number; config: PlainTrainConfig; bounds: PlainBounds; stepLimit: Limit }
  | { kind: "compareCancel"; session: number };

export type RequestKind = Request["kind"];

/** A document's answers that do not depend on where the pointer is, for Problems and CodeLens. */
export interface Summary {
  problems: Problem[];
  lenses: LensModel[];
  /** The target's source range, when there is one. */
  target?: { start: number; end: number };
  /** Milliseconds the evaluation took (0 when it came from the worker's cache). */
  ms: number;
}

export interface SelectionValue {
  value: number;
  leaves: { name: string; node: number; value: number; grad: number; kind: "input" | "param" }[];
  foundNames: FoundName[];
  /** Names the selection itself assigns a number: constants, no gradient (the output says so). */
  constants: { name: string; value: number }[];
  warnings: Diagnostic[];
  /** The lines the selection printed (Python's print), in order. */
  output: string[];
}

export interface GraphOpened {
  /** The render message for the graph view (its source is the host's to add). */
  render: Extract<ToGraphView, { type: "render" }>;
  target: number;
  value: number;
  /** The document's target name (`loss`), for the title. */
  targetName?: string;
  focused?: number;
  /** The explanation of the focused node, when it has paths from the target. */
  explanation?: Extract<ToGraphView, { type: "explanation" }>;
}

/** What each request answers with. */
export interface Results {
  summary: Summary;
  hover: HoverModel | null;
  inlays: InlayModel[];
  documentReport: { report: ReportModel; target?: { start: number; end: number } };
  trainSettings: FileTrainSettings | null;
  output: string[];
  forget: null;
  prepare: { found: FoundName[]; missing: string[] };
  evaluateSelection: SelectionValue;
  selectionReport: ReportModel;
  release: null;
  graphOpen: GraphOpened;
  graphAction: ToGraphView | null;
  graphClose: null;
  trainStart: TrainingSnapshot;
  trainControl: TrainingSnapshot;
  trainEdits: { edits: TextEdit[]; skipped: { name: string; reason: string }[] };
  compareStart: CompareSnapshot;
  compareCancel: null;
}

/**
 * Why a request failed. input: bad input, positioned in the document when start is given (a GradLensError);
 * cancelled: a newer edit or the host cancelled it; lost: the session it names is gone (its worker restarted);
 * noText: the worker lacks the document's text for that version (send it again with the text); internal: a bug.
 */
export interface PlainError {
  code: "input" | "cancelled" | "lost" | "noText" | "internal";
  message: string;
  /** For positioned input errors: the message without its position, and where it is. */
  reason?: string;
  start?: number;
  end?: number;
}

/** Host -> worker. `cancel` is a SharedArrayBuffer of one Int32 the host sets to 1 to stop this request. */
export interface Envelope {
  id: number;
  request: Request;
  limit?: Limit;
  cancel?: SharedArrayBuffer;
}

/** Worker -> host. */
export type Reply = { type: "reply"; id: number; ok: true; result: unknown } | { type: "reply"; id: number; ok: false; error: PlainError };

export type WorkerEvent =
  | { type: "training"; session: number; snapshot: TrainingSnapshot }
  | { type: "compare"; session: number; compare: CompareSnapshot };

export type FromWorker = Reply | WorkerEvent;
