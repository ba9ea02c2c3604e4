// Runs on both sides (extension host and the gradient-check webview): the report's shape and its wire format.
// No imports, so the webview's tsconfig (DOM, no Node) compiles it; non-finite numbers travel encoded because
// postMessage's JSON would turn them into null.

export interface ReportRow {
  name: string;
  analytic: number;
  numeric: number;
  absError: number;
  relError: number;
  pass: boolean;
  note: string;
}

export interface ReportPoint {
  eps: number;
  error: number;
}

export interface ReportCall {
  line: number;
  column: number;
  kind: "gradient" | "derivative" | "backward";
  pass: boolean;
  rows: ReportRow[];
}

export interface ReportModel {
  title: string;
  /** What was checked: "the target `loss`" or "the selection". */
  subject: string;
  value: number;
  eps: number;
  atol: number;
  rtol: number;
  rows: ReportRow[];
  /** How many leaves the eps sweep covers (the first ones). */
  sweepLeaves: number;
  sweep: ReportPoint[];
  best: ReportPoint | undefined;
  calls: ReportCall[];
  pass: boolean;
  passed: number;
  failed: number;
  conventions: string;
}

/** Extension -> gradient-check webview. */
export type ToReportView = { type: "report"; json: string };
/** Gradient-check webview -> extension. */
export type FromReportView = { type: "ready" } | { type: "reveal"; line: number; column: number };

const TAG = "$num";

/** JSON with NaN and ±Infinity kept. */
export function encodeReport(m: ReportModel): string {
  return JSON.stringify(m, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? { [TAG]: String(v) } : v));
}

export function decodeReport(json: string): ReportModel {
  return JSON.parse(json, (_k, v: unknown) => {
    if (v !== null && typeof v === "object" && TAG in v) return Number((v as Record<string, string>)[TAG]);
    return v;
  }) as ReportModel;
}
