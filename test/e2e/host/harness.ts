// Runs inside VS Code's extension host: what a host test is, and helpers the tests share.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";

export interface HostTest {
  readonly name: string;
  readonly fn: () => Promise<void>;
}

export const EXTENSION_ID = "gradlens.gradlens";

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Opens a file of the fixtures workspace in an editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder open");
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  return vscode.window.showTextDocument(doc);
}

/** Selects the first occurrence of `text` in the editor's document. */
export function select(editor: vscode.TextEditor, text: string): void {
  const offset = editor.document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not in ${path.basename(editor.document.fileName)}`);
  const start = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(start, editor.document.positionAt(offset + text.length));
}

export async function waitFor(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
