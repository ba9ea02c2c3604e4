// Runs in vitest (Node): the Python corpus (test/corpus/python: programs and the output CPython printed for them,
// written once by scripts/python-corpus.py) run through evaluateDocument: every printed line as CPython's.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../../src/notation";

const dir = join(__dirname, "../../../corpus/python");
const programs = readdirSync(dir).filter((f) => f.endsWith(".py")).sort();

describe("the Python corpus prints what CPython prints", () => {
  it("has programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(15);
  });
  it.each(programs)("%s", (file) => {
    const r = evaluateDocument(readFileSync(join(dir, file), "utf8"), { lang: "py" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const want = readFileSync(join(dir, file.replace(/\.py$/, ".out")), "utf8").split("\n");
    if (want[want.length - 1] === "") want.pop();
    expect(r.output).toEqual(want);
  });
});
