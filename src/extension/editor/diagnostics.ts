// Runs in the VS Code extension host: the "gradlens" diagnostic collection for `.nn.ts` files: parse and
// evaluation errors, bounds and time limits hit, NaN/Infinity where it first appeared, failed gradient checks, and
// an evaluator that stopped. Refreshed whenever the document service has a new summary, so a fixed problem disappears.
import * as vscode from "vscode";
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
    // Evaluate the files already open (in the evaluator workers).
    for (const d of vscode.workspace.textDocuments) if (isNnDocument(d)) service.schedule(d, 0);
  }

  refresh(doc: vscode.TextDocument): void {
    if (!isNnDocument(doc)) return;
    const summary = this.service.current(doc);
    if (summary === undefined) return;
    this.collection.set(doc.uri, summary.problems.map((p) => {
      const d = new vscode.Diagnostic(
        new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end)),
        p.message,
        p.severity === "error" ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      d.source = DIAGNOSTICS;
      d.code = p.code;
      return d;
    }));
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
