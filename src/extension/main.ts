// Runs in the VS Code extension host: activation. Commands, providers and panels register here.
import type * as vscode from "vscode";
import { registerEvaluateSelection } from "./commands/evaluate";
import { registerEditor } from "./editor";
import { graphSnapshot, registerGraph } from "./graph";
import { registerTraining } from "./training";

/** What activate() returns: read-only views for extension-host tests (other extensions may read them too). */
export interface GradLensApi {
  graph: typeof graphSnapshot;
}

export function activate(context: vscode.ExtensionContext): GradLensApi {
  // Each feature registers itself here when it lands.
  registerEvaluateSelection(context);
  const documents = registerEditor(context);
  registerGraph(context, documents);
  registerTraining(context);
  return { graph: graphSnapshot };
}

export function deactivate(): void {}
