// Runs anywhere (extension host, CLI, tests): the graph view's pure core. From a tape to a view model (grouped,
// folded to a budget), "explain this gradient", and the Mermaid (and Graphviz DOT) text of a tape (src/view's generators).
import type { Tape } from "../engine/tape";
import { toDot } from "../view/dot";
import { toMermaid, type LabelOptions } from "../view/mermaid";
import { buildViewModel, type ModelOptions } from "./model";

export * from "./model";
export * from "./explain";

/**
 * Mermaid flowchart of everything the target depends on: leaves with name, value and gradient, operations with
 * symbol, value and gradient, edges labelled with local derivatives (`x * x` draws two edges). Gradients are the
 * tape's current ones: call tape.backward(target) first. Large graphs fold to opts.maxVisibleNodes.
 */
export function renderMermaid(tape: Tape, target: number, opts: LabelOptions & ModelOptions = {}): string {
  return toMermaid(buildViewModel(tape, target, opts), opts);
}

/** The same graph as renderMermaid's, as Graphviz DOT text (src/view/dot.ts). */
export function renderDot(tape: Tape, target: number, opts: LabelOptions & ModelOptions = {}): string {
  return toDot(buildViewModel(tape, target, opts), opts);
}
