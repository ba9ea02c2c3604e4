// Runs in the VS Code extension host: the one "GradLens" output channel every command writes to.
import * as vscode from "vscode";
import { OUTPUT_CHANNEL } from "./ids";

let channel: vscode.OutputChannel | undefined;

export function outputChannel(context: vscode.ExtensionContext): vscode.OutputChannel {
  if (!channel) {
    channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL);
    const created = channel;
    context.subscriptions.push(created, { dispose: () => (channel = channel === created ? undefined : channel) });
  }
  return channel;
}
