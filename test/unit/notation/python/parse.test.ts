// Runs in vitest (Node): parsing Python with @lezer/python: every error node a positioned error worded like the
// TypeScript side's, indentation errors lezer lets through, and nesting past its limits a positioned error.
import { describe, expect, it } from "vitest";
import { GradLensError } from "../../../../src/notation/errors";
import { parsePython } from "../../../../src/notation/python/parse";

function errors(src: string): string[] {
  try {
    parsePython(src);
  } catch (e) {
    if (!(e instanceof GradLensError)) throw e;
    return e.all.map((x) => x.message);
  }
  return [];
}

describe("Python syntax errors", () => {
  it("are worded like the TypeScript side's, with their positions, all of them", () => {
    expect(errors("x = (1 + 2))\ny = 3")).toEqual(["unexpected token ')' (line 1:12)"]);
    expect(errors("x = (1 + 2")).toEqual(["unexpected end of input (line 1:11)"]);
    expect(errors("def f(:\n  pass")).toEqual(["unexpected token ':' (line 1:7)"]);
    expect(errors("x = 1 +\ny = 2 *")).toEqual(["unexpected end of line (line 1:8)", "unexpected end of input (line 2:8)"]);
    expect(errors("a = [1, 2\nb = 3")).toEqual(["unexpected token 'b' (line 2:1)"]);
  });

  it("carry their spans (a missing token is underlined at the next one)", () => {
    try {
      parsePython("x = (1 + 2))");
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ reason: "unexpected token ')'", start: 11, end: 12 });
    }
  });

  it("report indentation lezer lets through", () => {
    expect(errors("if x:\n    a = 1\n  b = 2\nc = 3")).toEqual(["unindent does not match any outer indentation level (line 3:3)"]);
    expect(errors("x = 1\n    y = 2")).toEqual(["unexpected indent (line 2:5)"]);
  });

  it("accept a selection indented as a whole, and blank lines and comments anywhere", () => {
    expect(errors("    x = 1\n    y = 2\n")).toEqual([]);
    expect(errors("def f():\n    # c\n\n    return 1  # d\n# e\n")).toEqual([]);
  });

  it("nesting past lezer's limits is a positioned error, not a crash or a wrong tree", () => {
    const parens = "(".repeat(3000) + "x" + ")".repeat(3000);
    expect(errors(parens)[0]).toMatch(/^too deeply nested/);
    expect(errors("[".repeat(5000) + "]".repeat(5000))[0]).toMatch(/^too deeply nested/);
    expect(errors("f(".repeat(2000) + "x" + ")".repeat(2000))[0]).toMatch(/^too deeply nested/);
    const ifs = Array.from({ length: 1500 }, (_, i) => `${" ".repeat(i)}if x:`).join("\n") + `\n${" ".repeat(1500)}pass`;
    expect(errors(ifs)[0]).toMatch(/^too deeply nested/);
    // lezer's own cut would have turned these into "unexpected token" errors
    expect(errors(parens)).toHaveLength(1);
  });
});
