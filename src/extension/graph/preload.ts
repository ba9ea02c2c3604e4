// Runs in the VS Code extension host (pure: no vscode import): the chunks the graph view's first paint loads, as
// the build lists them in dist/webview/graph.preload.json, so its page can ask for them all at once
// (`<link rel="modulepreload">`) instead of level by level as the imports are found. An older build without the list
// (or a list that names anything but a chunk beside graph.js) gives none: the page then loads its chunks as found.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const CHUNK = /^graph-chunk-[A-Z0-9]+\.js$/;

/** File names in dist/webview of the first paint's chunks. */
export function firstPaintChunks(extensionPath: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(join(extensionPath, "dist", "webview", "graph.preload.json"), "utf8"));
    return Array.isArray(list) && list.every((f) => typeof f === "string" && CHUNK.test(f)) ? list : [];
  } catch {
    return [];
  }
}
