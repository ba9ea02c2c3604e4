// Runs in the VS Code extension host: from what a graph shows to a tape and its target: a `.nn.ts` file through the
// shared document service (the evaluation hovers and CodeLenses use), a selection through ./input.ts.
import * as vscode from "vscode";
import { GradLensError } from "../../notation";
import type { DocumentService } from "../editor/service";
import { readSettings } from "../editor/settings";
import { reevaluateSelection, type GraphInput } from "./input";
import type { GraphSource } from "./source";

/** The graph of a `.nn.ts` document's target. Throws GradLensError when the file has none (with the reason). */
export function documentInput(doc: vscode.TextDocument, service: DocumentService): GraphInput {
  const r = service.get(doc).result;
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (r.target === undefined) {
    const d = r.diagnostics.find((x) => x.severity === "error") ?? r.diagnostics[0];
    if (d) throw new GradLensError(d.message, d.start, d.end, doc.getText());
    throw new Error(`${name} has no target to draw: end it with an expression or assign \`loss\``);
  }
  return { tape: r.tape, target: r.target, title: `Graph: ${name}${r.targetName ? ` (${r.targetName})` : ""}` };
}

/** The graph of a source as `doc`, its document, is now: how the panel redraws after an edit, a setting or a restart. */
export function loadSource(source: GraphSource, doc: vscode.TextDocument, service: DocumentService): GraphInput {
  return source.kind === "document" ? documentInput(doc, service) : reevaluateSelection(source, doc.getText(), readSettings().bounds);
}
