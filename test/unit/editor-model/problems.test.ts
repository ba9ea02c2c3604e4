// Runs in vitest (Node): what the Problems panel gets for `.nn.ts` files, and that fixing the file clears it.
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../src/editor-model/problems";
import { evaluate, example } from "./helpers";

function problems(text: string) {
  const { result } = evaluate(text);
  return problemsOf(result, text.length);
}

describe("problems of .nn.ts files", () => {
  it("puts an unknown name's error on the name, and clears it once fixed", () => {
    const text = example("broken.nn.ts");
    const ps = problems(text);
    const err = ps.find((p) => p.severity === "error");
    expect(err).toBeDefined();
    expect(text.slice(err?.start, err?.end)).toBe("wieght");
    expect(err?.message).toMatch(/wieght/);
    expect(problems(text.replace("wieght", "weight"))).toEqual([]);
  });

  it("reports a syntax error at its token", () => {
    const text = "const a = param(1);\nconst loss = (a * 2));\n";
    const ps = problems(text);
    expect(ps[0].severity).toBe("error");
    expect(text.slice(ps[0].start, ps[0].end)).toBe(")");
    expect(ps[0].start).toBe(text.lastIndexOf("))") + 1);
  });

  it("stops an endless loop at the step bound, as an error where it stopped", () => {
    const text = "let i = 0;\nwhile (true) { i = i + 1; }\n";
    const { result } = evaluate(text);
    const ps = problemsOf(result, text.length);
    expect(ps).toHaveLength(1);
    expect(ps[0].code).toBe("bound");
    expect(ps[0].message).toMatch(/step limit/);
    expect(ps[0].start).toBeGreaterThanOrEqual(text.indexOf("while"));
  });

  it("warns where NaN first appears", () => {
    const text = "const a = param(-1);\nconst b = log(a);\nconst loss = b * 2;\n";
    const ps = problems(text);
    const nan = ps.find((p) => p.code === "nonfinite");
    expect(nan?.severity).toBe("warning");
    expect(text.slice(nan?.start, nan?.end)).toBe("log(a)");
  });

  it("flags a failed gradcheck(f, df, at) call at the call", () => {
    const text = "const f = (x: number) => x * x;\nconst wrong = (x: number) => x;\ngradcheck(f, wrong, 3);\ngradcheck(f, (x: number) => 2 * x, 3);\nconst loss = f(param(2));\n";
    const ps = problems(text);
    const failed = ps.filter((p) => p.code === "gradcheck");
    expect(failed).toHaveLength(1);
    expect(text.slice(failed[0].start, failed[0].end)).toBe("gradcheck(f, wrong, 3)");
  });

  it("names an unsupported construct", () => {
    const text = "label: for (;;) { break label; }\nconst loss = 1;\n";
    const ps = problems(text);
    expect(ps.some((p) => p.severity === "error")).toBe(true);
  });

  it("has nothing to say about the shipped examples (except the broken one)", () => {
    for (const name of ["xor.nn.ts", "xor-mlp.nn.ts", "and.nn.ts", "square.nn.ts", "sigmoid-gradcheck.nn.ts"]) {
      expect(problems(example(name)), name).toEqual([]);
    }
  });
});
