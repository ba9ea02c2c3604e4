// Runs in the VS Code extension host: **GradLens: Evaluate Selection**. Evaluates the selection (or the current line)
// with the notation, asks for names it cannot find, writes value and gradients to the GradLens output channel and
// shows a short notification. Returns an outcome so tests and other commands can read what it showed.
import * as vscode from "vscode";
import { evaluateSelection, freeNames } from "../../notation";
import { GradLensError } from "../../notation/errors";
import { outputChannel } from "../output";
import { formatValues, parseValues, type Values } from "../values";
import { formatFull, formatNumber } from "../../view/format";

export const EVALUATE_SELECTION = "gradlens.evaluateSelection";
const LAST_VALUES = "gradlens.lastValues";
const SHOW_OUTPUT = "Show Output";
const GO_TO_ERROR = "Go to Error";

export type EvaluateOutcome =
  | { readonly kind: "value"; readonly value: number; readonly grads: Readonly<Record<string, number>>; readonly text: string }
  | { readonly kind: "error"; readonly message: string; readonly line: number; readonly column: number }
  | { readonly kind: "cancelled" };

export function registerEvaluateSelection(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(EVALUATE_SELECTION, () => evaluate(context)));
}

/**
 * A number as people read it, NaN/Infinity called out: in full (the output channel) or to 12 significant digits
 * (the notification, where 0.30000000000000004 would only distract).
 */
function readable(v: number, full = false): string {
  const text = full ? formatFull(v) : formatNumber(v, 12);
  return Number.isFinite(v) ? text : `${text} ⚠`;
}

async function evaluate(context: vscode.ExtensionContext): Promise<EvaluateOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage("GradLens: open an editor and select an expression to evaluate.");
    return { kind: "cancelled" };
  }
  const doc = editor.document;
  const range = editor.selection.isEmpty ? doc.lineAt(editor.selection.active.line).range : editor.selection;
  const text = doc.getText(range);
  const where = { documentText: doc.getText(), selectionOffset: doc.offsetAt(range.start), languageId: doc.languageId };
  const out = outputChannel(context);
  try {
    if (!text.trim()) throw new GradLensError("nothing to evaluate: select an expression", where.selectionOffset, where.selectionOffset, where.documentText);
    const { missing } = freeNames(text, where);
    let values: Values = {};
    if (missing.length) {
      const asked = await askValues(context, missing);
      if (!asked) return { kind: "cancelled" };
      values = asked;
    }
    const result = evaluateSelection(text, { ...where, values });
    const grads: Record<string, number> = {};
    const lines = [`${vscode.workspace.asRelativePath(doc.uri)}:${range.start.line + 1}  ${oneLine(text)}`];
    lines.push(`  value = ${readable(result.value, true)}`);
    for (const leaf of result.leaves) {
      grads[leaf.name] = leaf.grad;
      const found = result.foundNames.find((f) => f.name === leaf.name);
      const from = found ? `, from line ${found.line}` : leaf.name in values ? ", entered" : "";
      lines.push(`  ∂/∂${leaf.name} = ${readable(leaf.grad, true)}   (${leaf.name} = ${readable(leaf.value, true)}${from})`);
    }
    for (const w of result.warnings) lines.push(`  warning: ${w.message} (line ${w.line}:${w.column})`);
    const shown = lines.join("\n");
    out.appendLine(shown);
    const gradText = result.leaves.map((l) => `∂/∂${l.name} = ${readable(l.grad)}`).join(", ");
    const message = `GradLens: value ${readable(result.value)}${gradText ? `; ${gradText}` : ""}`;
    void vscode.window.showInformationMessage(message, SHOW_OUTPUT).then((pick) => pick === SHOW_OUTPUT && out.show(true));
    return { kind: "value", value: result.value, grads, text: shown };
  } catch (e) {
    if (!(e instanceof GradLensError)) {
      // A bug of ours, not bad input: say so rather than fail silently.
      const message = e instanceof Error ? e.message : String(e);
      out.appendLine(`internal error: ${e instanceof Error && e.stack ? e.stack : message}`);
      void vscode.window.showErrorMessage(`GradLens: internal error: ${message}`);
      return { kind: "error", message, line: 0, column: 0 };
    }
    out.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: error: ${e.message}`);
    // The error's offsets are in the document (documentText was given), so its range can be revealed there.
    const at = new vscode.Range(doc.positionAt(e.start), doc.positionAt(Math.max(e.start, e.end)));
    void vscode.window.showErrorMessage(`GradLens: ${e.message}`, GO_TO_ERROR).then((pick) => {
      if (pick !== GO_TO_ERROR) return;
      void vscode.window.showTextDocument(doc, { selection: at });
    });
    return { kind: "error", message: e.message, line: e.line, column: e.column };
  }
}

/** Input box for the names the document does not define, pre-filled with the values last used here. */
export async function askValues(context: vscode.ExtensionContext, missing: readonly string[]): Promise<Values | undefined> {
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

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}
