// Runs in the VS Code extension host: activation. Every command, provider and panel registers here.
import type * as vscode from "vscode";
import { registerEvaluateSelection } from "./commands/evaluate";
import { registerEditor } from "./editor";
import { registerGraph } from "./graph";
import { registerTraining } from "./training";

export function activate(context: vscode.ExtensionContext): void {
  registerEvaluateSelection(context);
  const documents = registerEditor(context);
  registerGraph(context, documents);
  registerTraining(context);
}

export function deactivate(): void {}
