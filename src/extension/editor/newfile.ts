// Runs in the VS Code extension host: **GradLens: New Model File**: picks one of the starter models (the three
// tutorials GradLens comes from, and two in Python, bundled from examples/), writes it into the workspace under a
// name the user picks (`.nn.ts` or `.nn.py`, as the template), and opens it.
import * as vscode from "vscode";
import examples from "gradlens:examples";
import { COMMANDS } from "../ids";

interface Template {
  readonly file: string;
  readonly label: string;
  readonly detail: string;
  /** Suggested file name. */
  readonly name: string;
}

export const TEMPLATES: readonly Template[] = [
  { file: "xor.nn.ts", name: "model.nn.ts", label: "XOR with numbers",
    detail: "the 2-2-1 sigmoid network trained on XOR: scalar params, hovers, the graph, training" },
  { file: "seed000-xor.nn.ts", name: "matrix-xor.nn.ts", label: "XOR with matrices and a hand-written backward",
    detail: "W1 and W2 tensors in a class; gradcheck compares its backward with central differences" },
  { file: "seed002-modules.nn.ts", name: "modules.nn.ts", label: "Module layers with hand-written bwd",
    detail: "Lin, ReLU and Mse modules; the check finds the deliberate bug in Mse.bwd" },
  { file: "numpy-mlp.nn.py", name: "numpy-xor.nn.py", label: "XOR with NumPy, in Python",
    detail: "a 2-2-1 NumPy MLP with a hand-written backward, trained on XOR; prints what CPython prints" },
  { file: "micrograd-style.nn.py", name: "value.nn.py", label: "Your own autograd in Python (micrograd style)",
    detail: "a Value class with backward(); the autograd check finds the deliberate bug in __mul__" },
];

/** `.nn.py` for a Python template, `.nn.ts` otherwise. */
const suffixOf = (t: Template): string => (t.file.endsWith(".py") ? ".nn.py" : ".nn.ts");

export function registerNewFile(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.newFile, (name?: unknown, template?: unknown) =>
    create(typeof name === "string" ? name : undefined, typeof template === "string" ? template : undefined)));
}

/** The template: the one named (tests, links), the first when a name was given, else the user's pick. */
async function choose(given: string | undefined, named: boolean): Promise<Template | undefined> {
  if (given !== undefined) return TEMPLATES.find((t) => t.file === given);
  if (named) return TEMPLATES[0];
  const pick = await vscode.window.showQuickPick(TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, t })), {
    title: "GradLens: New Model File", placeHolder: "Start from…",
  });
  return pick?.t;
}

async function create(given: string | undefined, template: string | undefined): Promise<vscode.Uri | undefined> {
  const t = await choose(template, given !== undefined);
  if (t === undefined) return undefined;
  const text = examples[t.file];
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    const doc = await vscode.workspace.openTextDocument({ language: suffixOf(t) === ".nn.py" ? "python" : "typescript", content: text });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(`GradLens: save this file with a name ending in ${suffixOf(t)} to get hovers and checks.`);
    return doc.uri;
  }
  const name = given ?? (await vscode.window.showInputBox({
    title: "GradLens: New Model File",
    prompt: "File name (in the workspace folder)",
    value: t.name,
    validateInput: (v) => (/^[\w./-]+$/.test(v) && v.endsWith(suffixOf(t)) && !v.split("/").includes("..") ? undefined : `a relative path ending in ${suffixOf(t)}`),
  }));
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, name);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}
