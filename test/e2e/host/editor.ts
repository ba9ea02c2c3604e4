// Runs inside VS Code's extension host: the `.nn.ts` editor features through VS Code's own provider commands:
// hovers, GradLens diagnostics appearing and clearing, CodeLenses, inlay hints, Gradient-Check Selection, and the
// TypeScript server plugin (examples clean, a real TypeScript error still shown, other.ts untouched).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { formatNumber } from "../../../src/view/format";
import { evaluateDocument } from "../../../src/notation";
import { openFixture, select, waitFor, type HostTest } from "./harness";

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder open");
  return vscode.Uri.joinPath(folder.uri, name);
}

async function writeAndOpen(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
}

const bySource = (uri: vscode.Uri, source: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);

export const tests: HostTest[] = [
  {
    name: "hover on b3 in the XOR example shows ∂loss/∂b3 as the notation computes it",
    fn: async () => {
      const editor = await openFixture("xor.nn.ts");
      const doc = editor.document;
      const b3 = evaluateDocument(doc.getText()).params.find((p) => p.name === "b3");
      assert.ok(b3, "no param b3");
      const pos = doc.positionAt(doc.getText().indexOf("+ b3)") + 3);
      let text = "";
      for (let i = 0; i < 40 && !text.includes("∂loss/∂b3"); i++) {
        text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, pos));
        if (!text.includes("∂loss/∂b3")) await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(text.includes(`∂loss/∂b3 = ${formatNumber(b3.grad, 4)}`), text);
      assert.ok(text.includes(`value ${formatNumber(b3.value, 4)}`), text);
    },
  },
  {
    name: "a GradLens diagnostic appears for an error and clears when it is fixed",
    fn: async () => {
      const good = "const weight = param(0.5);\nconst loss = (weight * 2 - 1) ** 2;\n";
      const editor = await writeAndOpen("edit.nn.ts", good);
      const uri = editor.document.uri;
      await waitFor("the file to evaluate cleanly", () => bySource(uri, "gradlens").length === 0);
      const at = editor.document.getText().indexOf("weight * 2");
      await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), "wieght"));
      await waitFor("a diagnostic for `wieght`", () => bySource(uri, "gradlens").some((d) => /wieght/.test(d.message)));
      const d = bySource(uri, "gradlens").find((x) => /wieght/.test(x.message));
      assert.equal(d?.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(editor.document.getText(d?.range), "wieght");
      await editor.edit((e) => e.replace(d?.range ?? new vscode.Range(0, 0, 0, 0), "weight"));
      await waitFor("the diagnostic to clear", () => bySource(uri, "gradlens").length === 0);
    },
  },
  {
    name: "CodeLenses above the target and the gradcheck calls, inlay hints after declarations",
    fn: async () => {
      const editor = await openFixture("checks.nn.ts");
      const doc = editor.document;
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", doc.uri, 100)) ?? [];
      const titles = lenses.map((l) => `${l.range.start.line}:${l.command?.title ?? ""}`);
      const line = (s: string) => doc.positionAt(doc.getText().indexOf(s)).line;
      assert.ok(titles.includes(`${line("gradcheck(cube, (x: number) => 3 * x, 2)")}:✗ gradcheck failed (x)`), titles.join(" | "));
      assert.ok(titles.some((t) => t.startsWith(`${line("gradcheck(cube, (x: number) => 3 * x * x")}:✓ gradcheck passed`)), titles.join(" | "));
      assert.ok(titles.includes(`${line("const loss")}:$(beaker) Gradient check`), titles.join(" | "));
      const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>("vscode.executeInlayHintProvider", doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))) ?? [];
      const w = hints.find((h) => h.position.line === line("const w ="));
      const label = typeof w?.label === "string" ? w.label : "";
      assert.equal(label, `1.5 ∂${formatNumber(3 * 1.5 * 1.5, 4)}`);
    },
  },
  {
    name: "Gradient-Check Selection reports the failing hand-written derivative and a passing target",
    fn: async () => {
      await openFixture("checks.nn.ts");
      const r = await vscode.commands.executeCommand<{ kind: string; pass: boolean; rows: { name: string; pass: boolean }[] }>("gradlens.gradcheckSelection");
      assert.equal(r?.kind, "report", JSON.stringify(r));
      assert.equal(r.pass, false);
      assert.deepEqual(r.rows, [{ name: "w", pass: true }, { name: "x", pass: false }, { name: "x", pass: true }]);
      await openFixture("xor.nn.ts");
      const x = await vscode.commands.executeCommand<{ kind: string; pass: boolean; rows: { name: string; pass: boolean }[] }>("gradlens.gradcheckSelection");
      assert.equal(x?.pass, true, JSON.stringify(x));
      assert.equal(x.rows.length, 9);
    },
  },
  {
    name: "Gradient-Check Selection checks a selection's free names: (x**2 + 3)**2 + y at x = 53, y = -17",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      const r = await vscode.commands.executeCommand<{ kind: string; pass: boolean; rows: { name: string; pass: boolean }[] }>("gradlens.gradcheckSelection");
      assert.equal(r?.kind, "report", JSON.stringify(r));
      assert.deepEqual(r.rows, [{ name: "x", pass: true }, { name: "y", pass: true }]);
    },
  },
  {
    name: "New Model File writes the XOR starter into the workspace, and it hovers",
    fn: async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>("gradlens.newFile", "starter.nn.ts");
      assert.ok(uri, "no file made");
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.getText(), /for \(const \[p, q, y\] of XOR\)/);
      const at = doc.positionAt(doc.getText().indexOf("+ b3)") + 3);
      let text = "";
      for (let i = 0; i < 40 && !text.includes("∂loss/∂b3 = "); i++) {
        text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, at));
        if (!text.includes("∂loss/∂b3 = ")) await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(text.includes("∂loss/∂b3 = "), text);
    },
  },
  {
    name: "New Model File from the Module-layers template: its gradcheck flags the deliberate Mse.bwd bug on line 59",
    fn: async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>("gradlens.newFile", "modules.nn.ts", "seed002-modules.nn.ts");
      assert.ok(uri, "no file made");
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.getText(), /class Lin extends Module/);
      await waitFor("the gradcheck warning", () => bySource(uri, "gradlens").some((d) => /`Model.backward` disagrees/.test(d.message)), 20_000);
      const w = bySource(uri, "gradlens").find((d) => /`Model.backward` disagrees/.test(d.message));
      assert.equal(w?.range.start.line, 58);
      assert.equal(w?.severity, vscode.DiagnosticSeverity.Warning);
    },
  },
  {
    name: "New Model File from the micrograd-style Python template: a .nn.py file, Python to VS Code, whose autograd check flags the __mul__ bug",
    fn: async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>("gradlens.newFile", "value.nn.py", "micrograd-style.nn.py");
      assert.ok(uri, "no file made");
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, "python");
      assert.match(doc.getText(), /class Value/);
      const wrong = (d: vscode.Diagnostic) => /your `__mul__` backward/.test(d.message);
      await waitFor("the autograd check's warning", () => bySource(uri, "gradlens").some(wrong), 20_000);
      assert.equal(bySource(uri, "gradlens").find(wrong)?.severity, vscode.DiagnosticSeverity.Warning);
    },
  },
  {
    name: "settings apply live: precision in hovers, inlay hints off and on",
    fn: async () => {
      const editor = await openFixture("xor.nn.ts");
      const doc = editor.document;
      const b3 = evaluateDocument(doc.getText()).params.find((p) => p.name === "b3");
      assert.ok(b3);
      const config = vscode.workspace.getConfiguration("gradlens");
      const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, doc.positionAt(doc.getText().indexOf("+ b3)") + 3)));
      const hints = async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>("vscode.executeInlayHintProvider", doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))) ?? [];
      try {
        await config.update("precision", 8, vscode.ConfigurationTarget.Global);
        assert.ok((await hover()).includes(`∂loss/∂b3 = ${formatNumber(b3.grad, 8)}`));
        assert.ok((await hints()).length > 0);
        await config.update("inlayHints.enabled", false, vscode.ConfigurationTarget.Global);
        assert.deepEqual(await hints(), []);
      } finally {
        await config.update("precision", undefined, vscode.ConfigurationTarget.Global);
        await config.update("inlayHints.enabled", undefined, vscode.ConfigurationTarget.Global);
      }
      assert.ok((await hover()).includes(`∂loss/∂b3 = ${formatNumber(b3.grad, 4)}`));
      assert.ok((await hints()).length > 0);
    },
  },
  {
    name: "TypeScript reports nothing for the examples, a real error in a .nn.ts file, and other.ts keeps its error",
    fn: async () => {
      const other = await writeAndOpen("other.ts", "const n: number = \"not a number\";\nexport { n };\n");
      await waitFor("TypeScript's error in other.ts", () => bySource(other.document.uri, "ts").length > 0, 25_000);
      const wrong = await writeAndOpen("wrong.nn.ts", "const w = param(1);\nconst loss = sigmoid(\"one\") + w;\n");
      await waitFor("TypeScript's error in wrong.nn.ts", () => bySource(wrong.document.uri, "ts").length > 0, 20_000);
      assert.match(bySource(wrong.document.uri, "ts")[0].message, /not assignable to parameter of type 'number'/);
      for (const name of ["xor.nn.ts", "checks.nn.ts", "square.nn.ts"]) {
        const ed = await openFixture(name);
        // The plugin answers: quick info on a built-in comes from GradLens's declarations.
        const at = ed.document.getText().search(/\b(param|sigmoid|gradcheck)\(/);
        if (at >= 0) {
          const info = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, ed.document.positionAt(at + 1)));
          assert.match(info, /function (param|sigmoid|gradcheck)\(/, info);
        }
        assert.deepEqual(bySource(ed.document.uri, "ts").map((d) => d.message), [], name);
      }
      assert.match(bySource(other.document.uri, "ts")[0].message, /not assignable to type 'number'/);
    },
  },
  {
    name: "a syntax error in a .nn.ts file is in Problems once, as GradLens's (issue 15)",
    fn: async () => {
      const ed = await writeAndOpen("twice.nn.ts", "const w = param(1);\nconst loss = sigmoid(\"one\") + (w * 2;\n");
      const uri = ed.document.uri;
      // TypeScript's semantic error shows that the plugin has answered for this file.
      await waitFor("TypeScript's type error in twice.nn.ts", () => bySource(uri, "ts").some((d) => /not assignable/.test(d.message)), 20_000);
      await waitFor("GradLens's syntax error", () => bySource(uri, "gradlens").some((d) => /'\)' expected/.test(d.message)));
      const all = vscode.languages.getDiagnostics(uri).filter((d) => /'\)' expected/.test(d.message));
      assert.deepEqual(all.map((d) => d.source), ["gradlens"]);
    },
  },
];
