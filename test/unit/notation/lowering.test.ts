// Runs in vitest (Node): no input can blow up either lowering: 10,000-term chains lower into one node without
// recursion, and nesting past MAX_NESTING (or past what a parser holds) is a positioned "too deeply nested" error,
// never a stack overflow.
import { describe, expect, it } from "vitest";
import { GradLensError } from "../../../src/notation/errors";
import { MAX_NESTING } from "../../../src/notation/lowering";
import { parse } from "../../../src/notation/parse";
import { lowerPython } from "../../../src/notation/python/lower";
import { parsePython } from "../../../src/notation/python/parse";
import type { Binary, Compare, Expr, ExprStmt, Logic } from "../../../src/notation/tree";
import { lowerTypeScript } from "../../../src/notation/typescript/lower";

const lowerTs = (src: string) => lowerTypeScript(parse(src));
const lowerPy = (src: string) => lowerPython(parsePython(src));
const first = (r: { program: { body: readonly unknown[] } }): Expr => (r.program.body[0] as ExprStmt).expr;
const terms = (n: number, t: string, op: string): string => Array.from({ length: n }, () => t).join(op);

function tooDeep(f: () => unknown): GradLensError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GradLensError);
    expect((e as GradLensError).reason).toMatch(/^too deeply nested/);
    return e as GradLensError;
  }
  throw new Error("expected a too-deeply-nested error");
}

describe("10,000-term chains lower into one node", () => {
  it("TypeScript: a sum, a && chain, a comma sequence", () => {
    const sum = first(lowerTs(terms(10_000, "x", " + "))) as Binary;
    expect(sum.kind).toBe("binary");
    expect(sum.rest).toHaveLength(9_999);
    expect(sum.rest[9_998].end).toBe(sum.end);
    expect((first(lowerTs(terms(10_000, "a", " && "))) as Logic).rest).toHaveLength(9_999);
    expect(first(lowerTs(terms(10_000, "a", ", ")))).toMatchObject({ kind: "sequence" });
  });

  it("Python: a sum, a sum of products, an `and` chain, a comparison chain", () => {
    const sum = first(lowerPy(terms(10_000, "x", " + "))) as Binary;
    expect(sum.rest).toHaveLength(9_999);
    expect(sum).toMatchObject({ start: 0, end: 10_000 * 4 - 3, first: { kind: "name", start: 0, end: 1 } });
    expect(sum.rest[1]).toMatchObject({ op: "+", opSpan: { start: 6, end: 7 }, end: 9 });
    const products = first(lowerPy(terms(10_000, "w * x", " + "))) as Binary;
    expect(products.rest).toHaveLength(9_999);
    expect(products.rest[5].right).toMatchObject({ kind: "binary", rest: [{ op: "*" }] });
    expect((first(lowerPy(terms(10_000, "a", " and "))) as Logic).rest).toHaveLength(9_999);
    expect((first(lowerPy(terms(10_000, "a", " < "))) as Compare).rest).toHaveLength(9_999);
    expect((first(lowerPy(terms(10_000, "not a", " or "))) as Logic).rest[0].right).toMatchObject({ kind: "unary", op: "not" });
  });

  it("Python: a 10,000-term sum inside a function body and inside a call", () => {
    const r = lowerPy(`def f(x):\n    return g(${terms(10_000, "x", " + ")}, 1)`);
    expect(r.unsupported).toEqual([]);
    const call = ((r.program.body[0] as unknown as { fn: { body: { value: { args: { value: Binary }[] } }[] } }).fn.body[0].value);
    expect(call.args[0].value.rest).toHaveLength(9_999);
  });
});

describe("deep nesting is a positioned error", () => {
  it(`TypeScript: past ${MAX_NESTING} levels the lowering stops at the construct where it crossed`, () => {
    const src = terms(3000, "-", " ") + " x";
    const e = tooDeep(() => lowerTs(src));
    expect(e.start).toBeGreaterThan(0);
    expect(e.line).toBe(1);
    tooDeep(() => lowerTs(terms(3000, "!", "") + "x"));
    tooDeep(() => lowerTs(terms(3000, "a", " = ") + " = 1"));
    // within the bound it lowers
    expect(first(lowerTs(terms(MAX_NESTING - 2, "-", " ") + " x")).kind).toBe("unary");
  });

  it("TypeScript: what its parser cannot hold is its parse error, kept", () => {
    tooDeep(() => lowerTs("(".repeat(3000) + "x" + ")".repeat(3000)));
  });

  it("Python: parentheses, calls, brackets, right-nested operators, unary chains and blocks", () => {
    for (const src of [
      "(".repeat(3000) + "x" + ")".repeat(3000), "f(".repeat(2000) + "x" + ")".repeat(2000), "[".repeat(5000) + "]".repeat(5000),
      terms(3000, "x", " ** "), terms(3000, "-", " ") + " x", terms(3000, "not", " ") + " x", terms(3000, "lambda:", " ") + " x",
      Array.from({ length: 1500 }, (_, i) => `${" ".repeat(i)}if x:`).join("\n") + `\n${" ".repeat(1500)}pass`,
    ]) {
      const e = tooDeep(() => lowerPy(src));
      expect(e.start, src.slice(0, 20)).toBeGreaterThan(0);
    }
  });
});
