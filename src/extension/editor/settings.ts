// Runs in the VS Code extension host: the `gradlens.*` settings the editor features read, fresh on every use so
// changes apply live (the document service also re-evaluates when a setting that changes results moves).
import * as vscode from "vscode";
import { SETTING_DEFAULTS as D, clampBound, type BoundSettingKey, type SettingKey } from "../../editor-model/settings";
import type { Bounds } from "../../notation";
import { SETTINGS } from "../ids";

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
  const c = vscode.workspace.getConfiguration(SETTINGS);
  const num = (key: SettingKey & keyof typeof D) => {
    const v = c.get<number>(key);
    const fallback = D[key];
    return typeof v === "number" && Number.isFinite(v) ? v : typeof fallback === "number" ? fallback : NaN;
  };
  const flag = (key: SettingKey) => {
    const v = c.get<boolean>(key);
    return typeof v === "boolean" ? v : D[key] === true;
  };
  return {
    digits: Math.min(Math.max(Math.round(num("precision")), 1), 17),
    bounds: readBounds(c),
    inlayHints: flag("inlayHints.enabled"),
    codeLens: flag("codeLens.enabled"),
    hover: flag("hover.enabled"),
    gradcheck: { eps: num("gradcheck.eps"), atol: num("gradcheck.atol"), rtol: num("gradcheck.rtol") },
    debounceMs: num("evaluation.debounceMs"),
  };
}

/** The bound settings, each clamped to its hard maximum whatever settings source (user, workspace, folder) set it. */
function readBounds(c: vscode.WorkspaceConfiguration): Bounds {
  const v = (key: BoundSettingKey) => clampBound(key, c.get<number>(key));
  return { maxSteps: v("maxSteps"), maxNodes: v("maxNodes"), maxDepth: v("maxCallDepth"), maxElements: v("maxElements"), maxElementOps: v("maxElementOps") };
}

export function isNnDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.path.endsWith(".nn.ts");
}
