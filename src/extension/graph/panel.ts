// Runs in the VS Code extension host: the graph view's panel beside the editor (one, reused). It owns a
// GraphSession (folding and "explain" answers), hands messages to a GraphDelivery (posted once the webview is ready
// and visible; the newest render waits, none is lost), answers clicks and exports, and follows the source's edits.
import * as vscode from "vscode";
import { GradLensError } from "../../notation";
import { isFromGraphView, type GraphViewState } from "../../protocol/graph";
import { assertNever, encodeNumbers, receive } from "../../protocol/wire";
import type { DocumentService } from "../editor/service";
import { GRAPH_PANEL } from "../ids";
import { outputChannel } from "../output";
import { revealRange, saveExport } from "./actions";
import { GraphDelivery } from "./delivery";
import { graphHtml } from "./html";
import { firstPaintChunks } from "./preload";
import type { GraphInput } from "./input";
import { loadSource } from "./load";
import { adjustRange } from "./range";
import { graphSettings } from "./settings";
import { encodeSource, type GraphSource } from "./source";
import { GraphSession } from "./session";

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // The webview keeps its drawing in setState and redraws on show; no need to hold a hidden Mermaid page.
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview"), vscode.Uri.joinPath(extensionUri, "media")],
  };
}

export class GraphPanel implements vscode.Disposable {
  static current: GraphPanel | undefined;
  private readonly delivery: GraphDelivery;
  private session: GraphSession | undefined;
  private sentState = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subs: vscode.Disposable[] = [];

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext,
    private readonly service: DocumentService, public source: GraphSource) {
    const web = panel.webview;
    web.options = { enableScripts: true, localResourceRoots: panelOptions(context.extensionUri).localResourceRoots };
    const asUri = (...p: string[]) => web.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, ...p)).toString();
    web.html = graphHtml({
      cspSource: web.cspSource, script: asUri("dist", "webview", "graph.js"), style: asUri("media", "graph.css"),
      preloads: firstPaintChunks(context.extensionPath).map((f) => asUri("dist", "webview", f)),
    });
    this.delivery = new GraphDelivery((m) => void web.postMessage(encodeNumbers(m)), () => panel.visible);
    this.subs.push(
      web.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // Hidden without retained context, the webview is gone; it says ready again when shown.
        if (!panel.visible) this.delivery.pageGone();
      }),
      panel.onDidDispose(() => this.dispose()),
      service.onDidChange((uri) => {
        if (this.source.kind === "document" && uri.toString() === this.source.uri && graphSettings().followEditor) void this.reload();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const looks = ["gradlens.graph.maxVisibleNodes", "gradlens.graph.direction", "gradlens.precision"];
        if (looks.some((k) => e.affectsConfiguration(k))) {
          this.sentState = false;
          void this.reload(true);
        } else if (e.affectsConfiguration("gradlens.graph.followEditor") && graphSettings().followEditor) {
          // Following again: catch up with edits made while it was off.
          void this.reload();
        }
      }),
    );
  }

  /** Shows `input` for `source` in the panel, creating it beside the active editor or reusing the open one. */
  static show(context: vscode.ExtensionContext, service: DocumentService, source: GraphSource, input: GraphInput): GraphPanel {
    let p = GraphPanel.current;
    if (p === undefined) {
      const panel = vscode.window.createWebviewPanel(GRAPH_PANEL, input.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(context.extensionUri));
      panel.iconPath = vscode.Uri.joinPath(context.extensionUri, "media", "activity.svg");
      p = GraphPanel.current = new GraphPanel(panel, context, service, source);
    } else {
      // A redraw pending for the previous source would only repeat this one.
      if (p.timer) clearTimeout(p.timer);
      p.source = source;
      // Never over the editor the command came from: beside it when they share a column, else where it is.
      const same = p.panel.viewColumn !== undefined && p.panel.viewColumn === vscode.window.activeTextEditor?.viewColumn;
      p.panel.reveal(same ? vscode.ViewColumn.Beside : p.panel.viewColumn, true);
    }
    p.draw(input, true);
    return p;
  }

  /** A panel VS Code restored after a restart: draw its source again (the webview shows its saved drawing meanwhile). */
  static async restore(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, service: DocumentService, source: GraphSource): Promise<GraphPanel> {
    GraphPanel.current?.panel.dispose();
    const p = GraphPanel.current = new GraphPanel(panel, context, service, source);
    await p.reload(true);
    return p;
  }

  /** Posts an "explain" of `node` (paths from the target to it): how the hover's "Show in graph" points at a node. */
  focus(node: number): number {
    const reply = this.session?.handle({ type: "explain", nodeId: node });
    if (reply?.type !== "explanation" || reply.explanation.pathCount === 0) return 0;
    this.delivery.send(reply);
    return reply.explanation.pathCount;
  }

  /** The view model drawn now (the command's outcome counts its nodes). */
  get model() {
    return this.session?.model;
  }

  private draw(input: GraphInput, fresh: boolean): void {
    const s = graphSettings();
    this.panel.title = input.title;
    if (fresh || !this.session) this.session = new GraphSession(input.tape, input.target, { maxVisibleNodes: s.maxVisibleNodes });
    else this.session.update(input.tape, input.target);
    // Settings go with the first render (and after they change) only, so the view's own toggles are not undone.
    const state: Partial<GraphViewState> | undefined = this.sentState ? undefined : { direction: s.direction, digits: s.digits };
    this.sentState = true;
    const msg = this.session.render(state);
    this.delivery.send(msg.type === "render" ? { ...msg, source: encodeSource(this.source) } : msg);
  }

  /** Evaluates the source again and redraws, keeping the user's folding; a failure shows in the view. */
  async reload(fresh = false): Promise<void> {
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.source.uri));
      this.draw(loadSource(this.source, doc, this.service), fresh);
    } catch (e) {
      const message = e instanceof GradLensError || e instanceof Error ? e.message : String(e);
      if (!(e instanceof GradLensError)) outputChannel(this.context).appendLine(`graph: ${message}`);
      this.delivery.send({ type: "error", message: `The graph is not up to date: ${message}` });
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const s = this.source;
    if (s.kind !== "selection" || e.document.uri.toString() !== s.uri || e.contentChanges.length === 0) return;
    const changes = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    const r = adjustRange(s.start, s.end, changes);
    const text = e.document.getText(new vscode.Range(e.document.positionAt(r.start), e.document.positionAt(r.end)));
    this.source = { ...s, start: r.start, end: r.end, text };
    const settings = graphSettings();
    if (!settings.followEditor) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), settings.debounceMs);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = receive(raw, isFromGraphView, (line) => outputChannel(this.context).appendLine(line));
    if (!msg) return;
    const reply = this.session?.handle(msg);
    if (reply) return this.delivery.send(reply);
    switch (msg.type) {
      case "ready": return this.delivery.pageReady();
      case "rendered": return this.delivery.answered();
      case "renderFailed":
        this.delivery.answered();
        outputChannel(this.context).appendLine(`graph: ${msg.message}`); return;
      case "nodeClicked": {
        const range = msg.range ?? this.rangeOf(msg.nodeId);
        if (!range || range.start < 0) return;
        await revealRange(vscode.Uri.parse(this.source.uri), range.start, range.end);
        return;
      }
      case "export": {
        if (!msg.ok) return void vscode.window.showErrorMessage(`GradLens: export failed: ${msg.error ?? "unknown error"}`);
        try {
          await saveExport(msg.format, msg.data, vscode.Uri.parse(this.source.uri), this.panel.title.replace(/^Graph: /, "graph "));
        } catch (e) {
          void vscode.window.showErrorMessage(`GradLens: export failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
      // Folding and explain: answered by the session above.
      case "expand": case "collapse": case "expandAll": case "collapseAll": case "explain": return;
      default: return assertNever(msg);
    }
  }

  private rangeOf(node: number): { start: number; end: number } | undefined {
    const n = this.session?.model.nodes.find((v) => v.tapeId === node);
    return n?.range;
  }

  dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.subs.length = 0;
  }
}
