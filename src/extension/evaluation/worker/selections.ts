// Runs in the evaluator worker (no Node, no vscode): selections prepared for Evaluate Selection, Visualize and
// Gradient-Check Selection. Parsed and their free names resolved once (prepare); the host asks the user for the
// missing names and then evaluates, checks or draws the same prepared selection with the values.
import { selectionReport } from "../../../editor-model/report";
import { prepareSelection, type PreparedSelection } from "../../../notation";
import type { CheckOptions, PlainBounds, Results, SelectionValue } from "../protocol";
import { hooked } from "./fence";

/** The session a request names is gone (its worker restarted, or it was released). */
export class LostError extends Error {}

/** Prepared selections kept (released by the host after use; the oldest go first if it forgets). */
const MAX_PREPARED = 16;

export class Selections {
  private readonly prepared = new Map<number, PreparedSelection>();

  prepare(id: number, text: string, documentText: string, offset: number, languageId: string): Results["prepare"] {
    const p = prepareSelection(text, { documentText, selectionOffset: offset, languageId });
    // `max(x, y)`: say `max` is not a known function before the host asks for x and y.
    if (p.unknownCall !== undefined) throw p.unknownCall;
    this.prepared.set(id, p);
    if (this.prepared.size > MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value as number);
    return { found: [...p.found], missing: [...p.missing] };
  }

  get(id: number): PreparedSelection {
    const p = this.prepared.get(id);
    if (p === undefined) throw new LostError(`the selection was evaluated by an evaluator that has since restarted: run the command again`);
    return p;
  }

  evaluate(id: number, values: Record<string, number>, bounds: PlainBounds): SelectionValue {
    const r = this.get(id).evaluate(values, hooked(bounds));
    return {
      value: r.value, leaves: r.leaves.map(({ name, node, value, grad, kind }) => ({ name, node, value, grad, kind })),
      foundNames: r.foundNames.map(({ name, value, line }) => ({ name, value, line })),
      constants: r.constants.map(({ name, value }) => ({ name, value })), warnings: [...r.warnings], output: [...r.output],
    };
  }

  report(id: number, values: Record<string, number>, bounds: PlainBounds, title: string, check: CheckOptions): Results["selectionReport"] {
    return selectionReport(this.get(id), values, title, check, hooked(bounds));
  }

  release(id: number): void {
    this.prepared.delete(id);
  }
}
