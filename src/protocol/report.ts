// Runs on both sides (extension host and gradient-check webview): the report view's messages, a discriminated union
// on `type` each way, and the one guard each way that a received message must pass before anything acts on it.
import type { ReportCall, ReportModel, ReportPoint, ReportRow, ReportSample } from "../view/report";
import { arrayOf, either, isBoolean, isInt, isNumber, isRecord, isString, isUndefined, object, oneOf, optional, type Check } from "./check";

/** Extension -> gradient-check webview. */
export type ToReportView = { type: "report"; report: ReportModel };

/** Gradient-check webview -> extension. */
export type FromReportView = { type: "ready" } | { type: "reveal"; line: number; column: number };

const isRow: Check<ReportRow> = object<ReportRow>({
  name: isString, analytic: isNumber, numeric: isNumber, absError: isNumber, relError: isNumber, pass: isBoolean, note: isString,
});
const isPoint: Check<ReportPoint> = object<ReportPoint>({ eps: isNumber, error: isNumber });

const isReport: Check<ReportModel> = object<ReportModel>({
  title: isString, subject: isString, value: isNumber, eps: isNumber, atol: isNumber, rtol: isNumber, rows: arrayOf(isRow),
  sweepLeaves: isInt, sweep: arrayOf(isPoint), best: either(isUndefined, isPoint),
  calls: arrayOf(object<ReportCall>({
    line: isInt, column: isInt, kind: oneOf(["gradient", "derivative", "backward"] as const), pass: isBoolean, rows: arrayOf(isRow),
  })),
  pass: isBoolean, passed: isInt, failed: isInt, conventions: isString,
  sample: optional(object<ReportSample>({ checked: isInt, total: isInt, seed: isInt })),
});

/** The guard of the report webview. */
export function isToReportView(x: unknown): x is ToReportView {
  return isRecord(x) && x.type === "report" && isReport(x.report);
}

/** The guard of the report panel. */
export function isFromReportView(x: unknown): x is FromReportView {
  if (!isRecord(x)) return false;
  return x.type === "ready" || (x.type === "reveal" && isInt(x.line) && isInt(x.column));
}
