// Runs in vitest (Node): "check my autograd" through the CLI, in-process: a hand-written scalar autograd whose
// __mul__ backward is wrong fails `check` and `run` (exit 1), its failing row after what the program printed.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/run";

/** The real-VS-Code suite's fixture: one hand-written autograd for both. */
const fixture = (name: string): string => join(__dirname, "..", "..", "e2e", "fixtures", name);

function cli(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

describe("the autograd check in the CLI", () => {
  it("check of a hand-written autograd with a wrong __mul__ backward fails (exit 1)", () => {
    const r = cli("check", fixture("autograd.nn.py"));
    expect(r.code, r.err.join("\n")).toBe(1);
    expect(r.out.join("\n")).toMatch(/^FAIL {2}autograd check of `z\.backward\(\)` at .*autograd\.nn\.py:47:1$/m);
    expect(r.out.join("\n")).toMatch(/warning: your `__mul__` backward: `other\.grad` got 3\.0, the true value is 2\.0/);
  });

  it("run prints the program's output, then the failing row (y: the learner's 3 against the true 2); exit 1", () => {
    const r = cli("run", fixture("autograd.nn.py"));
    expect(r.out[0]).toBe("4.0 3.0");
    const text = r.out.join("\n");
    expect(text).toMatch(/^FAIL {2}autograd check of `z\.backward\(\)`/m);
    expect(text).toMatch(/^ {2}✗ y \(line 45\): analytic 3 {2}numeric 2\b/m);
    expect(text).toMatch(/^ {2}✓ x \(line 44\): analytic 4 {2}numeric 4\b/m);
    expect(r.code).toBe(1);
  });
});
