// Runs in vitest (Node): a saved document's load("weights.json") in the editor's evaluator worker reads the file's
// folder through the Node entry's reader: its hovers' numbers come from the file; a symlink out of the folder is
// refused with the position of the call, and a document not on disk (untitled) reads nothing.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { harness } from "./harness";
import { fileReaderFor } from "../../../../../src/extension/evaluation/worker/files";

const TEXT = "const saved = load(\"w.json\");\nconst w = param(saved.w);\nconst loss = (w - 1) ** 2;\n";

describe("load(...) in the editor's worker", () => {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-load-"));
  mkdirSync(join(dir, "model"));
  writeFileSync(join(dir, "model", "w.json"), "{\"w\": 3}");
  writeFileSync(join(dir, "secret.json"), "{\"w\": 7}");
  symlinkSync(join(dir, "secret.json"), join(dir, "model", "out.json"));

  it("reads the saved file's folder: the target's value comes from w.json", () => {
    const ask = harness(fileReaderFor), uri = pathToFileURL(join(dir, "model", "net.nn.ts")).href;
    const s = ask({ kind: "summary", doc: { uri, version: 1, text: TEXT }, bounds: {}, digits: 4 });
    expect(s.problems.filter((p) => p.severity === "error")).toEqual([]);
    const h = ask({ kind: "hover", doc: { uri, version: 1 }, bounds: {}, offset: TEXT.indexOf("loss ="), digits: 4 });
    expect(h?.markdown).toMatch(/^\*\*loss\*\* \(the target\)\n\nvalue 4 · /);
  });

  it("refuses a symlink out of the folder, at the call; an untitled document reads nothing", () => {
    const ask = harness(fileReaderFor), uri = pathToFileURL(join(dir, "model", "leak.nn.ts")).href;
    const text = TEXT.replace("w.json", "out.json");
    const errors = ask({ kind: "summary", doc: { uri, version: 1, text }, bounds: {}, digits: 4 }).problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => p.message)).toEqual([expect.stringMatching(/^`load`: cannot read out\.json: out\.json leads outside the file's folder/)]);
    expect(text.slice(errors[0].start, errors[0].end)).toBe("load(\"out.json\")");
    const untitled = ask({ kind: "summary", doc: { uri: "untitled:Untitled-1", version: 1, text: TEXT }, bounds: {}, digits: 4 });
    expect(untitled.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^`load`: no files can be read here/));
  });
});
