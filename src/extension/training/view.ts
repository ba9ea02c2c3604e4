// Runs in the VS Code extension host: the WebviewViewProvider of the GradLens → Training side panel. A strict CSP
// with a nonce; scripts only from dist/webview; the controller re-posts the latest snapshot every time the view
// is resolved again (after being hidden or on reload), so no retainContextWhenHidden is needed.
import { webviewPage } from "../webview-page";
import * as vscode from "vscode";
import { isFromTrainingView, type ToTrainingView } from "../../protocol/training";
import { encodeNumbers, receive } from "../../protocol/wire";
import type { TrainingController } from "./controller";

export class TrainingViewProvider implements vscode.WebviewViewProvider {
  constructor(private readonly extensionUri: vscode.Uri, private readonly controller: TrainingController) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, "dist", "webview");
    view.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    view.webview.html = html(view.webview, vscode.Uri.joinPath(dist, "training.js"));
    const post = (m: ToTrainingView) => void view.webview.postMessage(encodeNumbers(m));
    this.controller.attach(post);
    const subs = [
      view.webview.onDidReceiveMessage((raw: unknown) => {
        const m = receive(raw, isFromTrainingView, this.controller.log);
        if (m) void this.controller.handle(m);
      }),
      view.onDidDispose(() => {
        this.controller.detach(post);
        for (const s of subs) s.dispose();
      }),
    ];
  }
}

function html(webview: vscode.Webview, script: vscode.Uri): string {
  return webviewPage({ title: "GradLens Training", cspSource: webview.cspSource, script: webview.asWebviewUri(script).toString() });
}
