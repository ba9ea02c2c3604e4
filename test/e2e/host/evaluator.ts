// Runs inside VS Code's extension host: evaluation happens in GradLens's evaluator workers, never on this thread.
// With a memory bomb open and evaluating (it allocates until its time limit stops it, or until its worker runs out
// of memory), a hover in another file answers and the extension host lives on: later commands answer. A runaway
// file's Problems entry says which setting to raise, at its position.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extension, openFixture, select, waitFor, type HostTest } from "./harness";

const bySource = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === "gradlens");

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
}

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder open");
  return vscode.Uri.joinPath(folder.uri, name);
}

async function writeAndOpen(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

interface Setting {
  type?: string;
  maximum?: number;
}

/**
 * Every evaluation bound (gradlens.max*) at its hard maximum, or a billion where it has none, so that nothing but the
 * time limit (or memory) stops the bomb; `undo` puts the settings back.
 */
async function boundsWideOpen(): Promise<() => Promise<void>> {
  const props = (extension().packageJSON as { contributes: { configuration: { properties: Record<string, Setting> } } }).contributes.configuration.properties;
  const config = vscode.workspace.getConfiguration("gradlens");
  const keys = Object.keys(props).filter((k) => /^gradlens\.max/.test(k) && props[k].type === "integer").map((k) => k.slice("gradlens.".length));
  for (const k of keys) await config.update(k, props[`gradlens.${k}`].maximum ?? 1e9, vscode.ConfigurationTarget.Global);
  return async () => {
    for (const k of keys) await config.update(k, undefined, vscode.ConfigurationTarget.Global);
  };
}

const BOMB = "// Keeps allocating: a memory bomb.\nconst keep = [];\nwhile (true) { keep.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]); }\n";

export const tests: HostTest[] = [
  {
    name: "with a memory bomb open and evaluating, a hover in another file answers and the extension host survives",
    fn: async () => {
      const xor = await openFixture("xor.nn.ts");
      const at = xor.document.positionAt(xor.document.getText().indexOf("+ b3)") + 3);
      const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", xor.document.uri, at));
      assert.match(await hover(), /∂loss\/∂b3/);
      const undo = await boundsWideOpen();
      try {
        // The settings change re-evaluates the open files: let that settle (a hover answers at once) before the bomb.
        const deadline = Date.now() + 30_000;
        for (let quick = 0; quick < 2 && Date.now() < deadline;) {
          const t = Date.now();
          assert.match(await hover(), /∂loss\/∂b3/);
          quick = Date.now() - t < 250 ? quick + 1 : 0;
          await new Promise((r) => setTimeout(r, 250));
        }
        const bomb = await writeAndOpen("bomb.nn.ts", BOMB);
        const t0 = Date.now();
        // Give the bomb's evaluation time to start and hold its worker.
        await new Promise((r) => setTimeout(r, 500));
        await vscode.window.showTextDocument(xor.document, { preview: false });
        const t1 = Date.now();
        const text = await hover();
        const ms = Date.now() - t1;
        assert.match(text, /∂loss\/∂b3 = /, text);
        assert.deepEqual(bySource(bomb.document.uri), [], `the bomb had stopped already (after ${Date.now() - t0} ms): the hover proves nothing`);
        console.log(`      hover in xor.nn.ts answered in ${ms} ms, ${Date.now() - t0} ms after the bomb started evaluating`);
        // The bomb ends: stopped at its time limit (or a bound at its maximum) where it was, or its worker ran out of
        // memory and was restarted.
        await waitFor("the bomb to be stopped", () => bySource(bomb.document.uri).length > 0, 60_000);
        const d = bySource(bomb.document.uri)[0];
        const ended = /time limit reached \(\d+(\.\d+)? s; see gradlens\.timeLimit\.editor\)|limit reached .*gradlens\.max|over .*limit \(gradlens\.max|evaluator stopped while evaluating bomb\.nn\.ts \(out of memory\); it has been restarted/;
        assert.match(d.message, ended, d.message);
        console.log(`      the bomb ended after ${Date.now() - t0} ms: ${d.message}`);
      } finally {
        await undo();
        await vscode.commands.executeCommand("workbench.action.closeAllEditors");
        await vscode.workspace.fs.delete(workspaceUri("bomb.nn.ts"));
      }
      // The extension host lives on: commands answer, hovers answer.
      assert.ok(extension().isActive);
      const square = await openFixture("square.nn.ts");
      select(square, "(x**2 + 3)**2 + y");
      const r = await vscode.commands.executeCommand<{ kind: string; value?: number }>("gradlens.evaluateSelection");
      assert.equal(r?.value, 7907327, JSON.stringify(r));
      await vscode.window.showTextDocument(xor.document);
      assert.match(await hover(), /∂loss\/∂b3/);
    },
  },
  {
    name: "a runaway file stops at its time limit: Problems says where, and which setting to raise",
    fn: async () => {
      const config = vscode.workspace.getConfiguration("gradlens");
      const undo = await boundsWideOpen();
      await config.update("timeLimit.editor", 1, vscode.ConfigurationTarget.Global);
      try {
        const editor = await writeAndOpen("runaway.nn.ts", "let a = 0;\nwhile (true) { a = a + 1; }\n");
        const uri = editor.document.uri;
        await waitFor("the time limit in Problems", () => bySource(uri).some((d) => /time limit reached/.test(d.message)), 30_000);
        const d = bySource(uri).find((x) => /time limit reached/.test(x.message));
        assert.equal(d?.message, "time limit reached (1 s; see gradlens.timeLimit.editor)");
        assert.equal(d?.range.start.line, 1);
        assert.equal(d?.severity, vscode.DiagnosticSeverity.Error);
      } finally {
        await config.update("timeLimit.editor", undefined, vscode.ConfigurationTarget.Global);
        await undo();
        await vscode.commands.executeCommand("workbench.action.closeAllEditors");
        await vscode.workspace.fs.delete(workspaceUri("runaway.nn.ts"));
      }
    },
  },
];
