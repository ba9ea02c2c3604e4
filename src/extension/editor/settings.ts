// Runs in the VS Code extension host: the `gradlens.*` settings the editor features read, fresh on every use so
// changes apply live (the document service also re-evaluates when a setting that changes results moves).
import * as vscode from "vscode";
import type { Bounds } from "../../notation";

export interface EditorSettings {
  digits: number;
  bounds: Bounds;
  inlayHints: boolean;
  codeLens: boolean;
  hover: boolean;
  gradcheck: { eps: number; atol: number; rtol: number };
  debounceMs: number;
}

export function readSettings(): EditorSettings {
  const c = vscode.workspace.getConfiguration("gradlens");
  const num = (key: string, fallback: number) => {
    const v = c.get<number>(key);
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
  };
  return {
    digits: Math.min(Math.max(Math.round(num("precision", 4)), 1), 17),
    bounds: { maxSteps: num("maxSteps", 5_000_000), maxNodes: num("maxNodes", 2_000_000), maxDepth: num("maxCallDepth", 1000) },
    inlayHints: c.get<boolean>("inlayHints.enabled", true),
    codeLens: c.get<boolean>("codeLens.enabled", true),
    hover: c.get<boolean>("hover.enabled", true),
    gradcheck: { eps: num("gradcheck.eps", 1e-6), atol: num("gradcheck.atol", 1e-5), rtol: num("gradcheck.rtol", 1e-3) },
    debounceMs: num("evaluation.debounceMs", 300),
  };
}

export function isNnDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.path.endsWith(".nn.ts");
}
