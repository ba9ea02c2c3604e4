// Runs anywhere (extension host, gradient-check webview, tests): the gradient-check report's view model, which
// src/editor-model builds and the webview draws.

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
  /** Set when there were more leaves than the bound: a seeded random sample of `checked` of the `total` was checked. */
  sample?: ReportSample;
}

export interface ReportSample {
  checked: number;
  total: number;
  seed: number;
}
