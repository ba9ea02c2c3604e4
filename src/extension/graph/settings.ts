// Runs in the VS Code extension host: the graph view's `gradlens.graph.*` settings, read fresh on every use.
import * as vscode from "vscode";
import type { Direction } from "../../view/mermaid";
import { DEFAULT_MAX_VISIBLE_NODES } from "../../graph/model";
import { readSettings } from "../editor/settings";
import { GRAPH_SETTINGS } from "../ids";

export interface GraphSettings {
  followEditor: boolean;
  direction: Direction;
  maxVisibleNodes: number;
  digits: number;
  /** Quiet time after an edit before a followed selection is drawn again. */
  debounceMs: number;
}

export function graphSettings(): GraphSettings {
  const c = vscode.workspace.getConfiguration(GRAPH_SETTINGS);
  const max = c.get<number>("maxVisibleNodes");
  const editor = readSettings();
  return {
    followEditor: c.get<boolean>("followEditor") !== false,
    direction: c.get<string>("direction") === "TB" ? "TB" : "LR",
    maxVisibleNodes: typeof max === "number" && Number.isFinite(max) ? Math.max(2, Math.floor(max)) : DEFAULT_MAX_VISIBLE_NODES,
    digits: editor.digits,
    debounceMs: editor.debounceMs,
  };
}
