// Runs in the VS Code extension host: activation. Commands, providers and panels register here.
import type * as vscode from "vscode";

export function activate(_context: vscode.ExtensionContext): void {
  // Each feature registers itself here when it lands.
}

export function deactivate(): void {}
