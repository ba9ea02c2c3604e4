// Runs in the VS Code extension host: activation. Every command, provider and panel registers here, around one
// pool of evaluator workers: the host itself never evaluates user code.
import * as vscode from "vscode";
import { registerEvaluateSelection } from "./commands/evaluate";
import { registerEditor } from "./editor";
import { startEvaluators } from "./evaluation/start";
import { registerGraph } from "./graph";
import { registerTraining } from "./training";

export function activate(context: vscode.ExtensionContext): void {
  const pool = startEvaluators(context);
  registerEvaluateSelection(context, pool);
  const documents = registerEditor(context, pool);
  registerGraph(context, pool, documents);
  registerTraining(context, pool, documents);
}

export function deactivate(): void {}
