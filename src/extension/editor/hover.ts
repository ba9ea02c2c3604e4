// Runs in the VS Code extension host: hovers in `.nn.ts` files: value and ∂target/∂it of what is under the
// pointer (built by editor-model/hover.ts), with a link to that node in the graph view when the graph command exists.
import * as vscode from "vscode";
import { hoverAt } from "../../editor-model/hover";
import type { DocumentService } from "./service";
import { commandExists } from "./commands";
import { readSettings } from "./settings";

export const VISUALIZE = "gradlens.visualize";

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: DocumentService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const settings = readSettings();
    if (!settings.hover) return undefined;
    const ev = this.service.get(doc);
    if (ev.sf === undefined) return undefined;
    const model = hoverAt(ev.result, ev.sf, doc.offsetAt(pos), settings.digits);
    if (model === undefined) return undefined;
    const md = new vscode.MarkdownString(model.markdown);
    if (model.node >= 0 && (await commandExists(VISUALIZE))) {
      const args = encodeURIComponent(JSON.stringify([{ uri: doc.uri.toString(), node: model.node, offset: model.start }]));
      md.appendMarkdown(`\n\n[$(type-hierarchy) Show in graph](command:${VISUALIZE}?${args} "Open the graph view at this node")`);
      md.isTrusted = { enabledCommands: [VISUALIZE] };
      md.supportThemeIcons = true;
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(model.start), doc.positionAt(model.end)));
  }
}
