// Runs in the VS Code extension host: registers the graph view: the Visualize command, the follow-editor toggle
// and the panel serializer (restores the panel after a restart).
import * as vscode from "vscode";
import type { DocumentService } from "../editor/service";
import type { EvaluatorPool } from "../evaluation/pool";
import { GRAPH_PANEL } from "../ids";
import { registerVisualize } from "./command";
import { GraphPanel } from "./panel";
import { GraphSerializer } from "./serializer";

export function registerGraph(context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService): void {
  registerVisualize(context, pool, service);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GRAPH_PANEL, new GraphSerializer(context, pool, service)),
    { dispose: () => GraphPanel.current?.panel.dispose() },
  );
}
