// Runs in the VS Code extension host (no vscode import): one graph view's session, kept in an evaluator worker with
// its tape (GraphSession, ./session.ts, runs there). The panel asks it to draw a source and passes on the view's
// folding and explain messages; view models, renders and explanations come back. A session whose worker restarted
// is gone: the next draw starts a new one, and an action on it fails as "lost" so the panel draws afresh.
import type { EvaluatorClient } from "../evaluation/client";
import { EvaluatorError } from "../evaluation/errors";
import type { EvaluatorPool } from "../evaluation/pool";
import type { GraphAction, GraphOpened, Limit, PlainBounds } from "../evaluation/protocol";
import type { ToGraphView } from "../../protocol/graph";
import type { GraphAsk } from "./ask";

export interface DrawOptions {
  /** Keep the session's folding (a redraw of the same source after an edit). */
  keep: boolean;
  /** The worker to draw in (a prepared selection lives there); else the session's own, or an idle one. */
  client?: EvaluatorClient;
  focus?: { node?: number; offset?: number };
  bounds: PlainBounds;
  maxVisibleNodes: number;
  limit: Limit;
}

export class RemoteGraph {
  /** The session, once a worker answered a draw: gone when that worker has restarted since. */
  private session: { client: EvaluatorClient; id: number; generation: number } | undefined;
  /** Draws started: only the newest one's session is kept (an older one may answer later). */
  private draws = 0;

  constructor(private readonly pool: EvaluatorPool) {}

  private live(): { client: EvaluatorClient; id: number } | undefined {
    const s = this.session;
    return s !== undefined && s.client.generation === s.generation ? s : undefined;
  }

  async draw(ask: GraphAsk, o: DrawOptions): Promise<GraphOpened> {
    const n = ++this.draws, live = this.live();
    const keep = o.keep && live !== undefined && (o.client === undefined || o.client === live.client);
    if (!keep) this.close();
    const client = keep ? live.client : (o.client ?? this.pool.place());
    const id = keep ? live.id : this.pool.sessionId();
    const request = { kind: "graphOpen", graph: id, spec: ask.spec, bounds: o.bounds, maxVisibleNodes: o.maxVisibleNodes, keep, focus: o.focus } as const;
    const opened = await client.call(request, { label: ask.label, limit: o.limit, text: ask.text, cancellable: true }).promise;
    if (n === this.draws) this.session = { client, id, generation: client.generation };
    return opened;
  }

  /** The session's answer to a folding or explain message; throws EvaluatorError "lost" when the session is gone. */
  async act(action: GraphAction, label: string, limit: Limit): Promise<ToGraphView | null> {
    const live = this.live();
    if (live === undefined) throw new EvaluatorError("lost", "the graph's evaluator restarted");
    return live.client.call({ kind: "graphAction", graph: live.id, action }, { label, limit }).promise;
  }

  close(): void {
    const live = this.live();
    this.session = undefined;
    if (live !== undefined) void live.client.call({ kind: "graphClose", graph: live.id }, { label: "a closed graph" }).promise.catch(() => undefined);
  }
}
