// Runs in vitest (Node): the list of the graph view's first-paint chunks, read from the build's manifest: the real
// build's names exist beside graph.js; a missing or tampered list gives none.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { firstPaintChunks } from "../../../../src/extension/graph/preload";

const root = join(__dirname, "../../../..");

function withList(list: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-preload-"));
  mkdirSync(join(dir, "dist", "webview"), { recursive: true });
  writeFileSync(join(dir, "dist", "webview", "graph.preload.json"), typeof list === "string" ? list : JSON.stringify(list));
  return dir;
}

describe("first-paint chunks", () => {
  beforeAll(() => {
    if (!existsSync(join(root, "dist", "webview", "graph.preload.json"))) execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "pipe" });
  }, 180_000);

  it("names chunks of the build that exist beside graph.js", () => {
    const files = firstPaintChunks(root);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(existsSync(join(root, "dist", "webview", f)), f).toBe(true);
  });

  it("gives none for a missing, malformed or tampered list", () => {
    expect(firstPaintChunks(mkdtempSync(join(tmpdir(), "gradlens-none-")))).toEqual([]);
    expect(firstPaintChunks(withList("{"))).toEqual([]);
    expect(firstPaintChunks(withList({ a: 1 }))).toEqual([]);
    expect(firstPaintChunks(withList(["graph-chunk-ABC.js", "../../etc/passwd"]))).toEqual([]);
    expect(firstPaintChunks(withList(["https://cdn.example/x.js"]))).toEqual([]);
    expect(firstPaintChunks(withList(["graph-chunk-ABC.js"]))).toEqual(["graph-chunk-ABC.js"]);
  });
});
