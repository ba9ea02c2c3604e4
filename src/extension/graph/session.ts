// Runs in the evaluator worker (pure: no vscode, no Node): one graph view's state, next to its tape. The panel sends
// the webview's folding and explain messages there (../evaluation/worker/graphs.ts) and posts back what it returns,
// so folding and "explain" need no logic in the panel.
import type { Tape } from "../../engine/tape";
import { buildViewModel, DEFAULT_MAX_VISIBLE_NODES, explainGradient, explanationHighlight, type ModelOptions } from "../../graph";
import type { FromGraphView, GraphViewState, ToGraphView } from "../../protocol/graph";
import { HARD_MAX_EDGES, HARD_MAX_VISIBLE_NODES, type ViewModel } from "../../view/graph";

export class GraphSession {
  model: ViewModel;
  /** Folded groups chosen by the user; undefined while the automatic folding applies. */
  private folded: number[] | undefined;
  private budget: number;
  private maxEdges: number | undefined;

  constructor(private tape: Tape, private target: number, private opts: ModelOptions = {}) {
    this.budget = opts.maxVisibleNodes ?? DEFAULT_MAX_VISIBLE_NODES;
    this.maxEdges = opts.maxEdges;
    this.folded = opts.folded ? [...opts.folded] : undefined;
    this.model = this.build();
  }

  /** A new tape (the source changed): keep the user's folding where the groups still exist. */
  update(tape: Tape, target: number, claims?: ReadonlyMap<number, number>): ToGraphView {
    this.tape = tape;
    this.target = target;
    this.opts = { ...this.opts, claims };
    if (this.folded) this.folded = this.folded.filter((g) => g < tape.groups.length);
    this.model = this.build();
    return this.render();
  }

  /** The message that draws the current model. */
  render(state?: Partial<GraphViewState>): ToGraphView {
    return { type: "render", model: this.model, state };
  }

  /**
   * The answer to a webview message, if it is one this session handles (folding, explain); undefined for the
   * panel's own business (nodeClicked, export, ready, state).
   */
  handle(msg: FromGraphView): ToGraphView | undefined {
    switch (msg.type) {
      case "expand":
      case "collapse": {
        const current = new Set(this.model.groups.filter((g) => g.folded).map((g) => g.id));
        if (msg.type === "expand") {
          current.delete(msg.groupId);
          // One level at a time: the group's subgroups appear folded.
          for (const g of this.model.groups) if (g.parent === msg.groupId) current.add(g.id);
        } else {
          for (const g of [...current]) if (this.inside(g, msg.groupId)) current.delete(g);
          current.add(msg.groupId);
        }
        this.folded = [...current].sort((a, b) => a - b);
        break;
      }
      case "expandAll":
        this.folded = [];
        if (msg.confirmedLarge) {
          this.budget = HARD_MAX_VISIBLE_NODES;
          this.maxEdges = HARD_MAX_EDGES;
        }
        break;
      case "collapseAll":
        this.folded = undefined;
        this.budget = this.opts.maxVisibleNodes ?? DEFAULT_MAX_VISIBLE_NODES;
        this.maxEdges = this.opts.maxEdges;
        break;
      case "explain": {
        const ex = explainGradient(this.tape, this.target, msg.nodeId);
        const hl = explanationHighlight(this.model, ex, this.tape);
        return { type: "explanation", explanation: ex, highlight: { nodes: [...hl.nodes], edges: [...hl.edges] } };
      }
      default:
        return undefined;
    }
    this.model = this.build();
    return this.render();
  }

  /** Is group g inside group outer (strictly)? */
  private inside(g: number, outer: number): boolean {
    for (let p = this.tape.groups[g]?.parent ?? -1; p >= 0; p = this.tape.groups[p].parent) if (p === outer) return true;
    return false;
  }

  private build(): ViewModel {
    return buildViewModel(this.tape, this.target, {
      ...this.opts, maxVisibleNodes: this.budget, maxEdges: this.maxEdges, folded: this.folded,
    });
  }
}
