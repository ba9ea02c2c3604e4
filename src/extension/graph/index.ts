// Runs in the VS Code extension host: registers the graph view: the Visualize command, the follow-editor toggle
// and the panel serializer (restores the panel after a restart).
import * as vscode from "vscode";
import type { DocumentService } from "../editor/service";
import { GRAPH_PANEL } from "../ids";
import { registerVisualize } from "./command";
import { GraphPanel } from "./panel";
import { GraphSerializer } from "./serializer";

/** What the graph panel shows now, as plain data: activate() exports it so extension-host tests can read it. */
export interface GraphSnapshot {
  title: string;
  source: GraphPanel["source"];
  visible: boolean;
  /** The target's value and the nodes drawn, on the extension side. */
  value: number;
  nodes: number;
  /** Renders posted to the webview, and renders it reported drawn (with the last one's size). */
  posted: number;
  rendered: number;
  /** A render waits to be posted (hidden panel) or to be drawn. */
  pending: boolean;
  lastRendered?: { nodes: number; edges: number; ms: number };
}

export function graphSnapshot(): GraphSnapshot | undefined {
  const p = GraphPanel.current;
  const m = p?.model;
  if (!p || !m) return undefined;
  const target = m.nodes.find((n) => n.isTarget && n.kind !== "group");
  return {
    title: p.panel.title, source: p.source, visible: p.panel.visible, value: target?.value ?? NaN, nodes: m.nodes.length,
    posted: p.postedRenders, rendered: p.renderedCount, pending: p.pending, lastRendered: p.lastRendered,
  };
}

export function registerGraph(context: vscode.ExtensionContext, service: DocumentService): void {
  registerVisualize(context, service);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GRAPH_PANEL, new GraphSerializer(context, service)),
    { dispose: () => GraphPanel.current?.panel.dispose() },
  );
}
