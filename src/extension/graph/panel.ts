// Runs in the VS Code extension host: the graph view's panel beside the editor (one, reused). Its graph session
// lives in an evaluator worker (./remote.ts: folding and "explain" are answered there, next to the tape); the panel
// hands messages to a GraphDelivery (posted once the webview is ready and visible; the newest render waits, none is
// lost), answers clicks and exports, follows the source's edits, and says in the view's banner why a graph is not
// up to date or could not be restored.
import * as vscode from "vscode";
import { GradLensError } from "../../notation";
import { isFromGraphView, type FromGraphView, type GraphViewState, type ToGraphView } from "../../protocol/graph";
import { assertNever, encodeNumbers, receive } from "../../protocol/wire";
import type { ViewModel } from "../../view/graph";
import type { DocumentService } from "../editor/service";
import { readSettings } from "../editor/settings";
import type { EvaluatorClient } from "../evaluation/client";
import { EvaluatorError, inDocument, isCancelled } from "../evaluation/errors";
import type { EvaluatorPool } from "../evaluation/pool";
import type { GraphAction, GraphOpened } from "../evaluation/protocol";
import { GRAPH_PANEL } from "../ids";
import { outputChannel } from "../output";
import { revealRange, saveExport } from "./actions";
import { GraphDelivery } from "./delivery";
import { graphHtml } from "./html";
import { askFor, titleOf, type GraphAsk } from "./ask";
import { adjustRange } from "./range";
import { RemoteGraph, type DrawOptions } from "./remote";
import { graphSettings } from "./settings";
import { encodeSource, type GraphSource } from "./source";

/** Where the panel's source is kept besides the webview's state, so a restore finds it whatever the page saved. */
export const SOURCE_KEY = "gradlens.graph.source";

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // The webview keeps its drawing in setState and redraws on show; no need to hold a hidden Mermaid page.
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview"), vscode.Uri.joinPath(extensionUri, "media")],
  };
}

const isAction = (m: FromGraphView): m is GraphAction =>
  m.type === "expand" || m.type === "collapse" || m.type === "expandAll" || m.type === "collapseAll" || m.type === "explain";

