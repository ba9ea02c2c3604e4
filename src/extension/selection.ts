// Runs in the VS Code extension host: how Evaluate Selection, Visualize and Gradient-Check Selection take a
// selection, the same way: the editor's document text and range, read once; parsed and its free names resolved once
// by the notation (prepareSelection); values asked for the names the document does not give, in an input box
// pre-filled with the values last used in this workspace. Also how those commands show a failure.
import * as vscode from "vscode";
import { GradLensError, prepareSelection, type PreparedSelection } from "../notation";
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
  readonly prepared: PreparedSelection;
  /** Values typed for the names the document does not give (empty when it gives them all). */
  readonly values: Values;
}

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
  context: vscode.ExtensionContext, doc: vscode.TextDocument, range: vscode.Range, verb: string,
): Promise<TakenSelection | "cancelled"> {
  const documentText = doc.getText();
  const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
  const text = documentText.slice(start, end);
  if (!text.trim()) throw new GradLensError(`nothing to ${verb}: select an expression`, start, start, documentText);
  const prepared = prepareSelection(text, { documentText, selectionOffset: start, languageId: doc.languageId });
  // `max(x, y)`: say `max` is not a known function before asking for x and y.
  if (prepared.unknownCall !== undefined) throw prepared.unknownCall;
  let values: Values = {};
  if (prepared.missing.length > 0) {
    const asked = await askValues(context, prepared.missing);
    if (asked === undefined) return "cancelled";
    values = asked;
  }
  return { doc, range, text, start, end, prepared, values };
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
export function showFailure(context: vscode.ExtensionContext, doc: vscode.TextDocument, e: unknown): Failure {
  const out = outputChannel(context);
  if (!(e instanceof GradLensError)) {
    const message = e instanceof Error ? e.message : String(e);
    out.appendLine(`internal error: ${e instanceof Error && e.stack ? e.stack : message}`);
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
