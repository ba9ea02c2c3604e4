// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): getting messages to the graph
// webview. A panel hidden without retained context has no page until it says "ready" again, so messages wait for a
// ready, visible page; a new render drops everything queued before it (only the newest drawing matters); and a
// render the page never answered ("rendered" or "renderFailed") because it went away is posted again when it is back.
import type { ToGraphView } from "../../protocol/graph";

export class GraphDelivery {
  private ready = false;
  /** Messages waiting for a ready, visible page. */
  private queue: ToGraphView[] = [];
  /** The last render posted and not yet answered: lost if the page went away meanwhile. */
  private unanswered: ToGraphView | undefined;

  constructor(private readonly post: (m: ToGraphView) => void, private readonly visible: () => boolean) {}

  send(msg: ToGraphView): void {
    if (msg.type === "render") this.queue = [];
    this.queue.push(msg);
    this.flush();
  }

  /** The page loaded (first time, shown again, or after a reload) and listens. */
  pageReady(): void {
    this.ready = true;
    // A render posted just as the panel hid (its visibility event comes late) never reached a live page.
    if (this.unanswered && !this.queue.some((m) => m.type === "render")) this.queue.unshift(this.unanswered);
    this.flush();
  }

  /** The panel hid: without retained context its page is gone. */
  pageGone(): void {
    this.ready = false;
  }

  /** The page drew the last render, or said why it could not. */
  answered(): void {
    this.unanswered = undefined;
  }

  private flush(): void {
    if (!this.ready || !this.visible()) return;
    const out = this.queue;
    this.queue = [];
    for (const m of out) {
      if (m.type === "render") this.unanswered = m;
      this.post(m);
    }
  }
}
