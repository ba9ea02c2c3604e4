// Runs anywhere (extension host, tests): a `.nn.ts` evaluation's problems as the Problems panel lists them:
// parse and evaluation errors (bounds, unsupported constructs), NaN/Infinity warnings, failed gradient checks.
import type { DocumentResult } from "../notation";

export interface Problem {
  start: number;
  end: number;
  message: string;
  severity: "error" | "warning";
  /** Shown beside the message: what kind of problem it is. */
  code: "error" | "bound" | "nonfinite" | "gradcheck" | "warning";
}

function codeOf(message: string, severity: "error" | "warning"): Problem["code"] {
  if (/gradlens\.max|limit reached|too large|too deeply nested/.test(message)) return "bound";
  if (/gradient check failed/.test(message)) return "gradcheck";
  if (/\b(NaN|-?Infinity)\b.*first appears/.test(message)) return "nonfinite";
  return severity === "error" ? "error" : "warning";
}

/** Problems, deduplicated, in source order; a range of zero length widens to one character so it can be seen. */
export function problemsOf(r: DocumentResult, textLength: number): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const d of r.diagnostics) {
    const start = Math.min(Math.max(d.start, 0), textLength);
    let end = Math.min(Math.max(d.end, start), textLength);
    if (end === start && end < textLength) end = start + 1;
    const key = `${start}:${end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start, end, message: d.message, severity: d.severity, code: codeOf(d.message, d.severity) });
  }
  // A failed check is a warning from the notation; make sure every failed call has one even when that changes.
  for (const g of r.gradchecks) {
    if (g.pass || out.some((p) => p.code === "gradcheck" && p.start === g.start)) continue;
    const bad = g.rows.filter((x) => !x.pass).map((x) => x.name).join(", ");
    out.push({ start: g.start, end: g.end, message: `gradient check failed for ${bad}`, severity: "warning", code: "gradcheck" });
  }
  return out.sort((a, b) => a.start - b.start);
}
