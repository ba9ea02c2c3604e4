// Runs inside VS Code's extension host: the training commands through the real extension: Train XOR learns,
// Train Model File trains the open file with its train({...}) settings, and Apply Trained Values writes them into
// the file's param(...) calls as one undoable edit (as Python floats in a `.nn.py` file).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { evaluateDocument } from "../../../src/notation";
import type { TrainingSnapshot } from "../../../src/view/training";
import { openFixture, type HostTest } from "./harness";

export const tests: HostTest[] = [
  {
    name: "GradLens: Train XOR learns the tutorial's 2-2-1 network",
    fn: async () => {
      const snap = await vscode.commands.executeCommand<TrainingSnapshot | undefined>("gradlens.trainXor");
      assert.ok(snap, "no snapshot");
      assert.equal(snap.state, "done");
      assert.equal(snap.step, 2000);
      assert.equal(snap.label, "XOR 2-2-1 sigmoid, sse");
      assert.equal(snap.verdict?.kind, "learned", snap.verdict?.message);
      assert.deepEqual(snap.predictions?.map((r) => r.right), [true, true, true, true]);
      assert.ok(snap.history.losses[0] > 1 && snap.loss < 0.01, `loss ${snap.history.losses[0]} -> ${snap.loss}`);
    },
  },
  {
    name: "Train Model File, then Apply Trained Values: the file holds the trained params; undo restores it",
    fn: async () => {
      const editor = await openFixture("xor.nn.ts");
      const original = editor.document.getText();
      const snap = await vscode.commands.executeCommand<TrainingSnapshot | undefined>("gradlens.trainFile", editor.document.uri);
      assert.ok(snap, "no snapshot");
      assert.equal(snap.state, "done");
      assert.equal(snap.verdict?.kind, "learned", snap.verdict?.message);
      assert.match(snap.notes.join(" "), /replaying the recorded tape/);
      const applied = await vscode.commands.executeCommand<{ edits: number; skipped: string[] } | undefined>("gradlens.applyTrainedValues");
      assert.deepEqual(applied, { edits: 9, skipped: [] });
      const edited = editor.document.getText();
      assert.notEqual(edited, original);
      assert.ok(!edited.includes("rand()"), edited);
      const doc = evaluateDocument(edited);
      // xor.nn.ts has scalar params only: one row each.
      assert.deepEqual(doc.params.map((p) => p.value), snap.params.map((p) => (p.kind === "scalar" ? p.value : NaN)));
      assert.equal(doc.value, snap.loss);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand("undo");
      assert.equal(editor.document.getText(), original);
      await vscode.commands.executeCommand("workbench.action.files.revert");
    },
  },
  {
    name: "Train File on a .nn.py file, then Apply Trained Values writes Python floats; the file stays Python; undo restores it",
    fn: async () => {
      const editor = await openFixture("model.nn.py");
      assert.equal(editor.document.languageId, "python");
      const original = editor.document.getText();
      const snap = await vscode.commands.executeCommand<TrainingSnapshot | undefined>("gradlens.trainFile", editor.document.uri);
      assert.ok(snap, "no snapshot");
      assert.equal(snap.state, "done");
      assert.ok(snap.loss < 1e-6, `loss ${snap.loss}`);
      const applied = await vscode.commands.executeCommand<{ edits: number; skipped: string[] } | undefined>("gradlens.applyTrainedValues");
      assert.deepEqual(applied, { edits: 2, skipped: [] });
      const edited = editor.document.getText();
      assert.match(edited, /^weight = param\(-?\d+\.\d+(e[-+]\d\d)?\)$/m);
      assert.match(edited, /^bias = param\(-?\d+\.\d+(e[-+]\d\d)?\)$/m);
      const doc = evaluateDocument(edited, { lang: "py" });
      assert.deepEqual(doc.params.map((p) => p.value), snap.params.map((p) => (p.kind === "scalar" ? p.value : NaN)));
      assert.equal(editor.document.languageId, "python");
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand("undo");
      assert.equal(editor.document.getText(), original);
      await vscode.commands.executeCommand("workbench.action.files.revert");
    },
  },
];
