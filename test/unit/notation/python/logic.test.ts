// Runs in vitest (Node): Python's and/or/not and comparisons. lezer/python 1.1.19 nests `not` too widely; the
// lowering re-associates from the token order by Python's precedence: or < and < not < comparisons.
import { describe, expect, it } from "vitest";
import { lowerPy, py } from "./helpers";

describe("`not` re-associated", () => {
  it("binds tighter than and/or, looser than comparisons", () => {
    expect(py("not a or b")).toBe("((not a) or b)");
    expect(py("a and not b or c")).toBe("((a and (not b)) or c)");
    expect(py("not a and b")).toBe("((not a) and b)");
    expect(py("a or not b and c")).toBe("(a or ((not b) and c))");
    expect(py("not a == b")).toBe("(not (a == b))");
    expect(py("not a < b or c")).toBe("((not (a < b)) or c)");
    expect(py("not a + b < c")).toBe("(not ((a + b) < c))");
    expect(py("not not a or b")).toBe("((not (not a)) or b)");
  });

  it("wherever the region stands: a conditional's test, a lambda's body, an argument, an if", () => {
    expect(py("x if not a or b else y")).toBe("(((not a) or b) ? x : y)");
    expect(py("lambda: not a or b")).toBe("(lambda(): ((not a) or b))");
    expect(py("f(not a or b)")).toBe("f(((not a) or b))");
    expect(py("if not a or b: pass")).toBe("if ((not a) or b) {pass}");
  });

  it("parentheses keep their grouping", () => {
    expect(py("not (a or b)")).toBe("(not (a or b))");
    expect(py("(not a) or b")).toBe("((not a) or b)");
  });

  it("a `not` after a comparison operator is an error at the `not` (Python does not accept it)", () => {
    const r = lowerPy("x = a == not b");
    expect(r.unsupported).toEqual([{ kind: "unsupported", what: "`not` cannot follow a comparison without parentheses", start: 9, end: 12 }]);
  });
});

describe("comparison chains", () => {
  it("`a < b <= c` is one Compare; a parenthesized comparison is not part of a chain", () => {
    expect(py("a < b <= c")).toBe("(a < b <= c)");
    expect(py("(a < b) < c")).toBe("((a < b) < c)");
    expect(py("a < (b < c)")).toBe("(a < (b < c))");
    expect(py("0 <= i < n and x in s")).toBe("((0 <= i < n) and (x in s))");
    expect(py("a is not b is c not in d")).toBe("(a is not b is c not in d)");
  });

  it("and/or chains are one node each", () => {
    expect(py("a and b and c or d or e")).toBe("((a and b and c) or d or e)");
  });

  it("spans: a chain from its first operand to its last, `not` from its keyword", () => {
    const src = "x = not a < b and c";
    const v = (lowerPy(src).program.body[0] as unknown as { value: unknown }).value;
    expect(v).toMatchObject({
      kind: "logic", op: "and", start: 4, end: src.length, rest: [{ opSpan: { start: src.indexOf("and"), end: src.indexOf("and") + 3 }, end: src.length }],
      first: { kind: "unary", op: "not", start: 4, end: src.indexOf(" and"), opSpan: { start: 4, end: 7 }, arg: { kind: "compare", start: 8 } },
    });
  });
});
