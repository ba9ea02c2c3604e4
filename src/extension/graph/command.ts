// Runs in the VS Code extension host: **GradLens: Visualize Gradient of Selection** and the graph's follow-editor
// toggle. With a selection (or, outside a `.nn.ts` file, the cursor's line), its graph: the selection is taken as
// the other selection commands take it (../selection.ts); with none in a `.nn.ts` file, the file's target; with
// `{ uri, node, offset }` (hover link) or a uri (CodeLens, training view), that document's graph, pointing at the
// node. Returns an outcome, the command's result, saying what it showed.
import * as vscode from "vscode";
import { nodeAt } from "../../notation";
import type { DocumentService } from "../editor/service";
import { isNnDocument, readSettings } from "../editor/settings";
import { COMMANDS, GRAPH_SETTINGS } from "../ids";
import { selectionOrLine, showFailure, takeSelection, type Failure } from "../selection";
import { parseVisualizeArgs, type VisualizeRequest } from "./args";
import { selectionInput, type GraphInput } from "./input";
import { documentInput } from "./load";
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

export function registerVisualize(context: vscode.ExtensionContext, service: DocumentService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.visualize, (...args: unknown[]) => visualize(context, service, args)),
    vscode.commands.registerCommand(COMMANDS.toggleFollowEditor, async () => {
      const c = vscode.workspace.getConfiguration(GRAPH_SETTINGS);
      const next = c.get<boolean>("followEditor") === false;
      await c.update("followEditor", next, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(`GradLens: the graph ${next ? "follows" : "no longer follows"} the editor.`);
      return next;
    }),
  );
}

async function visualize(context: vscode.ExtensionContext, service: DocumentService, args: readonly unknown[]): Promise<VisualizeOutcome> {
  const req = parseVisualizeArgs(args);
  // A link or a lens names a document by uri: the only case where the document is not at hand already.
  const editor = req ? undefined : vscode.window.activeTextEditor;
  const doc = req ? await vscode.workspace.openTextDocument(vscode.Uri.parse(req.uri)) : editor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage("GradLens: open a .nn.ts file or select an expression to visualize.");
    return { kind: "cancelled" };
  }
  try {
    if (!editor || (editor.selection.isEmpty && isNnDocument(doc))) {
      return show(context, service, { kind: "document", uri: doc.uri.toString() }, documentInput(doc, service), req);
    }
    const taken = await takeSelection(context, doc, selectionOrLine(editor), "visualize");
    if (taken === "cancelled") return { kind: "cancelled" };
    const { text, start, end, values } = taken;
    const source: GraphSource = { kind: "selection", uri: doc.uri.toString(), text, start, end, languageId: doc.languageId, values };
    return show(context, service, source, selectionInput(text, taken.prepared.evaluate(values, readSettings().bounds)), undefined);
  } catch (e) {
    return showFailure(context, doc, e);
  }
}

function show(
  context: vscode.ExtensionContext, service: DocumentService, source: GraphSource, input: GraphInput, req: VisualizeRequest | undefined,
): VisualizeOutcome {
  const panel = GraphPanel.show(context, service, source, input);
  const model = panel.model!;
  let focused: number | undefined;
  if (req && (req.node !== undefined || req.offset !== undefined)) {
    const n = req.node !== undefined && req.node < input.tape.n ? req.node : nodeAt(input.tape, req.offset ?? -1);
    if (n >= 0) focused = n;
  }
  const paths = focused !== undefined ? panel.focus(focused) : undefined;
  return {
    kind: "shown", title: input.title, source: source.kind, target: input.target, value: input.tape.val[input.target],
    nodes: model.nodes.length, totalNodes: model.totalNodes, focused, paths,
  };
}
