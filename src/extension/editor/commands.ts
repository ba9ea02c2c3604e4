// Runs in the VS Code extension host: which GradLens commands other features have registered (CodeLenses and
// links are offered only for commands that exist), cached briefly since the list is asked on every lens pass.
import * as vscode from "vscode";

let known: { at: number; set: Set<string> } | undefined;

export async function commandExists(id: string): Promise<boolean> {
  if (known === undefined || Date.now() - known.at > 5000) known = { at: Date.now(), set: new Set(await vscode.commands.getCommands(true)) };
  return known.set.has(id);
}
