// Runs in the VS Code extension host: what the graph view asks of the editor: reveal and highlight the code of a
// clicked node, save an exported SVG/PNG, copy Mermaid Markdown to the clipboard.
import * as vscode from "vscode";
import type { ExportFormat } from "../../protocol/graph";

const highlight = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
  borderColor: new vscode.ThemeColor("editor.findMatchBorder"),
  borderStyle: "solid",
  borderWidth: "1px",
  borderRadius: "2px",
});
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Selects and highlights [start, end) of the document in an editor beside the panel; returns that editor. */
export async function revealRange(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(start, end)));
  // Reuse the column the document is already shown in, so the graph panel keeps its own column.
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Selection(range.start, range.end),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  for (const e of vscode.window.visibleTextEditors) e.setDecorations(highlight, []);
  editor.setDecorations(highlight, [range]);
  // The selection stays; the flash fades so it does not linger over later edits.
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = setTimeout(() => editor.setDecorations(highlight, []), 3000);
  return editor;
}

const FILTERS: Record<"svg" | "png", Record<string, string[]>> = { svg: { "SVG image": ["svg"] }, png: { "PNG image": ["png"] } };

/** Saves or copies what the webview exported, and says where it went. */
export async function saveExport(format: ExportFormat, data: string, near: vscode.Uri | undefined, name: string): Promise<void> {
  if (format === "mermaid") {
    await vscode.env.clipboard.writeText(data);
    void vscode.window.showInformationMessage("GradLens: graph copied as Mermaid Markdown.");
    return;
  }
  const bytes = format === "svg" ? new TextEncoder().encode(data) : pngBytes(data);
  if (!bytes) {
    void vscode.window.showErrorMessage("GradLens: the exported PNG was not a PNG data URL.");
    return;
  }
  const base = near && near.scheme !== "untitled" ? vscode.Uri.joinPath(near, "..") : vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = `${name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "graph"}.${format}`;
  const target = await vscode.window.showSaveDialog({
    title: `GradLens: export graph as ${format.toUpperCase()}`,
    defaultUri: base ? vscode.Uri.joinPath(base, file) : undefined,
    filters: FILTERS[format],
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`GradLens: graph saved to ${vscode.workspace.asRelativePath(target)}.`);
}

function pngBytes(dataUrl: string): Uint8Array | undefined {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  return m ? new Uint8Array(Buffer.from(m[1], "base64")) : undefined;
}
