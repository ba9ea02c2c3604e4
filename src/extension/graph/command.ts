// Runs in the VS Code extension host: **GradLens: Visualize Gradient of Selection** (gradlens.visualize). With a
// selection, its graph (free names from the document or prompted, as Evaluate Selection does); with none in a
// `.nn.ts` file, the file's target; with `{ uri, node, offset }` (hover link) or a uri (CodeLens, training view),
// that document's graph, pointing at the node. Returns an outcome tests can read.
import * as vscode from "vscode";
import { freeNames, GradLensError, nodeAt } from "../../notation";
import { askValues } from "../commands/evaluate";
import type { DocumentService } from "../editor/service";
import { isNnDocument } from "../editor/settings";
import { COMMANDS, GRAPH_SETTINGS } from "../ids";
import { outputChannel } from "../output";
import { loadSource } from "./load";
import { GraphPanel } from "./panel";
import { parseVisualizeArgs, type GraphSource } from "./source";

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
  | { readonly kind: "error"; readonly message: string; readonly line: number; readonly column: number }
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
  let source: GraphSource | undefined;
  let doc: vscode.TextDocument;
  if (req) {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(req.uri));
    source = { kind: "document", uri: doc.uri.toString() };
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage("GradLens: open a .nn.ts file or select an expression to visualize.");
      return { kind: "cancelled" };
    }
    doc = editor.document;
    if (editor.selection.isEmpty && isNnDocument(doc)) source = { kind: "document", uri: doc.uri.toString() };
    else {
      const range = editor.selection.isEmpty ? doc.lineAt(editor.selection.active.line).range : editor.selection;
      const asked = await selectionSource(context, doc, range);
      if (asked === "cancelled") return { kind: "cancelled" };
      if ("kind" in asked && asked.kind === "error") return asked;
      source = asked as GraphSource;
    }
  }
  try {
    const input = await loadSource(source, service);
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
  } catch (e) {
    return failed(context, doc, e);
  }
}

type Asked = GraphSource | "cancelled" | Extract<VisualizeOutcome, { kind: "error" }>;

/** The selection as a source, with values asked for the names neither it nor the document gives. */
async function selectionSource(context: vscode.ExtensionContext, doc: vscode.TextDocument, range: vscode.Range): Promise<Asked> {
  const text = doc.getText(range);
  const start = doc.offsetAt(range.start);
  try {
    if (!text.trim()) throw new GradLensError("nothing to visualize: select an expression", start, start, doc.getText());
    const { missing } = freeNames(text, { documentText: doc.getText(), selectionOffset: start, languageId: doc.languageId });
    let values = {};
    if (missing.length) {
      const v = await askValues(context, missing);
      if (!v) return "cancelled";
      values = v;
    }
    return { kind: "selection", uri: doc.uri.toString(), text, start, end: doc.offsetAt(range.end), languageId: doc.languageId, values };
  } catch (e) {
    return failed(context, doc, e);
  }
}

function failed(context: vscode.ExtensionContext, doc: vscode.TextDocument, e: unknown): Extract<VisualizeOutcome, { kind: "error" }> {
  const out = outputChannel(context);
  if (!(e instanceof GradLensError)) {
    const message = e instanceof Error ? e.message : String(e);
    out.appendLine(`graph: internal error: ${e instanceof Error && e.stack ? e.stack : message}`);
    void vscode.window.showErrorMessage(`GradLens: ${message}`);
    return { kind: "error", message, line: 0, column: 0 };
  }
  out.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: error: ${e.message}`);
  const at = new vscode.Range(doc.positionAt(e.start), doc.positionAt(Math.max(e.start, e.end)));
  void vscode.window.showErrorMessage(`GradLens: ${e.message}`, "Go to Error").then((pick) => {
    if (pick === "Go to Error") void vscode.window.showTextDocument(doc, { selection: at });
  });
  return { kind: "error", message: e.message, line: e.line, column: e.column };
}
