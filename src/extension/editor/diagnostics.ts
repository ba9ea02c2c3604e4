// Runs in the VS Code extension host: the "gradlens" diagnostic collection for `.nn.ts` files: parse and
// evaluation errors, bounds hit, NaN/Infinity where it first appeared, failed gradient checks. Refreshed whenever
// the document service re-evaluates, so a fixed problem disappears.
import * as vscode from "vscode";
import { problemsOf } from "../../editor-model/problems";
import { DIAGNOSTICS } from "../ids";
import type { DocumentService } from "./service";
import { isNnDocument } from "./settings";

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTICS);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly service: DocumentService) {
    this.subs.push(
      this.collection,
      service.onDidChange((uri) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (doc) this.refresh(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    // Evaluate already-open files after activation returns (the first evaluation loads TypeScript's parser).
    for (const d of vscode.workspace.textDocuments) if (isNnDocument(d)) service.schedule(d, 0);
  }

  refresh(doc: vscode.TextDocument): void {
    if (!isNnDocument(doc)) return;
    try {
      const { result } = this.service.get(doc);
      const text = doc.getText();
      this.collection.set(doc.uri, problemsOf(result, text.length).map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end)),
          p.message,
          p.severity === "error" ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = DIAGNOSTICS;
        d.code = p.code;
        return d;
      }));
    } catch (e) {
      // A bug of ours, not the file's: show it where it can be seen rather than drop it.
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), `GradLens internal error: ${e instanceof Error ? e.message : String(e)}`, vscode.DiagnosticSeverity.Error);
      d.source = DIAGNOSTICS;
      this.collection.set(doc.uri, [d]);
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
