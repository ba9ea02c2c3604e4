// Runs in vitest (Node): every place a message from the other side arrives goes through `receive` with its view's
// guard before anything acts on it: the three panels and views in the extension (graph, training, gradient-check
// report) and the three webviews. A new receiver that skips its guard fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "../../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Files with a message listener (`pattern`), and for each the guards its receive() calls use. */
function receivers(dir: string, listener: RegExp): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files(join(root, dir))) {
    const text = readFileSync(f, "utf8");
    if (!listener.test(text)) continue;
    out.set(relative(root, f), [...text.matchAll(/\breceive\([^,]+,\s*(\w+)/g)].map((m) => m[1]));
  }
  return out;
}

describe("message receivers", () => {
  it("the extension checks every webview's messages with its From guard", () => {
    const found = receivers("src/extension", /onDidReceiveMessage/);
    expect(Object.fromEntries(found)).toEqual({
      "src/extension/editor/report-panel.ts": ["isFromReportView"],
      "src/extension/graph/panel.ts": ["isFromGraphView"],
      "src/extension/training/view.ts": ["isFromTrainingView"],
    });
  });

  it("each webview checks the extension's messages with its To guard", () => {
    const found = receivers("webview", /addEventListener\(\s*"message"/);
    expect(Object.fromEntries(found)).toEqual({
      "webview/gradcheck/main.ts": ["isToReportView"],
      "webview/graph/main.ts": ["isToGraphView"],
      "webview/training/main.ts": ["isToTrainingView"],
    });
  });
});
