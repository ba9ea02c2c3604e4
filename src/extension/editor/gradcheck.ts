// Runs in the VS Code extension host: **GradLens: Gradient-Check Selection**. Checks the selection (or, with none,
// the `.nn.ts` file's target and its gradcheck(...) calls) against central differences in an evaluator worker, opens
// the report, shows a summary notification, and puts failures in the Problems panel. A selection is taken as the
// other selection commands take it (../selection.ts). Returns a summary of the report, the command's result.
import * as vscode from "vscode";
import { formatFull } from "../../view/format";
import type { ReportModel } from "../../view/report";
import { GradLensError } from "../../notation";
import { EvaluatorError, inDocument } from "../evaluation/errors";
import type { EvaluatorPool } from "../evaluation/pool";
import { COMMANDS, DIAGNOSTICS } from "../ids";
import { takeSelection } from "../selection";
import { showFilePrinted } from "./printed";
import { ReportPanel } from "./report-panel";
import type { DocumentService } from "./service";
import { isNnDocument, readSettings } from "./settings";

export type GradcheckOutcome =
  | { kind: "report"; pass: boolean; passed: number; failed: number; rows: { name: string; pass: boolean }[] }
  | { kind: "error"; message: string }
  | { kind: "cancelled" };

export function registerGradcheck(context: vscode.ExtensionContext, service: DocumentService, pool: EvaluatorPool): void {
  const failures = vscode.languages.createDiagnosticCollection(DIAGNOSTICS);
  context.subscriptions.push(
    failures,
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && failures.delete(e.document.uri)),
    vscode.commands.registerCommand(COMMANDS.gradcheckSelection, (arg?: unknown) => run(context, service, pool, failures, arg)),
  );
}

async function documentFor(arg: unknown): Promise<{ doc: vscode.TextDocument; selection: vscode.Selection | undefined } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === "string" ? vscode.Uri.parse(arg) : undefined;
  const editor = vscode.window.activeTextEditor;
  if (uri !== undefined && editor?.document.uri.toString() !== uri.toString()) return { doc: await vscode.workspace.openTextDocument(uri), selection: undefined };
  if (editor === undefined) return undefined;
  return { doc: editor.document, selection: editor.selection.isEmpty ? undefined : editor.selection };
}

async function run(
  context: vscode.ExtensionContext, service: DocumentService, pool: EvaluatorPool, failures: vscode.DiagnosticCollection, arg: unknown,
): Promise<GradcheckOutcome> {
  const target = await documentFor(arg);
  if (target === undefined) {
    void vscode.window.showWarningMessage("GradLens: open a .nn.ts or .nn.py file or select an expression to gradient-check.");
    return { kind: "cancelled" };
  }
  const { doc, selection } = target;
  const settings = readSettings();
  const name = vscode.workspace.asRelativePath(doc.uri);
  let model: ReportModel | undefined;
  let where: vscode.Range;
  try {
    if (selection !== undefined) {
      where = selection;
      const taken = await takeSelection(context, pool, doc, selection, "gradient-check");
      if (taken === "cancelled") return { kind: "cancelled" };
      const { prepared, values } = taken;
      const request = {
        kind: "selectionReport", selection: prepared.id, values, bounds: settings.bounds,
        title: `Gradient check: ${name}:${selection.start.line + 1}`, check: settings.gradcheck,
      } as const;
      model = await prepared.client.call(request, { label: taken.label, limit: settings.limits.check }).promise.finally(prepared.release);
    } else {
      if (!isNnDocument(doc)) {
        void vscode.window.showWarningMessage("GradLens: select an expression to gradient-check (or open a .nn.ts or .nn.py file).");
        return { kind: "cancelled" };
      }
      const r = await service.report(doc, `Gradient check: ${name}`);
      void showFilePrinted(context, service, doc);
      model = r.report;
      where = r.target ? new vscode.Range(doc.positionAt(r.target.start), doc.positionAt(r.target.end)) : new vscode.Range(0, 0, 0, 0);
    }
  } catch (error) {
    const e = inDocument(error, doc.getText());
    const known = e instanceof GradLensError || (e instanceof EvaluatorError && e.code !== "internal");
    const message = known ? e.message : `internal error: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`;
    void vscode.window.showErrorMessage(`GradLens: ${message}`);
    return { kind: "error", message };
  }
  const bad = model.rows.filter((r) => !r.pass);
  failures.set(doc.uri, bad.length === 0 ? [] : [Object.assign(
    new vscode.Diagnostic(where, `gradient check failed: ${bad.map((r) => `${r.name}: analytic ${formatFull(r.analytic)} vs numeric ${formatFull(r.numeric)}`).join("; ")}`, vscode.DiagnosticSeverity.Warning),
    { source: DIAGNOSTICS, code: "gradcheck" },
  )]);
  ReportPanel.show(context, model, doc.uri);
  const total = model.passed + model.failed;
  const summary = model.pass
    ? `GradLens: gradient check passed (${total} of ${total})`
    : `GradLens: gradient check failed: ${model.failed} of ${total} (${[...bad.map((r) => r.name), ...model.calls.filter((c) => !c.pass).map((c) => `gradcheck at line ${c.line}`)].join(", ")})`;
  if (model.pass) void vscode.window.showInformationMessage(summary);
  else void vscode.window.showWarningMessage(summary);
  return {
    kind: "report", pass: model.pass, passed: model.passed, failed: model.failed,
    rows: [...model.rows, ...model.calls.flatMap((c) => c.rows)].map((r) => ({ name: r.name, pass: r.pass })),
  };
}

