// Runs in the VS Code extension host: **GradLens: Evaluate Selection**. Evaluates the selection (or the current line)
// with the notation in an evaluator worker, asks for names it cannot find, writes value and gradients to the GradLens
// output channel and shows a short notification. The selection is taken as the other selection commands take it
// (../selection.ts).
// Returns an outcome, the command's result, saying what it showed.
import * as vscode from "vscode";
import type { EvaluatorPool } from "../evaluation/pool";
import { COMMANDS } from "../ids";
import { outputChannel } from "../output";
import { showPrinted } from "../editor/printed";
import { readSettings } from "../editor/settings";
import { selectionOrLine, showFailure, takeSelection, type Failure } from "../selection";
import { oneLine } from "../text";
import { formatFull, formatNumber } from "../../view/format";
import { constantsHint } from "../../view/hints";

const SHOW_OUTPUT = "Show Output";

export type EvaluateOutcome =
  | { readonly kind: "value"; readonly value: number; readonly grads: Readonly<Record<string, number>>; readonly text: string }
  | Failure
  | { readonly kind: "cancelled" };

export function registerEvaluateSelection(context: vscode.ExtensionContext, pool: EvaluatorPool): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.evaluateSelection, () => evaluate(context, pool)));
}

/**
 * A number as people read it, NaN/Infinity called out: in full (the output channel) or to 12 significant digits
 * (the notification, where 0.30000000000000004 would only distract).
 */
function readable(v: number, full = false): string {
  const text = full ? formatFull(v) : formatNumber(v, 12);
  return Number.isFinite(v) ? text : `${text} ⚠`;
}

async function evaluate(context: vscode.ExtensionContext, pool: EvaluatorPool): Promise<EvaluateOutcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage("GradLens: open an editor and select an expression to evaluate.");
    return { kind: "cancelled" };
  }
  const doc = editor.document;
  try {
    const taken = await takeSelection(context, pool, doc, selectionOrLine(editor), "evaluate");
    if (taken === "cancelled") return { kind: "cancelled" };
    const { text, values, prepared } = taken;
    const settings = readSettings();
    const result = await prepared.client.call(
      { kind: "evaluateSelection", selection: prepared.id, values, bounds: settings.bounds }, { label: taken.label, limit: settings.limits.selection },
    ).promise.finally(prepared.release);
    const where = `${vscode.workspace.asRelativePath(doc.uri)}:${taken.range.start.line + 1}`;
    showPrinted(context, where, result.output);
    const lines = [`${where}  ${oneLine(text, 80)}`];
    lines.push(`  value = ${readable(result.value, true)}`);
    for (const leaf of result.leaves) {
      const found = result.foundNames.find((f) => f.name === leaf.name);
      const from = found ? `, from line ${found.line}` : Object.hasOwn(values, leaf.name) ? ", entered" : "";
      lines.push(`  ∂/∂${leaf.name} = ${readable(leaf.grad, true)}   (${leaf.name} = ${readable(leaf.value, true)}${from})`);
    }
    const hint = constantsHint(result.constants, "select only the expression: GradLens then reads their values from the lines above it, or asks");
    if (hint !== undefined) lines.push(`  note: ${hint}`);
    for (const w of result.warnings) lines.push(`  warning: ${w.message} (line ${w.line}:${w.column})`);
    const shown = lines.join("\n");
    const out = outputChannel(context);
    out.appendLine(shown);
    const gradText = result.leaves.map((l) => `∂/∂${l.name} = ${readable(l.grad)}`).join(", ");
    const consts = hint === undefined ? "" : `; ${result.constants.map((c) => c.name).join(", ")} assigned in the selection: constants, no gradient (see Output)`;
    const message = `GradLens: value ${readable(result.value)}${gradText ? `; ${gradText}` : ""}${consts}`;
    void vscode.window.showInformationMessage(message, SHOW_OUTPUT).then((pick) => pick === SHOW_OUTPUT && out.show(true));
    // fromEntries makes own keys, so a leaf called `__proto__` is kept like any other.
    const grads = Object.fromEntries(result.leaves.map((l) => [l.name, l.grad]));
    return { kind: "value", value: result.value, grads, text: shown };
  } catch (e) {
    return showFailure(context, doc, e);
  }
}
