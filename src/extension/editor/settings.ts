// Runs in the VS Code extension host: the `gradlens.*` settings the editor features read, fresh on every use so
// changes apply live (the document service also re-evaluates when a setting that changes results moves).
import * as vscode from "vscode";
import {
  SETTING_DEFAULTS as D, TIME_LIMIT_MAX, clampBound, type BoundSettingKey, type SettingKey, type TimeLimitKind,
} from "../../editor-model/settings";
import type { Limit, PlainBounds } from "../evaluation/protocol";
import { SETTINGS } from "../ids";

export interface EditorSettings {
  digits: number;
  bounds: PlainBounds;
  /** Wall-clock limits per kind of request, each naming its setting. */
  limits: Record<TimeLimitKind, Limit>;
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
  const limit = (kind: TimeLimitKind): Limit => ({
    // Clamped: a value past the maximum from any source (a workspace's settings included) is not trusted.
    ms: Math.min(Math.max(num(`timeLimit.${kind}`), 0.5), TIME_LIMIT_MAX[kind]) * 1000,
    setting: `${SETTINGS}.timeLimit.${kind}`,
  });
  return {
    digits: Math.min(Math.max(Math.round(num("precision")), 1), 17),
    bounds: readBounds(c),
    inlayHints: flag("inlayHints.enabled"),
    codeLens: flag("codeLens.enabled"),
    hover: flag("hover.enabled"),
    gradcheck: { eps: num("gradcheck.eps"), atol: num("gradcheck.atol"), rtol: num("gradcheck.rtol") },
    debounceMs: num("evaluation.debounceMs"),
    limits: { editor: limit("editor"), graph: limit("graph"), check: limit("check"), selection: limit("selection"), trainingStep: limit("trainingStep") },
  };
}

/** The bound settings, each clamped to its hard maximum whatever settings source (user, workspace, folder) set it. */
function readBounds(c: vscode.WorkspaceConfiguration): PlainBounds {
  const v = (key: BoundSettingKey) => clampBound(key, c.get<number>(key));
  return { maxSteps: v("maxSteps"), maxNodes: v("maxNodes"), maxDepth: v("maxCallDepth"), maxElements: v("maxElements"), maxElementOps: v("maxElementOps") };
}

/** A GradLens file: `.nn.ts` (TypeScript to VS Code) or `.nn.py` (Python to VS Code). */
export function isNnDocument(doc: { readonly uri: vscode.Uri }): boolean {
  return isNnPath(doc.uri.path);
}

export function isNnPath(path: string): boolean {
  return path.endsWith(".nn.ts") || path.endsWith(".nn.py");
}
