// Runs in the VS Code extension host: **GradLens: Visualize Gradient of Selection** and the graph's follow-editor
// toggle. With a selection (or, outside a `.nn.ts` file, the cursor's line), its graph: the selection is taken as
// the other selection commands take it (../selection.ts); with none in a `.nn.ts` file, the file's target; with
// `{ uri, node, offset }` (hover link) or a uri (CodeLens, training view), that document's graph, pointing at the
// node. Returns an outcome, the command's result, saying what it showed.
import * as vscode from "vscode";
import { showFilePrinted } from "../editor/printed";
import type { DocumentService } from "../editor/service";
import { isNnDocument } from "../editor/settings";
import type { EvaluatorPool } from "../evaluation/pool";
import { COMMANDS, GRAPH_SETTINGS } from "../ids";
import { selectionOrLine, showFailure, takeSelection, type Failure } from "../selection";
import { parseVisualizeArgs } from "./args";
import { askFor } from "./ask";
import { GraphPanel } from "./panel";
import type { GraphSource } from "./source";

export type VisualizeOutcome =
  | {
    readonly kind: "shown";
    readonly title: string;
    readonly source: GraphSource["kind"];
    readonly target: number;
    readonly value: number;
    /** Nodes drawn, and nodes the target depends on. */
    readonly nodes: number;
    readonly totalNodes: number;
    /** The node pointed at (hover link), and how many target-to-node paths the view highlights. */
    readonly focused?: number;
    readonly paths?: number;
  }
  | Failure
  | { readonly kind: "cancelled" };

export function registerVisualize(context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.visualize, (...args: unknown[]) => visualize(context, pool, service, args)),
    vscode.commands.registerCommand(COMMANDS.toggleFollowEditor, async () => {
      const c = vscode.workspace.getConfiguration(GRAPH_SETTINGS);
      const next = c.get<boolean>("followEditor") === false;
      await c.update("followEditor", next, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(`GradLens: the graph ${next ? "follows" : "no longer follows"} the editor.`);
      return next;
    }),
  );
}

async function visualize(context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService, args: readonly unknown[]): Promise<VisualizeOutcome> {
  const req = parseVisualizeArgs(args);
  // A link or a lens names a document by uri: the only case where the document is not at hand already.
  const editor = req ? undefined : vscode.window.activeTextEditor;
  const doc = req ? await vscode.workspace.openTextDocument(vscode.Uri.parse(req.uri)) : editor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage("GradLens: open a .nn.ts or .nn.py file or select an expression to visualize.");
    return { kind: "cancelled" };
  }
  try {
    if (!editor || (editor.selection.isEmpty && isNnDocument(doc))) {
      const source: GraphSource = { kind: "document", uri: doc.uri.toString() };
      const focus = req && (req.node !== undefined || req.offset !== undefined) ? { node: req.node, offset: req.offset } : undefined;
      const shown = await GraphPanel.show(context, pool, service, source, askFor(source, doc), { focus });
      void showFilePrinted(context, service, doc);
      return outcome(source, shown);
    }
    const taken = await takeSelection(context, pool, doc, selectionOrLine(editor), "visualize");
    if (taken === "cancelled") return { kind: "cancelled" };
    const { text, start, end, values, prepared } = taken;
    const source: GraphSource = { kind: "selection", uri: doc.uri.toString(), text, start, end, languageId: doc.languageId, values };
    // Drawn from the prepared selection, in the worker that prepared it: one parse, one look-up of its names.
    const ask = { spec: { kind: "prepared", selection: prepared.id, values }, label: taken.label } as const;
    return outcome(source, await GraphPanel.show(context, pool, service, source, ask, { client: prepared.client }).finally(prepared.release));
  } catch (e) {
    return showFailure(context, doc, e);
  }
}

function outcome(source: GraphSource, shown: Awaited<ReturnType<typeof GraphPanel.show>>): VisualizeOutcome {
  const { panel, opened } = shown;
  const model = panel.model ?? opened.render.model;
  return {
    kind: "shown", title: panel.panel.title, source: source.kind, target: opened.target, value: opened.value,
    nodes: model.nodes.length, totalNodes: model.totalNodes, focused: opened.focused,
    paths: opened.focused !== undefined ? (opened.explanation?.explanation.pathCount ?? 0) : undefined,
  };
}
