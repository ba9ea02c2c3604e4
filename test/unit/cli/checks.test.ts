// Runs in vitest (Node): the labels and lines `check` and `run` print for a file's own checks.
import { describe, expect, it } from "vitest";
import { callLabel, printChecks } from "../../../src/cli/checks";

describe("callLabel", () => {
  it("a gradcheck(…) call is a gradcheck; the check made at a backward() call is the autograd check of that call", () => {
    expect(callLabel("gradcheck(f, df, 2)", 6, 1, "a.nn.ts")).toBe("gradcheck at a.nn.ts:6:1");
    expect(callLabel("gradcheck (\n  model, X)", 6, 1, undefined)).toBe("gradcheck at 6:1");
    expect(callLabel("z.backward()", 47, 1, "var.py")).toBe("autograd check of `z.backward()` at var.py:47:1");
    expect(callLabel(undefined, 3, 5, undefined)).toBe("gradcheck at 3:5");
    expect(callLabel(`${"a".repeat(60)}.backward()`, 1, 1, "f.py")).toMatch(/^autograd check of `a{39}…` at f\.py:1:1$/);
  });
});

describe("printChecks", () => {
  it("one PASS/FAIL line per check, then ✓/✗ per row with both values and the errors", () => {
    const lines: string[] = [];
    printChecks([{ what: "autograd check of `z.backward()` at f.py:9:1", pass: false, rows: [
      { name: "x (line 1)", analytic: 4, numeric: 4, absError: 0, relError: 0, pass: true, note: "" },
      { name: "y (line 2)", analytic: 3, numeric: 2, absError: 1, relError: 0.5, pass: false, note: "your backward's gradient differs" },
    ] }], (s) => lines.push(s));
    expect(lines).toEqual([
      "FAIL  autograd check of `z.backward()` at f.py:9:1",
      "  ✓ x (line 1): analytic 4  numeric 4  abs 0  rel 0",
      "  ✗ y (line 2): analytic 3  numeric 2  abs 1  rel 0.5  (your backward's gradient differs)",
    ]);
  });
});
