// Runs in the VS Code extension host: brings the graph panel back after a window reload or restart. The webview
// persisted its settings and last render (setState), and every render carries the source; the panel also keeps the
// source in workspaceState. The source is evaluated again; when it cannot be (the file is gone, it no longer
// evaluates) the restored view keeps its saved drawing and says why in its banner.
import * as vscode from "vscode";
import type { DocumentService } from "../editor/service";
import type { EvaluatorPool } from "../evaluation/pool";
import { GraphPanel, panelOptions, SOURCE_KEY } from "./panel";
import { decodeSource, savedSource } from "./source";

export class GraphSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly context: vscode.ExtensionContext, private readonly pool: EvaluatorPool, private readonly service: DocumentService) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = panelOptions(this.context.extensionUri);
    const source = decodeSource(savedSource(state)) ?? decodeSource(this.context.workspaceState.get<unknown>(SOURCE_KEY));
    if (source === undefined) {
      // Nothing to draw from (no graph was ever shown in this workspace): a closed panel beats an empty one.
      panel.dispose();
      return;
    }
    await GraphPanel.restore(panel, this.context, this.pool, this.service, source);
  }
}
