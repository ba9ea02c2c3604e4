// Runs in the VS Code extension host: inlay hints after declarations in `.nn.ts` files (value and gradient,
// compact), behind the setting gradlens.inlayHints.enabled.
import * as vscode from "vscode";
import type { DocumentService } from "./service";
import { readSettings } from "./settings";

export class InlayHintsProvider implements vscode.InlayHintsProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly service: DocumentService) {
    this.subs = [
      service.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration("gradlens.inlayHints") && this.changed.fire()),
    ];
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const settings = readSettings();
    if (!settings.inlayHints) return [];
    const version = doc.version;
    if ((await this.service.settled(doc, token)) === undefined || doc.version !== version) return [];
    const hints = await this.service.inlays(doc, doc.offsetAt(range.start), doc.offsetAt(range.end));
    if (token.isCancellationRequested || doc.version !== version) return [];
    return hints.map((h) => {
      const hint = new vscode.InlayHint(doc.positionAt(h.offset), h.label);
      hint.paddingLeft = true;
      hint.tooltip = h.tooltip;
      return hint;
    });
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
