// Runs in the VS Code extension host: the one evaluation of each open `.nn.ts` document that hovers, diagnostics,
// CodeLens and inlay hints share. Cached by uri, version and bounds; edits re-evaluate after a debounce, and
// listeners hear when a document's result changes.
import type * as TS from "typescript";
import * as vscode from "vscode";
import { evaluateDocument, type DocumentResult } from "../../notation";
import { parse } from "../../notation/parse";
import { SETTINGS } from "../ids";
import { isNnDocument, readSettings } from "./settings";

export interface Evaluation {
  uri: string;
  version: number;
  result: DocumentResult;
  /** Parsed file; undefined when it does not parse (the result then holds the syntax errors). */
  sf: TS.SourceFile | undefined;
  /** Milliseconds the evaluation took. */
  ms: number;
}

export class DocumentService implements vscode.Disposable {
  private readonly cache = new Map<string, Evaluation & { bounds: string }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subs: vscode.Disposable[] = [];
  /** Fires (after the debounce) when a document's evaluation changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subs.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isNnDocument(e.document) && e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => isNnDocument(d) && this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SETTINGS)) return;
        for (const d of vscode.workspace.textDocuments) if (isNnDocument(d)) this.schedule(d, 0);
      }),
    );
  }

  /** The evaluation of the document as it is now (evaluating it when the cache has no current one). */
  get(doc: vscode.TextDocument): Evaluation {
    const key = doc.uri.toString();
    const settings = readSettings();
    const bounds = JSON.stringify(settings.bounds);
    const hit = this.cache.get(key);
    if (hit !== undefined && hit.version === doc.version && hit.bounds === bounds) return hit;
    const text = doc.getText();
    const t0 = performance.now();
    const result = evaluateDocument(text, { uri: key, version: doc.version, bounds: settings.bounds });
    let sf: TS.SourceFile | undefined;
    try {
      sf = parse(text, { uri: key, version: doc.version });
    } catch {
      sf = undefined;
    }
    const ev = { uri: key, version: doc.version, result, sf, ms: performance.now() - t0, bounds };
    this.cache.set(key, ev);
    return ev;
  }

  /**
   * The evaluation once edits have settled: while a re-evaluation is pending (typing), wait for it instead of
   * evaluating on every keystroke. CodeLens and inlay hints ask through this; hovers ask get() directly.
   */
  settled(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Evaluation | undefined> {
    const key = doc.uri.toString();
    if (!this.timers.has(key)) return Promise.resolve(this.get(doc));
    return new Promise((resolve) => {
      const done = (ev: Evaluation | undefined) => {
        sub.dispose();
        cancel?.dispose();
        resolve(ev);
      };
      const sub = this.onDidChange((uri) => uri.toString() === key && done(doc.isClosed ? undefined : this.get(doc)));
      const cancel = token?.onCancellationRequested(() => done(undefined));
    });
  }

  /** Re-evaluate after `ms` of quiet, then tell listeners. */
  schedule(doc: vscode.TextDocument, ms = readSettings().debounceMs): void {
    const key = doc.uri.toString();
    const old = this.timers.get(key);
    if (old !== undefined) clearTimeout(old);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (doc.isClosed) return;
      this.get(doc);
      this.changed.fire(doc.uri);
    }, ms));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
  }
}
