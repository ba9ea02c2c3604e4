// Runs in the VS Code extension host: activation. Commands, providers and panels register here.
import type * as vscode from "vscode";
import { registerEvaluateSelection } from "./commands/evaluate";
import { registerEditor } from "./editor";
import { registerTraining } from "./training";

export function activate(context: vscode.ExtensionContext): void {
  // Each feature registers itself here when it lands.
  registerEvaluateSelection(context);
  registerEditor(context);
  registerTraining(context);
}

export function deactivate(): void {}
