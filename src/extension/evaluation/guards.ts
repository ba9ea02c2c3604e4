// Runs on both sides of the evaluator boundary: the guards of ./protocol.ts. The worker checks every Envelope
// before acting on it; the host checks every message from the worker, each reply's result against the check of the
// request it answers. Built from src/protocol's checks, reusing the webview guards for what they already cover.
import { isFromGraphView, isToGraphView } from "../../protocol/graph";
import { isToReportView } from "../../protocol/report";
import {
  arrayOf, either, isBoolean, isInt, isNumber, isRecord, isString, object, oneOf, optional, type Check,
} from "../../protocol/check";
import { isCompareSnapshot, isTrainingSnapshot } from "../../protocol/training";
import type { ReportModel } from "../../view/report";
import type {
  CheckOptions, DocRef, Envelope, FromWorker, GraphAction, GraphSpec, Limit, PlainBounds, PlainError, Request, RequestKind,
  PlainTrainConfig, Results, SelectionSource, TrainAction,
} from "./protocol";

const nonNegative: Check<number> = (x): x is number => isInt(x) && x >= 0;
const finite: Check<number> = (x): x is number => typeof x === "number" && Number.isFinite(x);
const strings = arrayOf(isString);

/** Every field a finite number (the bound names grow; their values are what matters). */
export const isPlainBounds: Check<PlainBounds> = (x): x is PlainBounds => isRecord(x) && Object.values(x).every((v) => v === undefined || finite(v));

/** A name → number record, own keys only (`__proto__` stays an ordinary name). */
const isValues: Check<Record<string, number>> = (x): x is Record<string, number> => isRecord(x) && Object.values(x).every(isNumber);

const isDocRef: Check<DocRef> = object<DocRef>({ uri: isString, version: isInt, text: optional(isString) });
const isLimit: Check<Limit> = object<Limit>({ ms: (x): x is number => finite(x) && x > 0, setting: isString });
const isCheck: Check<CheckOptions> = object<CheckOptions>({ eps: finite, atol: finite, rtol: finite });

const isGraphSpec: Check<GraphSpec> = either(
  object<Extract<GraphSpec, { kind: "document" }>>({ kind: oneOf(["document"] as const), doc: isDocRef }),
  either(
    object<Extract<GraphSpec, { kind: "selection" }>>({
      kind: oneOf(["selection"] as const), documentText: isString,
      source: (x): x is SelectionSource => isRecord(x) && x.kind === "selection" && isString(x.uri) && isString(x.text) && nonNegative(x.start)
        && nonNegative(x.end) && isString(x.languageId) && isValues(x.values),
    }),
    object<Extract<GraphSpec, { kind: "prepared" }>>({ kind: oneOf(["prepared"] as const), selection: isInt, values: isValues }),
  ),
);

const GRAPH_ACTIONS = ["expand", "collapse", "expandAll", "collapseAll", "explain"];
const isGraphAction: Check<GraphAction> = (x): x is GraphAction => isFromGraphView(x) && GRAPH_ACTIONS.includes(x.type);

/** A training config as the host sends it: the worker builds and validates the problem from it. */
const isTrainConfig = (x: unknown): x is PlainTrainConfig => isRecord(x) && isRecord(x.settings) && isRecord(x.source)
  && (x.source.kind === "preset" || (x.source.kind === "document" && isString(x.source.text) && isString(x.source.label)));

type Fields<K extends RequestKind> = { [F in Exclude<keyof Extract<Request, { kind: K }>, "kind">]-?: Check<unknown> };
const doc = { doc: isDocRef, bounds: isPlainBounds };
const digits = (x: unknown): x is number => isInt(x) && x >= 1 && x <= 17;

const REQUESTS: { [K in RequestKind]: Fields<K> } = {
  summary: { ...doc, digits },
  hover: { ...doc, offset: nonNegative, digits },
  inlays: { ...doc, from: nonNegative, to: nonNegative, digits },
  documentReport: { ...doc, title: isString, check: isCheck },
  trainSettings: doc,
  output: doc,
  forget: { uri: isString },
  prepare: { selection: isInt, text: isString, documentText: isString, offset: nonNegative, languageId: isString },
  evaluateSelection: { selection: isInt, values: isValues, bounds: isPlainBounds },
  selectionReport: { selection: isInt, values: isValues, bounds: isPlainBounds, title: isString, check: isCheck },
  release: { selection: isInt },
  graphOpen: {
    graph: isInt, spec: isGraphSpec, bounds: isPlainBounds, maxVisibleNodes: nonNegative, keep: isBoolean,
    focus: optional(object<{ node?: number; offset?: number }>({ node: optional(nonNegative), offset: optional(nonNegative) })),
  },
  graphAction: { graph: isInt, action: isGraphAction },
  graphClose: { graph: isInt },
  trainStart: { session: isInt, config: isTrainConfig, bounds: isPlainBounds, stepLimit: isLimit },
  trainControl: { session: isInt, action: oneOf<TrainAction>(["run", "pause", "step", "reset", "cancel"]) },
  trainEdits: { session: isInt },
  compareStart: { session: isInt, config: isTrainConfig, bounds: isPlainBounds, stepLimit: isLimit },
  compareCancel: { session: isInt },
};

