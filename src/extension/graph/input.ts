// Runs in the evaluator worker (pure: no vscode import, so vitest covers it): what a graph draws, a tape and its
// target with a title, and a graphed selection evaluated again against its document's current text through the
// notation's one selection path (prepareSelection, then evaluate with the values the user typed).
import type { Tape } from "../../engine/tape";
import { prepareSelection, type Bounds, type SelectionResult } from "../../notation";
import { oneLine } from "../text";
import type { GraphSource } from "./source";

/** A tape and the node to draw it from, with the panel's title. */
export interface GraphInput {
  tape: Tape;
  target: number;
  title: string;
}

/** The graph of an evaluated selection. */
export function selectionInput(text: string, r: SelectionResult): GraphInput {
  return { tape: r.tape, target: r.target, title: `Graph: ${oneLine(text, 40)}` };
}

/**
 * A graphed selection as its document reads now (positions, hence node ranges, are the document's): names it takes
 * from the document follow edits there, the values the user typed stay.
 */
export function reevaluateSelection(s: Extract<GraphSource, { kind: "selection" }>, documentText: string, bounds?: Partial<Bounds>): GraphInput {
  const selection = prepareSelection(s.text, { documentText, selectionOffset: s.start, languageId: s.languageId });
  return selectionInput(s.text, selection.evaluate(s.values, bounds));
}
