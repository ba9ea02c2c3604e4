// Runs in the VS Code extension host: hovers in `.nn.ts` files: value and ∂target/∂it of what is under the
// pointer (built by editor-model/hover.ts in the evaluator worker), with a link to that node in the graph view.
import * as vscode from "vscode";
import { COMMANDS } from "../ids";
import type { DocumentService } from "./service";
import { readSettings } from "./settings";

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: DocumentService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!readSettings().hover) return undefined;
    const model = await this.service.hover(doc, doc.offsetAt(pos));
    if (model === undefined) return undefined;
    const md = new vscode.MarkdownString(model.markdown);
    if (model.node >= 0) {
      const args = encodeURIComponent(JSON.stringify([{ uri: doc.uri.toString(), node: model.node, offset: model.start }]));
      md.appendMarkdown(`\n\n[$(type-hierarchy) Show in graph](command:${COMMANDS.visualize}?${args} "Open the graph view at this node")`);
      md.isTrusted = { enabledCommands: [COMMANDS.visualize] };
      md.supportThemeIcons = true;
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(model.start), doc.positionAt(model.end)));
  }
}
