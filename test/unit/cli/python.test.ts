// Runs in vitest (Node): the `gradlens` commands on Python, in-process (src/cli/run.ts, as bin/gradlens.js runs it):
// `.py` files by their name, `--lang python` for expressions, `gradlens run` (output, then checks, exit status), and
// the same JSON from `grad` for a Python file as for its TypeScript twin.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/run";

const root = join(__dirname, "../../..");
const fixture = (name: string): string => join(__dirname, "fixtures", name);

function cli(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

function json(...args: string[]): Record<string, unknown> {
  const r = cli(...args);
  expect(r.out, r.err.join("\n")).toHaveLength(1);
  return JSON.parse(r.out[0]) as Record<string, unknown>;
}

describe("grad, check and train on a .py file", () => {
  it("grad prints the same JSON for xor.nn.py as for examples/xor.nn.ts (params named by path)", () => {
    const py = json("grad", fixture("xor.nn.py"), "--json") as { value: number; grads: Record<string, number> };
    const ts = json("grad", join(root, "examples/xor.nn.ts"), "--json") as { value: number; grads: Record<string, number> };
    expect(Object.keys(py.grads)).toEqual(["w1[0]", "w1[1]", "b1", "w2[0]", "w2[1]", "b2", "w3[0]", "w3[1]", "b3"]);
    expect(py.value).toBeCloseTo(ts.value, 12);
    expect(Object.values(py.grads)).toEqual(Object.values(ts.grads).map((g) => expect.closeTo(g, 12)));
  });

  it("train learns XOR from xor.nn.py as from xor.nn.ts, with the file's train(lr=1, steps=2000)", () => {
    const py = json("train", fixture("xor.nn.py"), "--json"), ts = json("train", join(root, "examples/xor.nn.ts"), "--json");
    expect(py.learned).toBe(true);
    expect(py.steps).toBe(2000);
    expect(py.finalLoss as number).toBeCloseTo(ts.finalLoss as number, 9);
  });
});

describe("--lang python", () => {
  it("reads an expression as Python: `//` is floor division, not a comment", () => {
    expect(json("grad", "7 // 2 + x", "--lang", "python", "--at", "x=1", "--json")).toEqual({ value: 4, grads: { x: 1 } });
    expect(json("grad", "-x ** 2", "--lang", "python", "--at", "x=3", "--json")).toEqual({ value: -9, grads: { x: -6 } });
    // TypeScript reads the same text with a comment in it.
    expect(json("grad", "7 // 2 + x", "--lang", "ts", "--json")).toMatchObject({ value: 7, grads: {} });
  });
});

describe("gradlens run", () => {
  it("prints what the program printed, then its checks; exit 0 when they pass", () => {
    const r = cli("run", fixture("program.py"));
    expect(r.err).toEqual([]);
    expect(r.out.slice(0, 3)).toEqual(["f(1.5) = 6.375", "3 3.5", "3.142"]);
    expect(r.out[3]).toMatch(/^PASS {2}gradcheck at .*program\.py:12:1$/);
    expect(r.code).toBe(0);
  });

  it("an error is reported after the lines printed before it; exit 2", () => {
    const r = cli("run", fixture("raises.py"));
    expect(r.out).toEqual(["before"]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^error: .*bad input.* at .*raises\.py:3:\d+$/);
    expect(r.code).toBe(2);
  });

  it("--json: output, pass and checks in one line", () => {
    const d = json("run", fixture("program.py"), "--json") as { output: string[]; pass: boolean; checks: { pass: boolean }[] };
    expect(d.output).toEqual(["f(1.5) = 6.375", "3 3.5", "3.142"]);
    expect(d.pass).toBe(true);
    expect(d.checks.map((c) => c.pass)).toEqual([true]);
  });

  it("is bounded like every evaluation: --max-steps 10 stops the program at the bound, exit 2", () => {
    const r = cli("run", fixture("program.py"), "--max-steps", "10");
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(/maxSteps|steps/);
  });
});
