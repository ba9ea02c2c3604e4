// Runs in the VS Code extension host: registers the `.nn.ts` / `.nn.py` editor features (one document service shared by
// hovers, diagnostics, CodeLens and inlay hints) and the Gradient-Check Selection and New Model File commands.
import * as vscode from "vscode";
import { CodeLensProvider } from "./codelens";
import { Diagnostics } from "./diagnostics";
import { registerGradcheck } from "./gradcheck";
import { HoverProvider } from "./hover";
import { InlayHintsProvider } from "./inlay";
import { registerNewFile } from "./newfile";
import type { EvaluatorPool } from "../evaluation/pool";
import { outputChannel } from "../output";
import { DocumentService } from "./service";

/**
 * `.nn.ts` files are TypeScript to VS Code and `.nn.py` files Python (so Python extensions keep working there); the
 * patterns keep GradLens away from every other TypeScript or Python file.
 */
export const NN_SELECTOR: vscode.DocumentSelector = [
  { language: "typescript", pattern: "**/*.nn.ts" },
  { language: "python", pattern: "**/*.nn.py" },
];

export function registerEditor(context: vscode.ExtensionContext, pool: EvaluatorPool): DocumentService {
  const service = new DocumentService(pool, (line) => outputChannel(context).appendLine(line));
  const codeLens = new CodeLensProvider(service);
  const inlays = new InlayHintsProvider(service);
  context.subscriptions.push(
    service,
    new Diagnostics(service),
    codeLens,
    inlays,
    vscode.languages.registerHoverProvider(NN_SELECTOR, new HoverProvider(service)),
    vscode.languages.registerCodeLensProvider(NN_SELECTOR, codeLens),
    vscode.languages.registerInlayHintsProvider(NN_SELECTOR, inlays),
  );
  registerGradcheck(context, service, pool);
  registerNewFile(context);
  return service;
}
