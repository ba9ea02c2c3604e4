// Runs in the VS Code extension host: brings the graph panel back after a window reload or restart. The webview
// persisted its settings and last render (setState); the render carries the source, which is evaluated again.
import * as vscode from "vscode";
import type { DocumentService } from "../editor/service";
import { GraphPanel, panelOptions } from "./panel";
import { decodeSource, savedSource } from "./source";

export class GraphSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly context: vscode.ExtensionContext, private readonly service: DocumentService) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = panelOptions(this.context.extensionUri);
    const source = decodeSource(savedSource(state));
    if (source === undefined) {
      // Nothing to draw from (an old or empty state): a closed panel beats an empty one.
      panel.dispose();
      return;
    }
    await GraphPanel.restore(panel, this.context, this.service, source);
  }
}
