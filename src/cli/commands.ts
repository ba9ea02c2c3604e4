// Runs on Node (the CLI): `gradlens grad`, `graph` and `check` (the editor's gradient-check report, bounded).
import { writeFileSync } from "node:fs";
import { documentReport, selectionReport } from "../editor-model/report";
import { renderDot, renderMermaid } from "../graph";
import type { PreparedSelection } from "../notation";
import { formatNumber } from "../view/format";
import { atFlag, constantsHint } from "../view/hints";
import type { ReportModel } from "../view/report";
import { graphPage, mermaidLibrary } from "./html";
import { BOUND_FLAGS, boundsOption, choiceOption, langOption, numberOption, parseArgs, parseAt, UsageError } from "./args";
import { callLabel, printChecks } from "./checks";
import { evaluate, evaluateText, fileWarnings, isFile, noTarget, readSource, rejectAt } from "./source";

export type Print = (s: string) => void;

function source(positional: string[], cmd: string): string {
  if (positional.length !== 1) throw new UsageError(`${cmd} takes one source (a file or a quoted expression)`);
  return positional[0];
}

/** Values and gradients to 12 significant digits (0.1 + 0.2 reads 0.3). */
const num = (x: number): string => formatNumber(x, 12);

export function grad(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at", "lang", ...Object.keys(BOUND_FLAGS)]);
  const r = evaluate(source(p.positional, "grad"), parseAt(p.options.get("at")), boundsOption(p), langOption(p));
  const hint = constantsHint(r.constants, atFlag(r.constants));
  if (p.flags.has("json")) {
    // fromEntries makes own keys: a leaf called `__proto__` is kept like any other.
    const grads = Object.fromEntries(r.grads.map((g) => [g.name, g.grad]));
    const constants = Object.fromEntries(r.constants.map((c) => [c.name, c.value]));
    print(JSON.stringify({
      value: r.value, grads, ...(hint === undefined ? {} : { constants, hint }), ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
    }));
    return 0;
  }
  print(`value = ${num(r.value)}`);
  for (const g of r.grads) print(`∂/∂${g.name} = ${num(g.grad)}   (${g.name} = ${num(g.value)})`);
  if (hint !== undefined) print(`note: ${hint}`);
  for (const w of r.warnings) print(w);
  return 0;
}

export function graph(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at", "format", "lang", ...Object.keys(BOUND_FLAGS)]);
  const format = choiceOption(p, "format", ["mermaid", "markdown", "html", "dot"] as const, "mermaid");
  const r = evaluate(source(p.positional, "graph"), parseAt(p.options.get("at")), boundsOption(p), langOption(p), true);
  const opts = r.claims === undefined ? {} : { claims: r.claims };
  const mermaid = format === "dot" ? "" : renderMermaid(r.tape, r.target, opts);
  const text = format === "dot" ? renderDot(r.tape, r.target, opts)
    : format === "mermaid" ? mermaid
    : format === "markdown" ? "```mermaid\n" + mermaid + "\n```"
    : graphPage(mermaid, r.file ?? "expression", mermaidLibrary());
  const o = p.options.get("o");
  if (o !== undefined) writeFileSync(o, text.endsWith("\n") ? text : text + "\n");
  else print(text);
  return 0;
}

/** Most params (or leaves) `check` checks, each costing two evaluations; beyond it a seeded random sample. */
export const CHECK_MAX_PARAMS = 200;

export function check(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at", "eps", "max-params", "lang", ...Object.keys(BOUND_FLAGS)]);
  const eps = numberOption(p, "eps", 1e-6, (x) => x > 0 && Number.isFinite(x), "a positive number");
  const maxLeaves = numberOption(p, "max-params", CHECK_MAX_PARAMS, (x) => Number.isSafeInteger(x) && x > 0, "a positive integer");
  const bounds = boundsOption(p), src = source(p.positional, "check"), at = parseAt(p.options.get("at"));
  const options = { eps, maxLeaves, sweep: false };
  let report: ReportModel, what: string, warnings: string[], site = (_line: number, _column: number): string | undefined => undefined;
  if (isFile(src)) {
    rejectAt(src, at);
    const text = readSource(src), doc = evaluateText(src, text, undefined, bounds, langOption(p));
    // A file of gradcheck(…) calls needs no target; anything else does.
    const model = documentReport(doc, src, options);
    if (model === undefined) throw noTarget(src, text, doc);
    report = model;
    site = (line, column) => {
      const c = doc.gradchecks.find((g) => g.line === line && g.column === column);
      return c === undefined ? undefined : text.slice(c.start, c.end);
    };
    what = `∂${doc.targetName ?? "target"}/∂params`;
    warnings = fileWarnings(src, doc).filter((w) => !/: gradient check failed: /.test(w));
  } else {
    const r = evaluate(src, at, bounds, langOption(p));
    report = selectionReport(r.selection as PreparedSelection, at, src, options, bounds);
    what = "gradient";
    warnings = r.warnings;
  }
  const checks = [
    ...(report.rows.length > 0 ? [{ what, pass: report.rows.every((row) => row.pass), rows: report.rows }] : []),
    ...report.calls.map((c) => ({ what: callLabel(site(c.line, c.column), c.line, c.column, isFile(src) ? src : undefined), pass: c.pass, rows: c.rows })),
  ];
  const sample = report.sample === undefined ? undefined
    : `${report.sample.total} params: checked a random sample of ${report.sample.checked} (seed ${report.sample.seed}; --max-params raises the bound)`;
  if (p.flags.has("json")) {
    print(JSON.stringify({
      pass: report.pass, checks, ...(report.sample === undefined ? {} : { sample: report.sample }), ...(warnings.length > 0 ? { warnings } : {}),
    }));
  } else {
    if (sample !== undefined) print(`note: ${sample}`);
    printChecks(checks, print);
    if (checks.length === 0) print("nothing to check (no free names, params or gradcheck calls)");
    for (const w of warnings) print(w);
  }
  return report.pass ? 0 : 1;
}
