// Runs in the VS Code extension host: starts the evaluator workers (dist/evaluator.js beside the extension's
// bundle) when GradLens activates, and says once, in a notification and the GradLens output channel, when one died
// and was restarted.
import * as vscode from "vscode";
import { outputChannel } from "../output";
import { EvaluatorPool } from "./pool";

export function startEvaluators(context: vscode.ExtensionContext): EvaluatorPool {
  const out = outputChannel(context);
  const pool = new EvaluatorPool({
    script: vscode.Uri.joinPath(context.extensionUri, "dist", "evaluator.js").fsPath,
    log: (line) => out.appendLine(line),
  });
  context.subscriptions.push(
    pool,
    pool.onStopped((s) => {
      out.appendLine(s.message);
      void vscode.window.showWarningMessage(s.message);
    }),
  );
  return pool;
}
