// Runs in vitest (Node): every program of the Python corpus (test/corpus/python) and every Python example
// (examples/*.nn.py) stays inside the subset GradLens reads: it parses and lowers with nothing unsupported.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lowerPy } from "./helpers";

const root = join(__dirname, "..", "..", "..", "..");
const files = [
  ...readdirSync(join(root, "test", "corpus", "python")).filter((f) => f.endsWith(".py")).map((f) => join("test", "corpus", "python", f)),
  ...readdirSync(join(root, "examples")).filter((f) => f.endsWith(".nn.py")).map((f) => join("examples", f)),
].sort();

describe("the Python corpus and examples use only the supported subset", () => {
  it("finds them", () => {
    expect(files.filter((f) => f.startsWith("examples")).length).toBe(3);
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  for (const f of files) {
    it(f, () => {
      const r = lowerPy(readFileSync(join(root, f), "utf8"));
      expect(r.unsupported.map((u) => u.what)).toEqual([]);
    });
  }
});
