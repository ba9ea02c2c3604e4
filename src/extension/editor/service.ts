// Runs in the VS Code extension host: the one evaluation of each open `.nn.ts` document that hovers, diagnostics,
// CodeLens and inlay hints share. It evaluates nothing here: each question goes to the evaluator workers with the
// document's uri and version (the text rides along once per version), and the worker answers from one cached
// evaluation. An edit cancels the evaluation of the version before it; after a debounce the new version's summary
// (problems, lenses) is asked for and listeners hear of it.
import * as vscode from "vscode";
import type { HoverModel } from "../../editor-model/hover";
import type { InlayModel } from "../../editor-model/inlays";
import type { TrainSettings } from "../../notation";
import { EvaluatorError, isCancelled } from "../evaluation/errors";
import type { EvaluatorPool } from "../evaluation/pool";
import type { Request, RequestKind, Results, Summary } from "../evaluation/protocol";
import { SETTINGS } from "../ids";
import { isNnDocument, readSettings, type EditorSettings } from "./settings";

interface Known {
  version: number;
  /** The settings it was evaluated under: a change evaluates again. */
  key: string;
  summary: Summary;
  /** The evaluation failed for a reason other than the file (the worker stopped): not asked again for this version. */
  failed: boolean;
}

const keyOf = (s: EditorSettings): string => JSON.stringify([s.bounds, s.digits, s.limits.editor.ms]);

export class DocumentService implements vscode.Disposable {
  private readonly known = new Map<string, Known>();
  private readonly inflight = new Map<string, { version: number; key: string; promise: Promise<Summary | undefined> }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subs: vscode.Disposable[] = [];
  /** Fires (after the debounce) when a document's summary changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly pool: EvaluatorPool, private readonly log: (line: string) => void) {
    this.subs.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isNnDocument(e.document) || e.contentChanges.length === 0) return;
        // A newer edit cancels the evaluation of an older one at once, not after the debounce.
        this.pool.cancelStale(e.document.uri.toString(), e.document.version);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => isNnDocument(d) && this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SETTINGS)) return;
        for (const d of vscode.workspace.textDocuments) if (isNnDocument(d)) this.schedule(d, 0);
      }),
    );
  }

  /** The summary of the document as it is now, if it is known already. */
  current(doc: vscode.TextDocument): Summary | undefined {
    const k = this.known.get(doc.uri.toString());
    return k?.version === doc.version && k.key === keyOf(readSettings()) ? k.summary : undefined;
  }

  /** The summary of the document as it is now: known, being evaluated, or asked for now. Undefined if cancelled. */
  summary(doc: vscode.TextDocument): Promise<Summary | undefined> {
    const settings = readSettings(), key = keyOf(settings), uri = doc.uri.toString(), version = doc.version;
    const hit = this.current(doc);
    if (hit !== undefined) return Promise.resolve(hit);
    const f = this.inflight.get(uri);
    if (f?.version === version && f.key === key) return f.promise;
    const job = this.ask(doc, { kind: "summary", doc: { uri, version }, bounds: settings.bounds, digits: settings.digits }, settings);
    const promise = job.then((summary) => {
      this.known.set(uri, { version, key, summary, failed: false });
      return summary;
    }, (e: unknown) => {
      if (isCancelled(e)) return undefined;
      // The worker stopped, ran out of time where it could not be interrupted, or hit a bug of ours: say so in
      // Problems, at the top (a bug's worker stack goes to the output channel).
      const full = e instanceof Error ? e.message : String(e), internal = !(e instanceof EvaluatorError) || e.code === "internal";
      if (internal) this.log(`summary ${vscode.workspace.asRelativePath(doc.uri)}: ${full}`);
      const message = internal ? `GradLens internal error: ${full.split("\n")[0]}` : full;
      const problem = { start: 0, end: Math.min(1, doc.getText().length), message, severity: "error", code: internal ? "error" : "bound" } as const;
      const summary: Summary = { problems: [problem], lenses: [], ms: 0 };
      this.known.set(uri, { version, key, summary, failed: true });
      return summary;
    }).finally(() => {
      if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
    });
    this.inflight.set(uri, { version, key, promise });
    return promise;
  }

