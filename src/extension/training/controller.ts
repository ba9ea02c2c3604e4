// Runs in the VS Code extension host: the training view's state behind the webview. Owns the current session (or
// comparison), turns the form into a validated config, re-posts the latest snapshot whenever a view (re)appears,
// and keeps the settings in workspaceState so they survive a window reload.
import * as vscode from "vscode";
import { isTrainForm, isTrainingSnapshot, type FromTrainingView, type ToTrainingView } from "../../protocol/training";
import { assertNever, decodeNumbers, encodeNumbers } from "../../protocol/wire";
import {
  Comparison, DEFAULT_SETTINGS, SettingsError, TrainingSession, applyEdits, parsePresetSource, parseSettings,
  settingsFromFile, type DatasetChoice, type TrainConfig,
} from "../../train";
import { evaluateDocument } from "../../notation";
import { readSettings } from "../editor/settings";
import { COMMANDS } from "../ids";
import type { CompareSnapshot, TrainForm, TrainingSnapshot } from "../../view/training";
import { outputChannel } from "../output";
import { compareSnapshot, defaultForm, trainChoices, trainingSnapshot } from "./view-model";

const FORM_KEY = "gradlens.training.form";
const DOC_KEY = "gradlens.training.document";
const SNAPSHOT_KEY = "gradlens.training.lastSnapshot";

export class TrainingController implements vscode.Disposable {
  private session: TrainingSession | undefined;
  private comparison: Comparison | undefined;
  private form: TrainForm;
  private documentUri: vscode.Uri | undefined;
  private last: TrainingSnapshot | undefined;
  private lastCompare: CompareSnapshot | undefined;
  private post: ((m: ToTrainingView) => void) | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    // Saved state comes from an older version as well: checked like a message, defaults where it does not fit.
    const form: unknown = { ...defaultForm(), ...context.workspaceState.get<object>(FORM_KEY) };
    this.form = isTrainForm(form) ? form : defaultForm();
    const uri = context.workspaceState.get<string>(DOC_KEY);
    this.documentUri = uri ? vscode.Uri.parse(uri) : undefined;
    const last = decodeNumbers(context.workspaceState.get<unknown>(SNAPSHOT_KEY));
    this.last = isTrainingSnapshot(last) ? last : undefined;
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
        case "pause": this.session?.pause(); break;
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
    const s = this.session;
    if (!s) return undefined;
    await s.settled();
    return trainingSnapshot(s);
  }

  /** Train a `.nn.ts` file with its own train({...}) settings; resolves when the run stops. */
  async trainFile(uri: vscode.Uri | undefined): Promise<TrainingSnapshot | undefined> {
    if (!uri || !uri.path.endsWith(".nn.ts")) throw new SettingsError("open a .nn.ts file to train it");
    const doc = await vscode.workspace.openTextDocument(uri);
    const file = evaluateDocument(doc.getText(), { uri: doc.uri.toString(), version: doc.version });
    const s = settingsFromFile(file.train, DEFAULT_SETTINGS);
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
    if (!this.documentUri) throw new SettingsError("no .nn.ts file chosen: use Train active file");
    const doc = await vscode.workspace.openTextDocument(this.documentUri);
    const label = vscode.workspace.asRelativePath(doc.uri);
    // Each step re-runs the file within the editor's bounds (gradlens.maxSteps, …), as the CLI's train does.
    const bounds = readSettings().bounds;
    return { source: { kind: "document", uri: doc.uri.toString(), version: doc.version, text: doc.getText(), label, bounds }, settings };
  }

  /** Resume when nothing changed since the session paused; otherwise a fresh session. */
  private async fresh(form: TrainForm): Promise<TrainingSession> {
    const config = await this.config(form);
    const s = this.session;
    if (s && s.state !== "done" && s.state !== "cancelled" && JSON.stringify(s.config) === JSON.stringify(config)) return s;
    this.stopAll();
    this.session = new TrainingSession(config, { onChange: (x) => this.onSnapshot(trainingSnapshot(x)) });
    return this.session;
  }

  private async train(form: TrainForm): Promise<void> {
    (await this.fresh(form)).run();
  }

  private async step(form: TrainForm): Promise<void> {
    (await this.fresh(form)).stepOnce();
  }

  private async reset(form: TrainForm): Promise<void> {
    const config = await this.config(form);
    this.stopAll();
    this.session = new TrainingSession(config, { onChange: (x) => this.onSnapshot(trainingSnapshot(x)) });
  }

  private async compare(form: TrainForm): Promise<void> {
    const config = await this.config(form);
    this.comparison?.cancel();
    const c = new Comparison(config, (x) => {
      this.lastCompare = compareSnapshot(x);
      this.send({ type: "compare", compare: this.lastCompare });
    });
    this.comparison = c;
    await c.run();
  }

  /** Apply to file: an undoable WorkspaceEdit writing the trained values into the file's param(...) calls. */
  async apply(): Promise<{ edits: number; skipped: string[] }> {
    const s = this.session;
    if (!s || s.config.source.kind !== "document") throw new SettingsError("train a .nn.ts file first, then apply its values");
    const src = s.config.source, uri = vscode.Uri.parse(src.uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() !== src.text) throw new SettingsError("the file changed since training started; train again before applying");
    const { edits, skipped } = applyEdits(src.text, s.problem.store.snapshot(), s.problem.store.names);
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
    this.session?.cancel();
    this.comparison?.cancel();
  }

  dispose(): void {
    this.stopAll();
    this.post = undefined;
  }
}
