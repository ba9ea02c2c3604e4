// Runs in the VS Code extension host: **GradLens: New .nn.ts File**: writes a starter model (the tutorial's XOR
// network) into the workspace under a name the user picks, and opens it.
import * as vscode from "vscode";

export const NEW_FILE = "gradlens.newFile";

export const TEMPLATE = `// A 2-2-1 sigmoid network for XOR. Hover a name for its value and ∂loss/∂name;
// run "GradLens: Gradient-Check Selection" with nothing selected to check every gradient.
seed(1);
const w1 = [param(rand()), param(rand())], b1 = param(rand());
const w2 = [param(rand()), param(rand())], b2 = param(rand());
const w3 = [param(rand()), param(rand())], b3 = param(rand());

function forward(p: number, q: number): number {
  const h1 = sigmoid(p * w1[0] + q * w1[1] + b1);
  const h2 = sigmoid(p * w2[0] + q * w2[1] + b2);
  return sigmoid(h1 * w3[0] + h2 * w3[1] + b3);
}

let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;

train({ lr: 1, steps: 2000 });
`;

export function registerNewFile(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_FILE, (name?: unknown) => create(typeof name === "string" ? name : undefined)));
}

async function create(given: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    const doc = await vscode.workspace.openTextDocument({ language: "typescript", content: TEMPLATE });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage("GradLens: save this file with a name ending in .nn.ts to get hovers and checks.");
    return doc.uri;
  }
  const name = given ?? (await vscode.window.showInputBox({
    title: "GradLens: New .nn.ts File",
    prompt: "File name (in the workspace folder)",
    value: "model.nn.ts",
    validateInput: (v) => (/^[\w./-]+\.nn\.ts$/.test(v) && !v.split("/").includes("..") ? undefined : "a relative path ending in .nn.ts"),
  }));
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, name);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEMPLATE));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}
