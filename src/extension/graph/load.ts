// Runs in the VS Code extension host: from a graph source to a tape and target, through the shared document
// service for `.nn.ts` files (the same evaluation hovers and CodeLenses use) and the notation for selections; and
// the graph settings, read fresh on every use.
import * as vscode from "vscode";
import { GradLensError } from "../../notation";
import type { Direction } from "../../view/mermaid";
import { DEFAULT_MAX_VISIBLE_NODES } from "../../graph/model";
import type { DocumentService } from "../editor/service";
import { readSettings } from "../editor/settings";
import { evaluateSelectionSource, type GraphInput, type GraphSource } from "./source";

export interface GraphSettings {
  followEditor: boolean;
  direction: Direction;
  maxVisibleNodes: number;
  digits: number;
}

export function graphSettings(): GraphSettings {
  const c = vscode.workspace.getConfiguration("gradlens.graph");
  const max = c.get<number>("maxVisibleNodes");
  return {
    followEditor: c.get<boolean>("followEditor") !== false,
    direction: c.get<string>("direction") === "TB" ? "TB" : "LR",
    maxVisibleNodes: typeof max === "number" && Number.isFinite(max) ? Math.max(2, Math.floor(max)) : DEFAULT_MAX_VISIBLE_NODES,
    digits: readSettings().digits,
  };
}

/** The graph of a source as the document is now. Throws GradLensError (bad input, with a position) or Error. */
export async function loadSource(source: GraphSource, service: DocumentService): Promise<GraphInput> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(source.uri));
  if (source.kind === "selection") return evaluateSelectionSource(source, doc.getText(), readSettings().bounds);
  const ev = service.get(doc);
  const r = ev.result;
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (r.target === undefined) {
    const d = r.diagnostics.find((x) => x.severity === "error") ?? r.diagnostics[0];
    if (d) throw new GradLensError(d.message, d.start, d.end, doc.getText());
    throw new Error(`${name} has no target to draw: end it with an expression or assign \`loss\``);
  }
  return { tape: r.tape, target: r.target, title: `Graph: ${name}${r.targetName ? ` (${r.targetName})` : ""}` };
}
