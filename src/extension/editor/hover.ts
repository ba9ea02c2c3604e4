// Runs in the VS Code extension host: hovers in `.nn.ts` files: value and ∂target/∂it of what is under the
// pointer (built by editor-model/hover.ts), with a link to that node in the graph view.
import * as vscode from "vscode";
import { hoverAt } from "../../editor-model/hover";
import { COMMANDS } from "../ids";
import type { DocumentService } from "./service";
import { readSettings } from "./settings";

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: DocumentService) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const settings = readSettings();
    if (!settings.hover) return undefined;
    const ev = this.service.get(doc);
    if (ev.sf === undefined) return undefined;
    const model = hoverAt(ev.result, ev.sf, doc.offsetAt(pos), settings.digits);
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