export class GraphPanel implements vscode.Disposable {
  static current: GraphPanel | undefined;
  private readonly delivery: GraphDelivery;
  /** The view model drawn now (the command's outcome counts its nodes; a click without a range looks up its node). */
  model: ViewModel | undefined;
  private sentState = false;
  /** A restored panel has drawn nothing of its own yet: a failure then means it could not be restored. */
  private drawn = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Draws started: an older one that answers late is dropped. */
  private seq = 0;
  private readonly subs: vscode.Disposable[] = [];

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext,
    service: DocumentService, private readonly remote: RemoteGraph, public source: GraphSource) {
    const web = panel.webview;
    web.options = { enableScripts: true, localResourceRoots: panelOptions(context.extensionUri).localResourceRoots };
    const asUri = (...p: string[]) => web.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, ...p)).toString();
    web.html = graphHtml({
      cspSource: web.cspSource, script: asUri("dist", "webview", "graph.js"), style: asUri("media", "graph.css"),
      preloads: [asUri("dist", "webview", "graph-mermaid.js")],
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

  /**
   * Draws `ask` for `source` in an evaluator (in `client` when given: a prepared selection lives there), then shows
   * it in the panel, creating it beside the active editor or reusing the open one. Throws what the evaluation throws,
   * before any panel appears.
   */
  static async show(
    context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService, source: GraphSource, ask: GraphAsk,
    o: { client?: EvaluatorClient; focus?: { node?: number; offset?: number } } = {},
  ): Promise<{ panel: GraphPanel; opened: GraphOpened }> {
    const remote = GraphPanel.current?.remote ?? new RemoteGraph(pool);
    const opened = await remote.draw(ask, { keep: false, client: o.client, focus: o.focus, ...drawSettings() });
    let p = GraphPanel.current;
    if (p === undefined || p.remote !== remote) {
      p?.panel.dispose();
      const panel = vscode.window.createWebviewPanel(GRAPH_PANEL, titleOf(source, opened),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelOptions(context.extensionUri));
      panel.iconPath = vscode.Uri.joinPath(context.extensionUri, "media", "activity.svg");
      p = GraphPanel.current = new GraphPanel(panel, context, service, remote, source);
    } else {
      // A redraw pending for the previous source would only repeat this one.
      if (p.timer) clearTimeout(p.timer);
      // A redraw still on its way draws the previous source: drop it.
      p.seq++;
      p.source = source;
      // Never over the editor the command came from: beside it when they share a column, else where it is.
      const same = p.panel.viewColumn !== undefined && p.panel.viewColumn === vscode.window.activeTextEditor?.viewColumn;
      p.panel.reveal(same ? vscode.ViewColumn.Beside : p.panel.viewColumn, true);
    }
    p.draw(opened);
    return { panel: p, opened };
  }

  /** A panel VS Code restored after a restart: draw its source again (the webview shows its saved drawing meanwhile). */
  static async restore(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService, source: GraphSource): Promise<GraphPanel> {
    GraphPanel.current?.panel.dispose();
    const p = GraphPanel.current = new GraphPanel(panel, context, service, new RemoteGraph(pool), source);
    await p.reload(true);
    return p;
  }

  private draw(opened: GraphOpened): void {
    const s = graphSettings();
    this.panel.title = titleOf(this.source, opened);
    // Settings go with the first render (and after they change) only, so the view's own toggles are not undone.
    const state: Partial<GraphViewState> | undefined = this.sentState ? undefined : { direction: s.direction, digits: s.digits };
    this.sentState = true;
    this.drawn = true;
    this.send({ ...opened.render, state });
    if (opened.explanation) this.delivery.send(opened.explanation);
    void this.context.workspaceState.update(SOURCE_KEY, encodeSource(this.source));
  }

  /** Every render carries the source: the webview saves the last one, and a restore reads the source from it. */
  private send(m: ToGraphView): void {
    if (m.type === "render") this.model = m.model;
    this.delivery.send(m.type === "render" ? { ...m, source: encodeSource(this.source) } : m);
  }

  /** Evaluates the source again and redraws, keeping the user's folding; a failure shows in the view's banner. */
  async reload(fresh = false): Promise<void> {
    const seq = ++this.seq, uri = vscode.Uri.parse(this.source.uri);
    const failure = this.drawn ? "The graph is not up to date" : "The graph could not be restored";
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      if (seq === this.seq) this.delivery.send({ type: "error", message: `${failure}: ${vscode.workspace.asRelativePath(uri)} no longer exists.` });
      return;
    }
    try {
      const opened = await this.remote.draw(askFor(this.source, doc), { keep: !fresh, ...drawSettings() });
      if (seq === this.seq) this.draw(opened);
    } catch (error) {
      // A newer edit cancelled it (its own redraw follows), or a newer draw started.
      if (isCancelled(error) || seq !== this.seq) return;
      const e = inDocument(error, doc.getText());
      const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
      if (!(e instanceof GradLensError || e instanceof EvaluatorError)) outputChannel(this.context).appendLine(`graph: ${message}`);
      this.delivery.send({ type: "error", message: `${failure}: ${message}` });
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

  /** Folding and explain, answered by the session in its worker; a session that is gone is drawn afresh. */
  private async act(action: GraphAction): Promise<void> {
    try {
      const reply = await this.remote.act(action, vscode.workspace.asRelativePath(vscode.Uri.parse(this.source.uri)), readSettings().limits.graph);
      if (reply) this.send(reply);
    } catch (e) {
      if (e instanceof EvaluatorError && e.code === "lost") return this.reload(true);
      this.delivery.send({ type: "error", message: `GradLens: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` });
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = receive(raw, isFromGraphView, (line) => outputChannel(this.context).appendLine(line));
    if (!msg) return;
    if (isAction(msg)) return this.act(msg);
    switch (msg.type) {
      case "ready": return this.delivery.pageReady();
      case "rendered": return this.delivery.answered();
      case "renderFailed":
        this.delivery.answered();
        outputChannel(this.context).appendLine(`graph: ${msg.message}`); return;
      case "nodeClicked": {
        const range = msg.range ?? this.model?.nodes.find((v) => v.tapeId === msg.nodeId)?.range;
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
      default: return assertNever(msg);
    }
  }

  dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.remote.close();
    for (const s of this.subs) s.dispose();
    this.subs.length = 0;
  }
}

/** The bounds, visible-node budget and time limit a graph is drawn with, read now. */
function drawSettings(): Pick<DrawOptions, "bounds" | "maxVisibleNodes" | "limit"> {
  const e = readSettings();
  return { bounds: e.bounds, maxVisibleNodes: graphSettings().maxVisibleNodes, limit: e.limits.graph };
}