  /**
   * The summary once edits have settled: while a re-evaluation is pending (typing), wait for it instead of asking on
   * every keystroke. CodeLens and inlay hints ask through this.
   */
  settled(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Summary | undefined> {
    const key = doc.uri.toString();
    if (!this.timers.has(key)) return this.summary(doc);
    return new Promise((resolve) => {
      const done = (s: Summary | undefined) => {
        sub.dispose();
        cancel?.dispose();
        resolve(s);
      };
      const sub = this.onDidChange((uri) => uri.toString() === key && done(doc.isClosed ? undefined : this.current(doc)));
      const cancel = token?.onCancellationRequested(() => done(undefined));
    });
  }

  /** The hover at `offset`; undefined when there is none or the evaluation cannot answer. */
  async hover(doc: vscode.TextDocument, offset: number): Promise<HoverModel | undefined> {
    const s = readSettings();
    const r = await this.quietly(doc, { kind: "hover", doc: this.ref(doc), bounds: s.bounds, offset, digits: s.digits }, s);
    return r ?? undefined;
  }

  async inlays(doc: vscode.TextDocument, from: number, to: number): Promise<InlayModel[]> {
    const s = readSettings();
    return (await this.quietly(doc, { kind: "inlays", doc: this.ref(doc), bounds: s.bounds, from, to, digits: s.digits }, s)) ?? [];
  }

  /** The gradient-check report of the file's target; throws EvaluatorError (bad input positioned in the file). */
  report(doc: vscode.TextDocument, title: string): Promise<Results["documentReport"]> {
    const s = readSettings();
    return this.ask(doc, { kind: "documentReport", doc: this.ref(doc), bounds: s.bounds, title, check: s.gradcheck }, s, s.limits.check);
  }

  /** The file's train({...}) settings, if it has any. */
  async trainSettings(doc: vscode.TextDocument): Promise<TrainSettings | undefined> {
    const s = readSettings();
    return (await this.ask(doc, { kind: "trainSettings", doc: this.ref(doc), bounds: s.bounds }, s)) ?? undefined;
  }

  /** The lines the file printed when it was evaluated (Python's print). */
  output(doc: vscode.TextDocument): Promise<string[]> {
    const s = readSettings();
    return this.ask(doc, { kind: "output", doc: this.ref(doc), bounds: s.bounds }, s);
  }

  /** Re-evaluate after `ms` of quiet, then tell listeners. */
  schedule(doc: vscode.TextDocument, ms = readSettings().debounceMs): void {
    const key = doc.uri.toString();
    const old = this.timers.get(key);
    if (old !== undefined) clearTimeout(old);
    const timer = setTimeout(() => {
      void this.summary(doc).then((s) => {
        // Fired once the timer is gone (unless a newer edit set another), so that settled() answers at once.
        if (this.timers.get(key) === timer) this.timers.delete(key);
        if (s !== undefined && !doc.isClosed) this.changed.fire(doc.uri);
      });
    }, ms);
    this.timers.set(key, timer);
  }

  private ref(doc: vscode.TextDocument): { uri: string; version: number } {
    return { uri: doc.uri.toString(), version: doc.version };
  }

  private ask<K extends RequestKind>(
    doc: vscode.TextDocument, request: Extract<Request, { kind: K }>, s: EditorSettings, limit = s.limits.editor,
  ): Promise<Results[K]> {
    return this.pool.document(request, { label: vscode.workspace.asRelativePath(doc.uri), limit, text: doc.getText() }).promise;
  }

  /** An answer for a provider: undefined when cancelled or failed (the failure shows in Problems, once). */
  private async quietly<K extends RequestKind>(doc: vscode.TextDocument, request: Extract<Request, { kind: K }>, s: EditorSettings): Promise<Results[K] | undefined> {
    const k = this.known.get(doc.uri.toString());
    // This version stopped a worker once: asking again would stop it again.
    if (k?.failed && k.version === doc.version) return undefined;
    try {
      return await this.ask(doc, request, s);
    } catch (e) {
      if (!isCancelled(e)) this.log(`${request.kind} ${vscode.workspace.asRelativePath(doc.uri)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.known.delete(key);
    this.inflight.delete(key);
    this.pool.forget(key);
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
  }
}
