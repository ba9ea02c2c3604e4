// Runs in the VS Code extension host: how Evaluate Selection, Visualize and Gradient-Check Selection take a
// selection, the same way: the editor's document text and range, read once; parsed and its free names resolved once
// in an evaluator worker (prepareSelection, kept there); values asked for the names the document does not give, in
// an input box pre-filled with the values last used in this workspace. Also how those commands show a failure.
import * as vscode from "vscode";
import { GradLensError } from "../notation";
import type { EvaluatorClient } from "./evaluation/client";
import { EvaluatorError, inDocument } from "./evaluation/errors";
import type { EvaluatorPool } from "./evaluation/pool";
import type { Results } from "./evaluation/protocol";
import { readSettings } from "./editor/settings";
import { outputChannel } from "./output";
import { formatValues, parseValues, type Values } from "./values";

const LAST_VALUES = "gradlens.lastValues";
const GO_TO_ERROR = "Go to Error";

/** A selection ready to evaluate: where it is, its text, the prepared notation and the values typed for it. */
export interface TakenSelection {
  readonly doc: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
  /** Offsets of the range in the document. */
  readonly start: number;
  readonly end: number;
  /** The selection prepared in a worker: evaluate, check or draw it there, then release it. */
  readonly prepared: RemoteSelection;
  /** Values typed for the names the document does not give (empty when it gives them all). */
  readonly values: Values;
  /** "the selection in foo.nn.ts", for messages. */
  readonly label: string;
}

/** A prepared selection kept in a worker (`client`) under `id`, with the free names found and missing. */
export type RemoteSelection = Results["prepare"] & {
  readonly client: EvaluatorClient;
  readonly id: number;
  release(): void;
};

export type Failure = { readonly kind: "error"; readonly message: string; readonly line: number; readonly column: number };

/** The selection, or the cursor's line when nothing is selected. */
export function selectionOrLine(editor: vscode.TextEditor): vscode.Range {
  return editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
}

/**
 * Reads `range` of `doc`, prepares it and asks for the values it lacks; "cancelled" when the prompt was dismissed.
 * Throws GradLensError, positioned in the document, for an empty selection (`nothing to <verb>`) or a parse error.
 */
export async function takeSelection(
  context: vscode.ExtensionContext, pool: EvaluatorPool, doc: vscode.TextDocument, range: vscode.Range, verb: string,
): Promise<TakenSelection | "cancelled"> {
  const documentText = doc.getText();
  const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
  const text = documentText.slice(start, end);
  if (!text.trim()) throw new GradLensError(`nothing to ${verb}: select an expression`, start, start, documentText);
  const label = `the selection in ${vscode.workspace.asRelativePath(doc.uri)}`;
  const client = pool.place(), id = pool.sessionId();
  const request = { kind: "prepare", selection: id, text, documentText, offset: start, languageId: doc.languageId } as const;
  const found = await client.call(request, { label, limit: readSettings().limits.selection }).promise;
  const prepared: RemoteSelection = {
    ...found, client, id,
    release: () => void client.call({ kind: "release", selection: id }, { label }).promise.catch(() => undefined),
  };
  let values: Values = {};
  if (prepared.missing.length > 0) {
    const asked = await askValues(context, prepared.missing);
    if (asked === undefined) {
      prepared.release();
      return "cancelled";
    }
    values = asked;
  }
  return { doc, range, text, start, end, prepared, values, label };
}

/** Input box for the names the document does not define, pre-filled with the values last used here. */
async function askValues(context: vscode.ExtensionContext, missing: readonly string[]): Promise<Values | undefined> {
  const last = context.workspaceState.get<Values>(LAST_VALUES, {});
  const answer = await vscode.window.showInputBox({
    title: "GradLens: values for names not defined in the document",
    prompt: `Give a value for ${missing.join(", ")}`,
    value: formatValues(missing, last),
    ignoreFocusOut: true,
    validateInput: (t) => {
      const r = parseValues(t, missing);
      return "error" in r ? r.error : undefined;
    },
  });
  if (answer === undefined) return undefined;
  const r = parseValues(answer, missing);
  if ("error" in r) return undefined;
  await context.workspaceState.update(LAST_VALUES, { ...last, ...r.values });
  return r.values;
}

/**
 * Shows why a command failed: bad input (a GradLensError, its offsets in `doc`) in the output channel and a
 * notification offering to go to it; anything else is a bug of ours, said so rather than dropped.
 */
export function showFailure(context: vscode.ExtensionContext, doc: vscode.TextDocument, error: unknown): Failure {
  const out = outputChannel(context);
  const e = inDocument(error, doc.getText());
  if (e instanceof EvaluatorError && e.code !== "internal") {
    // The evaluator stopped, ran out of time, or lost the selection: said as it is, not as a bug.
    out.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: ${e.message}`);
    void vscode.window.showErrorMessage(`GradLens: ${e.message}`);
    return { kind: "error", message: e.message, line: 0, column: 0 };
  }
  if (!(e instanceof GradLensError)) {
    // An error from the worker carries the worker's stack in its message: the first line is for the notification.
    const full = e instanceof Error ? e.message : String(e), message = full.split("\n")[0];
    out.appendLine(`internal error: ${e instanceof Error && e.stack && !(e instanceof EvaluatorError) ? e.stack : full}`);
    void vscode.window.showErrorMessage(`GradLens: internal error: ${message}`);
    return { kind: "error", message, line: 0, column: 0 };
  }
  out.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: error: ${e.message}`);
  const at = new vscode.Range(doc.positionAt(e.start), doc.positionAt(Math.max(e.start, e.end)));
  void vscode.window.showErrorMessage(`GradLens: ${e.message}`, GO_TO_ERROR).then((pick) => {
    if (pick === GO_TO_ERROR) void vscode.window.showTextDocument(doc, { selection: at });
  });
  return { kind: "error", message: e.message, line: e.line, column: e.column };
}
