// Runs in the VS Code extension host: the gradient-check report webview (webview/gradcheck/main.ts draws it).
// One panel, reused; strict CSP with a nonce; scripts only from dist/webview; messages per src/protocol/report.ts.
import { webviewPage } from "../webview-page";
import * as vscode from "vscode";
import { isFromReportView, type ToReportView } from "../../protocol/report";
import { assertNever, encodeNumbers, receive } from "../../protocol/wire";
import type { ReportModel } from "../../view/report";
import { outputChannel } from "../output";
import { REPORT_PANEL } from "../ids";

export class ReportPanel {
  private static current: ReportPanel | undefined;
  private model: ReportModel;
  private ready = false;

  private constructor(private readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, model: ReportModel, private source: vscode.Uri) {
    this.model = model;
    const web = panel.webview;
    web.html = html(web, context.extensionUri);
    panel.onDidDispose(() => (ReportPanel.current = undefined));
    web.onDidReceiveMessage((raw: unknown) => {
      const m = receive(raw, isFromReportView, (line) => outputChannel(context).appendLine(line));
      if (!m) return;
      switch (m.type) {
        case "ready":
          this.ready = true;
          this.post();
          break;
        case "reveal":
          void this.reveal(m.line, m.column);
          break;
        default:
          assertNever(m);
      }
    });
  }

  static show(context: vscode.ExtensionContext, model: ReportModel, source: vscode.Uri): void {
    const cur = ReportPanel.current;
    if (cur !== undefined) {
      cur.model = model;
      cur.source = source;
      cur.panel.title = model.title;
      cur.panel.reveal(vscode.ViewColumn.Beside, true);
      cur.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_PANEL, model.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "dist", "webview"), vscode.Uri.joinPath(context.extensionUri, "media")],
    });
    ReportPanel.current = new ReportPanel(panel, context, model, source);
  }

  private post(): void {
    if (!this.ready) return;
    const msg: ToReportView = { type: "report", report: this.model };
    void this.panel.webview.postMessage(encodeNumbers(msg));
  }

  private async reveal(line: number, column: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.source);
    const pos = new vscode.Position(Math.max(line - 1, 0), Math.max(column - 1, 0));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
  }
}

function html(web: vscode.Webview, root: vscode.Uri): string {
  const uri = (...path: string[]) => web.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
  return webviewPage({
    title: "Gradient check",
    cspSource: web.cspSource,
    script: uri("dist", "webview", "gradcheck.js"),
    styles: [uri("media", "gradcheck.css")],
    body: '<main id="report" aria-live="polite"><p>Checking…</p></main>\n',
  });
}
