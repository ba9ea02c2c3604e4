// Runs in the VS Code extension host: what a `.nn.py` / `.nn.ts` file or a selection printed (Python's print),
// written to the GradLens output channel when a command evaluates it (Visualize, Gradient Check, Train File,
// Evaluate Selection), never for hovers, CodeLens or inlay hints.
import * as vscode from "vscode";
import { outputChannel } from "../output";
import type { DocumentService } from "./service";

/** Appends the lines under a `label printed:` line and shows the channel without taking focus; nothing when none. */
export function showPrinted(context: vscode.ExtensionContext, label: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const out = outputChannel(context);
  out.appendLine(`${label} printed:`);
  for (const line of lines) out.appendLine(line);
  out.show(true);
}

/** The file's printed lines, from the evaluation the command's own request made (the worker's cache). */
export async function showFilePrinted(context: vscode.ExtensionContext, service: DocumentService, doc: vscode.TextDocument): Promise<void> {
  // A file that does not evaluate has printed what it printed before the error: still worth showing. A failure to
  // answer at all is the command's to report, not this one's.
  const lines = await service.output(doc).catch(() => []);
  showPrinted(context, vscode.workspace.asRelativePath(doc.uri), lines);
}
