// Runs in the VS Code extension host: the training view's state behind the webview. The session (or comparison)
// runs in training's evaluator worker (./remote.ts); here the form becomes a validated config, the worker's snapshots
// go to the view (the latest re-posted whenever a view (re)appears), and the settings stay in workspaceState so they
// survive a window reload.
import * as vscode from "vscode";
import { isTrainForm, isTrainingSnapshot, type FromTrainingView, type ToTrainingView } from "../../protocol/training";
import { assertNever, decodeNumbers, encodeNumbers } from "../../protocol/wire";
import { DEFAULT_SETTINGS, SettingsError, parsePresetSource, parseSettings, settingsFromFile, type DatasetChoice, type TrainConfig } from "../../train";
import type { CompareSnapshot, TrainForm, TrainingSnapshot } from "../../view/training";
import type { DocumentService } from "../editor/service";
import { showFilePrinted } from "../editor/printed";
import { isNnPath, readSettings } from "../editor/settings";
import type { Stopped } from "../evaluation/client";
import type { EvaluatorPool } from "../evaluation/pool";
import type { TrainAction } from "../evaluation/protocol";
import { COMMANDS } from "../ids";
import { outputChannel } from "../output";
import { RemoteComparison, RemoteTraining } from "./remote";
import { defaultForm, trainChoices } from "./view-model";

const FORM_KEY = "gradlens.training.form";
const DOC_KEY = "gradlens.training.document";
const SNAPSHOT_KEY = "gradlens.training.lastSnapshot";

export class TrainingController implements vscode.Disposable {
  private session: RemoteTraining | undefined;
  private comparison: RemoteComparison | undefined;
  private form: TrainForm;
  private documentUri: vscode.Uri | undefined;
  private last: TrainingSnapshot | undefined;
  private lastCompare: CompareSnapshot | undefined;
  private post: ((m: ToTrainingView) => void) | undefined;
  private readonly subs: { dispose(): void }[];

  constructor(private readonly context: vscode.ExtensionContext, private readonly pool: EvaluatorPool, private readonly service: DocumentService) {
    // Saved state comes from an older version as well: checked like a message, defaults where it does not fit.
    const form: unknown = { ...defaultForm(), ...context.workspaceState.get<object>(FORM_KEY) };
    this.form = isTrainForm(form) ? form : defaultForm();
    const uri = context.workspaceState.get<string>(DOC_KEY);
    this.documentUri = uri ? vscode.Uri.parse(uri) : undefined;
    const last = decodeNumbers(context.workspaceState.get<unknown>(SNAPSHOT_KEY));
    this.last = isTrainingSnapshot(last) ? last : undefined;
    this.subs = [
      pool.onEvent((e) => {
        if (this.session?.onEvent(e)) this.onSnapshot(this.session.snapshot);
        else if (this.comparison?.onEvent(e)) this.onCompare(this.comparison.last);
      }),
      pool.onStopped((s) => this.onStopped(s)),
    ];
  }

  /** A line in the GradLens output channel (a message the view sent that was dropped). */
  readonly log = (line: string): void => outputChannel(this.context).appendLine(line);

  /** A view appeared (first time, re-shown or reloaded): send it everything it needs to draw at once. */
  attach(post: (m: ToTrainingView) => void): void {
    this.post = post;
  }

  detach(post: (m: ToTrainingView) => void): void {
    if (this.post === post) this.post = undefined;
  }

