// Runs in the evaluator worker (no Node, no vscode): the graph views' sessions. Each holds its tape here (the tape
// never crosses to the host); the host gets view models, renders and explanations, and sends back the view's
// folding and explain messages, which GraphSession answers.
import type { Tape } from "../../../engine/tape";
import { nodeAt } from "../../../notation";
import type { ToGraphView } from "../../../protocol/graph";
import { reevaluateSelection } from "../../graph/input";
import { GraphSession } from "../../graph/session";
import type { GraphAction, GraphOpened, Limit, PlainBounds, Request } from "../protocol";
import { firstError, type Documents } from "./documents";
import { hooked, type Fence } from "./fence";
import { LostError, type Selections } from "./selections";

/** Graph sessions kept (the host closes its panel's; a few extra survive a lost close). */
const MAX_SESSIONS = 4;

interface Drawn {
  tape: Tape;
  target: number;
  targetName?: string;
  /** A program's own autograd (its gradients by node), drawn beside the true ones. */
  claims?: ReadonlyMap<number, number>;
}

export class Graphs {
  private readonly sessions = new Map<number, GraphSession>();

  constructor(private readonly documents: Documents, private readonly selections: Selections) {}

  open(req: Extract<Request, { kind: "graphOpen" }>, fence: Fence, limit: Limit | undefined): GraphOpened {
    const { tape, target, targetName, claims } = this.evaluate(req.spec, req.bounds, fence, limit);
    const old = this.sessions.get(req.graph);
    let session: GraphSession;
    if (req.keep && old !== undefined) {
      session = old;
      session.update(tape, target, claims);
    } else {
      session = new GraphSession(tape, target, { maxVisibleNodes: req.maxVisibleNodes, ...(claims ? { claims } : {}) });
    }
    this.sessions.delete(req.graph);
    this.sessions.set(req.graph, session);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as number);
    const out: GraphOpened = { render: { type: "render", model: session.model }, target, value: tape.val[target], targetName };
    const f = req.focus;
    if (f !== undefined) {
      const n = f.node !== undefined && f.node < tape.n ? f.node : nodeAt(tape, f.offset ?? -1);
      if (n >= 0) {
        out.focused = n;
        const reply = session.handle({ type: "explain", nodeId: n });
        if (reply?.type === "explanation" && reply.explanation.pathCount > 0) out.explanation = reply;
      }
    }
    return out;
  }

  action(graph: number, action: GraphAction): ToGraphView | null {
    const s = this.sessions.get(graph);
    if (s === undefined) throw new LostError("the graph's evaluator restarted: drawing it again");
    return s.handle(action) ?? null;
  }

  close(graph: number): void {
    this.sessions.delete(graph);
  }

  private evaluate(spec: Extract<Request, { kind: "graphOpen" }>["spec"], bounds: PlainBounds, fence: Fence, limit: Limit | undefined): Drawn {
    switch (spec.kind) {
      case "document": {
        const ev = this.documents.evaluation(spec.doc, bounds, fence, limit);
        const r = ev.result;
        // A program of its own autograd draws what its `root.backward()` computed, with both gradients.
        const own = r.target === undefined ? r.learnerGraph : undefined;
        if (own !== undefined) return { tape: own.tape, target: own.root, targetName: "your autograd's root", claims: own.claims };
        if (r.target === undefined) throw firstError(ev, "has no target to draw: end it with an expression or assign `loss`");
        return { tape: r.tape, target: r.target, targetName: r.targetName };
      }
      case "selection": {
        const r = reevaluateSelection(spec.source, spec.documentText, hooked(bounds));
        return { tape: r.tape, target: r.target };
      }
      case "prepared": {
        const r = this.selections.get(spec.selection).evaluate(spec.values, hooked(bounds));
        return { tape: r.tape, target: r.target };
      }
    }
  }
}
