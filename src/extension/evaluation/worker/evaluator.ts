// Runs in the evaluator worker (no Node, no vscode: a browser Web Worker could host it): answers the host's
// requests one at a time, each under its own fence (time limit, cancel flag), and replies with plain data or a
// plain error. Everything that evaluates user code in GradLens's editor features runs here.
import { GradLensError, type FileReader } from "../../../notation";
import { SettingsError } from "../../../train";
import { isEnvelope } from "../guards";
import type { Envelope, FromWorker, PlainError, Request, Results } from "../protocol";
import { CancelledError, Documents, hover, inlays, InputError, NoTextError, report, summary, trainSettings } from "./documents";
import { Fence, within } from "./fence";
import { Graphs } from "./graphs";
import { LostError, Selections } from "./selections";
import { Trainings } from "./training";

export class Evaluator {
  private readonly documents: Documents;
  private readonly selections = new Selections();
  private readonly graphs: Graphs;
  private readonly trainings: Trainings;

  /** `readerFor` gives a document what its load(...) reads (Node's entry reads its folder); none: load refuses. */
  constructor(private readonly post: (m: FromWorker) => void, readerFor?: (uri: string) => FileReader | undefined) {
    this.documents = new Documents(readerFor);
    this.graphs = new Graphs(this.documents, this.selections);
    this.trainings = new Trainings(post, readerFor);
  }

  /** One message from the host: checked, answered, replied to. */
  handle(raw: unknown): void {
    if (!isEnvelope(raw)) {
      const id = typeof raw === "object" && raw !== null && Number.isInteger((raw as { id?: unknown }).id) ? (raw as { id: number }).id : -1;
      this.post({ type: "reply", id, ok: false, error: { code: "internal", message: "the evaluator received a malformed request" } });
      return;
    }
    const fence = new Fence(raw.limit, raw.cancel);
    try {
      const result = within(fence, () => this.answer(raw, fence));
      this.post({ type: "reply", id: raw.id, ok: true, result });
    } catch (e) {
      this.post({ type: "reply", id: raw.id, ok: false, error: plainError(e, fence) });
    }
  }

  private answer(env: Envelope, fence: Fence): Results[Request["kind"]] {
    const r = env.request, limit = env.limit;
    switch (r.kind) {
      case "summary": return summary(this.documents.evaluation(r.doc, r.bounds, fence, limit), r.digits);
      case "hover": return hover(this.documents.evaluation(r.doc, r.bounds, fence, limit), r.offset, r.digits);
      case "inlays": return inlays(this.documents.evaluation(r.doc, r.bounds, fence, limit), r.from, r.to, r.digits);
      case "documentReport": return report(this.documents.evaluation(r.doc, r.bounds, fence, limit), r.title, r.check);
      case "trainSettings": return trainSettings(this.documents.evaluation(r.doc, r.bounds, fence, limit));
      case "output": return [...this.documents.evaluation(r.doc, r.bounds, fence, limit).result.output];
      case "forget": this.documents.forget(r.uri); return null;
      case "prepare": return this.selections.prepare(r.selection, r.text, r.documentText, r.offset, r.languageId);
      case "evaluateSelection": return this.selections.evaluate(r.selection, r.values, r.bounds);
      case "selectionReport": return this.selections.report(r.selection, r.values, r.bounds, r.title, r.check);
      case "release": this.selections.release(r.selection); return null;
      case "graphOpen": return this.graphs.open(r, fence, limit);
      case "graphAction": return this.graphs.action(r.graph, r.action);
      case "graphClose": this.graphs.close(r.graph); return null;
      case "trainStart": return this.trainings.start(r);
      case "trainControl": return this.trainings.control(r.session, r.action);
      case "trainEdits": return this.trainings.edits(r.session);
      case "compareStart": return this.trainings.compare(r);
      case "compareCancel": this.trainings.cancelCompare(r.session); return null;
    }
  }
}

/** An exception as plain data: what kind of failure, its message, and for bad input its position. */
export function plainError(e: unknown, fence: Fence): PlainError {
  if (e instanceof CancelledError || fence.fired === "cancelled") return { code: "cancelled", message: "cancelled: a newer edit replaced this evaluation" };
  if (e instanceof GradLensError) return { code: "input", message: e.message, reason: e.reason, start: e.start, end: e.end };
  if (e instanceof InputError || e instanceof SettingsError) return { code: "input", message: e.message };
  if (e instanceof LostError) return { code: "lost", message: e.message };
  if (e instanceof NoTextError) return { code: "noText", message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  // The engine's own range checks (an invalid array length, a stack overflow outside the interpreter) are input too big.
  if (e instanceof RangeError) return { code: "input", message: `too large to evaluate: ${message}` };
  return { code: "internal", message: e instanceof Error && e.stack ? e.stack : message };
}