  async handle(msg: FromTrainingView): Promise<void> {
    try {
      switch (msg.type) {
        case "ready": this.sendAll(); break;
        // Awaited inside the try, so a bad form or file becomes a message in the view, not an unhandled rejection.
        case "train": await this.train(msg.form); break;
        case "pause": if (this.session) await this.control(this.session, "pause"); break;
        case "step": await this.step(msg.form); break;
        case "reset": await this.reset(msg.form); break;
        case "compare": await this.compare(msg.form); break;
        case "apply": await this.apply(); break;
        case "trainFile": await this.trainFile(vscode.window.activeTextEditor?.document.uri); break;
        case "showGraph": await this.showGraph(); break;
        default: assertNever(msg);
      }
    } catch (e) {
      this.send({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** GradLens: Train AND / Train XOR: the tutorial's preset, started at once; resolves when the run stops. */
  async trainPreset(dataset: DatasetChoice): Promise<TrainingSnapshot | undefined> {
    this.form = { ...defaultForm(dataset) };
    this.sendForm();
    await this.train(this.form);
    return this.whenStopped();
  }

  /** The snapshot once the current session stops running (done, paused or cancelled). */
  async whenStopped(): Promise<TrainingSnapshot | undefined> {
    return this.session?.whenStopped();
  }

  /** Train a `.nn.ts` or `.nn.py` file with its own train({...}) settings; resolves when the run stops. */
  async trainFile(uri: vscode.Uri | undefined): Promise<TrainingSnapshot | undefined> {
    if (!uri || !isNnPath(uri.path)) throw new SettingsError("open a .nn.ts or .nn.py file to train it");
    const doc = await vscode.workspace.openTextDocument(uri);
    const s = settingsFromFile(await this.service.trainSettings(doc), DEFAULT_SETTINGS);
    void showFilePrinted(this.context, this.service, doc);
    this.documentUri = uri;
    void this.context.workspaceState.update(DOC_KEY, uri.toString());
    this.form = { ...this.form, source: "document", optimizer: s.optimizer, lr: String(s.lr), steps: String(s.steps), method: s.method, eps: String(s.eps) };
    this.sendForm();
    await this.train(this.form);
    return this.whenStopped();
  }

  private async config(form: TrainForm): Promise<TrainConfig> {
    this.form = form;
    void this.context.workspaceState.update(FORM_KEY, form);
    const settings = parseSettings(form);
    if (form.source !== "document") return { source: parsePresetSource(form), settings };
    if (!this.documentUri) throw new SettingsError("no .nn.ts or .nn.py file chosen: use Train active file");
    const doc = await vscode.workspace.openTextDocument(this.documentUri);
    const label = vscode.workspace.asRelativePath(doc.uri);
    return { source: { kind: "document", uri: doc.uri.toString(), version: doc.version, text: doc.getText(), label }, settings };
  }

  /** Resume when nothing changed since the session paused; otherwise a fresh session. */
  private async fresh(form: TrainForm): Promise<RemoteTraining> {
    const config = await this.config(form);
    const s = this.session;
    if (s && !s.stopped && JSON.stringify(s.config) === JSON.stringify(config)) return s;
    return this.start(config);
  }

  /** A new session in training's worker (the previous one stops). */
  private async start(config: TrainConfig): Promise<RemoteTraining> {
    this.stopAll();
    const e = readSettings();
    const s = await RemoteTraining.start(this.pool.training(), this.pool.sessionId(), config, e.bounds, e.limits.trainingStep);
    this.session = s;
    this.onSnapshot(s.snapshot);
    return s;
  }

  private async control(s: RemoteTraining, action: TrainAction): Promise<void> {
    this.onSnapshot(await s.control(action, readSettings().limits.trainingStep));
  }

  private async train(form: TrainForm): Promise<void> {
    await this.control(await this.fresh(form), "run");
  }

  private async step(form: TrainForm): Promise<void> {
    await this.control(await this.fresh(form), "step");
  }

  private async reset(form: TrainForm): Promise<void> {
    await this.start(await this.config(form));
  }

  private async compare(form: TrainForm): Promise<void> {
    const config = await this.config(form);
    this.comparison?.cancel();
    const e = readSettings();
    const c = await RemoteComparison.start(this.pool.training(), this.pool.sessionId(), config, e.bounds, e.limits.trainingStep);
    this.comparison = c;
    this.onCompare(c.last);
    this.onCompare(await c.done);
  }

  /** Apply to file: an undoable WorkspaceEdit writing the trained values into the file's param(...) calls. */
  async apply(): Promise<{ edits: number; skipped: string[] }> {
    const s = this.session;
    if (!s || s.config.source.kind !== "document" || !s.alive) throw new SettingsError("train a .nn.ts or .nn.py file first, then apply its values");
    const src = s.config.source, uri = vscode.Uri.parse(src.uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() !== src.text) throw new SettingsError("the file changed since training started; train again before applying");
    const { edits, skipped } = await s.edits(readSettings().limits.editor);
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    if (edits.length && !(await vscode.workspace.applyEdit(we))) throw new SettingsError("the editor refused the edit");
    const outcome = { edits: edits.length, skipped: skipped.map((x) => `${x.name} (${x.reason})`) };
    this.send({ type: "applied", ...outcome });
    return outcome;
  }

  private async showGraph(): Promise<void> {
    if (this.documentUri) await vscode.window.showTextDocument(this.documentUri, { preview: false });
    await vscode.commands.executeCommand(COMMANDS.visualize, this.documentUri);
  }

  private onSnapshot(s: TrainingSnapshot): void {
    this.last = s;
    if (s.state === "done" || s.state === "paused" || s.state === "idle") void this.context.workspaceState.update(SNAPSHOT_KEY, encodeNumbers(s));
    this.send({ type: "snapshot", snapshot: s });
  }

  private onCompare(c: CompareSnapshot): void {
    this.lastCompare = c;
    this.send({ type: "compare", compare: c });
  }

  /** Training's worker died: the session went with it; the view says why. */
  private onStopped(stopped: Stopped): void {
    const s = this.session;
    if (s === undefined || s.alive || s.snapshot.state === "cancelled") return;
    this.onSnapshot(s.lost(stopped.message));
    this.send({ type: "error", message: stopped.message });
  }

  private sendForm(): void {
    const document = this.documentUri ? { label: vscode.workspace.asRelativePath(this.documentUri) } : undefined;
    // The graph view is registered in the same activate(): "Show graph" is always there for a file.
    this.send({ type: "form", form: this.form, choices: trainChoices(), document, graph: true });
  }

  private sendAll(): void {
    this.sendForm();
    if (this.last) this.send({ type: "snapshot", snapshot: this.last });
    if (this.lastCompare) this.send({ type: "compare", compare: this.lastCompare });
  }

  private send(m: ToTrainingView): void {
    this.post?.(m);
  }

  private stopAll(): void {
    const s = this.session;
    if (s?.alive && !s.stopped) void s.control("cancel", readSettings().limits.trainingStep).catch(() => undefined);
    this.comparison?.cancel();
  }

  dispose(): void {
    this.stopAll();
    for (const s of this.subs) s.dispose();
    this.post = undefined;
  }
}
