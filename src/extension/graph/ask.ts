// Runs in the VS Code extension host: from what a graph shows to what an evaluator worker is asked to draw (a
// `.nn.ts` file's target by uri and version, its text riding along; a selection with its document's current text),
// and the panel's title for it.
import * as vscode from "vscode";
import type { GraphOpened, GraphSpec } from "../evaluation/protocol";
import { oneLine } from "../text";
import type { GraphSource } from "./source";

export interface GraphAsk {
  spec: GraphSpec;
  /** The document's text, for a document graph (sent when the worker lacks that version). */
  text?: string;
  /** What is drawn, for messages: "foo.nn.ts", "the selection in foo.nn.ts". */
  label: string;
}

/** The request that draws `source` as `doc`, its document, is now: after an edit, a setting or a restart. */
export function askFor(source: GraphSource, doc: vscode.TextDocument): GraphAsk {
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (source.kind === "document") {
    return { spec: { kind: "document", doc: { uri: doc.uri.toString(), version: doc.version } }, text: doc.getText(), label: name };
  }
  // Names the selection takes from the document follow edits there; the values the user typed stay.
  return { spec: { kind: "selection", source, documentText: doc.getText() }, label: `the selection in ${name}` };
}

/** "Graph: xor.nn.ts (loss)" or "Graph: (x**2 + 3)**2 + y". */
export function titleOf(source: GraphSource, opened: GraphOpened): string {
  if (source.kind === "selection") return `Graph: ${oneLine(source.text, 40)}`;
  const name = vscode.workspace.asRelativePath(vscode.Uri.parse(source.uri));
  return `Graph: ${name}${opened.targetName ? ` (${opened.targetName})` : ""}`;
}
