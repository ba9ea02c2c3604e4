// Runs in vitest (Node): the editor features' walks over a parsed file keep their own stack: a 10,000-term sum (a
// tree 10,000 deep) gets hovers, inlay hints, CodeLenses and problems like any file; a bound hit is a "bound" problem.
import { describe, expect, it } from "vitest";
import { hoverAt } from "../../../src/editor-model/hover";
import { inlaysIn } from "../../../src/editor-model/inlays";
import { lensesOf } from "../../../src/editor-model/lenses";
import { problemsOf } from "../../../src/editor-model/problems";
import { evaluate, offsetOf } from "./helpers";

describe("a file with a 10,000-term sum", () => {
  const sum = Array(10_000).fill("w").join(" + ");
  const { result, sf, text } = evaluate(`const w = param(0.5);\nconst AND_rows = AND.length;\nconst loss = ${sum};\nconst twice = loss * 2;\n`);

  it("evaluates, and every editor feature answers", () => {
    expect([result.ok, result.value, result.params[0].grad, result.dataset]).toEqual([true, 5000, 10_000, "AND"]);
    expect(hoverAt(result, sf, offsetOf(text, "w", 0), 4)?.markdown).toMatch(/10,?000|1e\+?4/);
    expect(hoverAt(result, sf, offsetOf(text, "+", 5000), 4)).toBeDefined();
    expect(inlaysIn(result, sf, 0, text.length, 4).map((h) => h.label)).toContain("5000 (target)");
    expect(lensesOf(result, sf, 4).length).toBeGreaterThan(0);
    expect(problemsOf(result, text.length)).toEqual([]);
  });

  it("a bound hit in such a file is a positioned \"bound\" problem", () => {
    const bad = evaluate(`const w = param(0.5);\nconst loss = ${sum} + sum(zeros([20000, 20000]));\n`);
    const p = problemsOf(bad.result, bad.text.length);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: "bound", severity: "error" });
    expect(bad.text.slice(p[0].start, p[0].end)).toBe("zeros([20000, 20000])");
  });
});
