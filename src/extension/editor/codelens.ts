// Runs in the VS Code extension host: CodeLenses above a `.nn.ts` file's target and above its gradcheck(...)
// calls: Visualize · Gradient check · Train (commands registered in the same activate()).
import * as vscode from "vscode";
import { COMMANDS } from "../ids";
import type { DocumentService } from "./service";
import { readSettings } from "./settings";

export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly service: DocumentService) {
    this.sub = service.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const settings = readSettings();
    if (!settings.codeLens) return [];
    const version = doc.version;
    const summary = await this.service.settled(doc, token);
    if (summary === undefined || doc.version !== version) return [];
    const uri = doc.uri;
    const out: vscode.CodeLens[] = [];
    for (const l of summary.lenses) {
      const at = new vscode.Range(doc.positionAt(l.offset), doc.positionAt(l.offset));
      if (l.kind === "gradcheck" && l.verdict) out.push(new vscode.CodeLens(at, { title: l.verdict, command: COMMANDS.gradcheckSelection, arguments: [uri], tooltip: "Open the gradient-check report" }));
      out.push(new vscode.CodeLens(at, { title: "$(type-hierarchy) Visualize", command: COMMANDS.visualize, arguments: [uri], tooltip: "Draw the computation graph of this file's target" }));
      out.push(new vscode.CodeLens(at, { title: "$(beaker) Gradient check", command: COMMANDS.gradcheckSelection, arguments: [uri], tooltip: "Check every gradient against central differences" }));
      out.push(new vscode.CodeLens(at, { title: "$(play) Train", command: COMMANDS.trainFile, arguments: [uri], tooltip: "Train this file's model in the training view" }));
    }
    return out;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