export function isRequest(x: unknown): x is Request {
  if (!isRecord(x) || typeof x.kind !== "string" || !Object.hasOwn(REQUESTS, x.kind)) return false;
  const fields: Record<string, Check<unknown>> = REQUESTS[x.kind as RequestKind];
  return Object.entries(fields).every(([k, c]) => c(x[k]));
}

const isSharedBuffer = (x: unknown): x is SharedArrayBuffer => typeof SharedArrayBuffer === "function" && x instanceof SharedArrayBuffer;

/** The worker's guard: an Envelope the host may send. */
export function isEnvelope(x: unknown): x is Envelope {
  return isRecord(x) && isInt(x.id) && isRequest(x.request) && optional(isLimit)(x.limit) && optional(isSharedBuffer)(x.cancel);
}

const range = object<{ start: number; end: number }>({ start: isInt, end: isInt });
const isProblem = object({
  start: isInt, end: isInt, message: isString, severity: oneOf(["error", "warning"] as const),
  code: oneOf(["error", "bound", "nonfinite", "gradcheck", "warning"] as const),
});
const isLens = object({ offset: isInt, kind: oneOf(["target", "gradcheck"] as const), verdict: optional(isString) });
const isInlay = object({ offset: isInt, label: isString, tooltip: isString });
const isHover = object({ start: isInt, end: isInt, markdown: isString, node: isInt });
const isReport: Check<ReportModel> = (x): x is ReportModel => isToReportView({ type: "report", report: x });
const isFound = object({ name: isString, value: isNumber, line: isInt });
const isDiagnostic = object({
  message: isString, start: isInt, end: isInt, line: isInt, column: isInt, severity: oneOf(["error", "warning"] as const),
});
const orNull = <T>(c: Check<T>): Check<T | null> => (x): x is T | null => x === null || c(x);
const isNull = (x: unknown): x is null => x === null;
const isRender = (x: unknown): boolean => isToGraphView(x) && x.type === "render";
const isExplanationMessage = (x: unknown): boolean => isToGraphView(x) && x.type === "explanation";
const isTextEdit = object({ start: isInt, end: isInt, newText: isString });

/** The check of each request's result (the host's guard on replies). */
export const RESULTS: { [K in RequestKind]: (x: unknown) => x is Results[K] } = {
  summary: object<Results["summary"]>({ problems: arrayOf(isProblem), lenses: arrayOf(isLens), target: optional(range), ms: isNumber }),
  hover: orNull(isHover),
  inlays: arrayOf(isInlay),
  documentReport: object<Results["documentReport"]>({ report: isReport, target: optional(range) }),
  trainSettings: (x): x is Results["trainSettings"] => x === null || (isRecord(x) && finite(x.lr) && isInt(x.steps)),
  output: strings,
  forget: isNull,
  prepare: object<Results["prepare"]>({ found: arrayOf(isFound), missing: strings }),
  evaluateSelection: object<Results["evaluateSelection"]>({
    value: isNumber, foundNames: arrayOf(isFound), warnings: arrayOf(isDiagnostic), output: strings,
    constants: arrayOf(object({ name: isString, value: isNumber })),
    leaves: arrayOf(object({ name: isString, node: isInt, value: isNumber, grad: isNumber, kind: oneOf(["input", "param"] as const) })),
  }),
  selectionReport: isReport,
  release: isNull,
  graphOpen: (x): x is Results["graphOpen"] => isRecord(x) && isRender(x.render) && isInt(x.target) && isNumber(x.value)
    && optional(isString)(x.targetName) && optional(isInt)(x.focused) && (x.explanation === undefined || isExplanationMessage(x.explanation)),
  graphAction: orNull(isToGraphView),
  graphClose: isNull,
  trainStart: isTrainingSnapshot,
  trainControl: isTrainingSnapshot,
  trainEdits: object<Results["trainEdits"]>({ edits: arrayOf(isTextEdit), skipped: arrayOf(object({ name: isString, reason: isString })) }),
  compareStart: isCompareSnapshot,
  compareCancel: isNull,
};

export const isPlainError: Check<PlainError> = object<PlainError>({
  code: oneOf(["input", "cancelled", "lost", "noText", "internal"] as const), message: isString,
  reason: optional(isString), start: optional(isInt), end: optional(isInt),
});

/** The host's guard: a reply (its result checked later, against its request) or an event. */
export function isFromWorker(x: unknown): x is FromWorker {
  if (!isRecord(x)) return false;
  switch (x.type) {
    case "reply": return isInt(x.id) && (x.ok === true ? "result" in x : x.ok === false && isPlainError(x.error));
    case "training": return isInt(x.session) && isTrainingSnapshot(x.snapshot);
    case "compare": return isInt(x.session) && isCompareSnapshot(x.compare);
    default: return false;
  }
}
