// Runs in vitest (Node): Python numbers (ints and floats told apart, trailing-point floats) and strings (quotes,
// escapes, raw, implicit concatenation, f-strings with specs and conversions).
import { describe, expect, it } from "vitest";
import type { Assign, ExprStmt, NumberLit, StringLit, Template } from "../../../../src/notation/tree";
import { lowerPy } from "./helpers";

function values(src: string): unknown[] {
  const r = lowerPy(src);
  expect(r.unsupported).toEqual([]);
  return r.program.body.map((s) => {
    const e = s.kind === "assignStmt" ? (s as Assign).value : (s as ExprStmt).expr;
    return e.kind === "number" ? [(e as NumberLit).value, (e as NumberLit).int ? "int" : "float"] : e.kind === "string" ? (e as StringLit).value : (e as Template).parts;
  });
}

describe("Python numbers", () => {
  it("ints carry int: true, floats do not", () => {
    expect(values("3\n0x10\n0o7\n0b1\n1_000\n0\n0XfF")).toEqual([[3, "int"], [16, "int"], [7, "int"], [1, "int"], [1000, "int"], [0, "int"], [255, "int"]]);
    expect(values("3.0\n1e-5\n.5\n1_0.5_0\n2E3")).toEqual([[3, "float"], [1e-5, "float"], [0.5, "float"], [10.5, "float"], [2000, "float"]]);
  });

  it("a trailing point makes a float, also before an exponent (lezer alone misreads both)", () => {
    expect(values("1.\nx = 2.\ny = 1.e-5\nz = 3.E2")).toEqual([[1, "float"], [2, "float"], [1e-5, "float"], [300, "float"]]);
    const r = lowerPy("f(1., 2.)*2.");
    expect(r.program.body[0]).toMatchObject({ expr: { kind: "binary", first: { kind: "call", args: [{ value: { value: 1, int: false } }, { value: { value: 2, int: false } }] } } });
    // strings and comments are left as written
    expect(values("x = '1. 2.e5'  # 3.e4")).toEqual(["1. 2.e5"]);
  });
});

describe("Python strings", () => {
  it("quotes, escapes, raw strings, implicit concatenation", () => {
    expect(values(String.raw`x = 'a\tb\n'` + "\n" + String.raw`y = "q\"\\"` + "\nz = '''tri\nple'''\nw = \"\"\"x\"\"\"")).toEqual(["a\tb\n", 'q"\\', "tri\nple", "x"]);
    expect(values(String.raw`x = "\x41\u03b1\U0001F600\101\0"` + "\n" + String.raw`y = "\q\
z"`)).toEqual(["Aα😀A\0", "\\qz"]);
    expect(values(String.raw`x = r"\d\n"` + "\n" + String.raw`y = R'\''` + "\nz = 'a' \"b\" '''c'''\nu = u'v'")).toEqual(["\\d\\n", "\\'", "abc", "v"]);
  });

  it("f-strings: text, values, format specs, conversions, `{x=}`, doubled braces", () => {
    expect(values('f"a{x!r:>10.3f} {{b}} {y=} {z = :.2f} {w!s}\\n"')).toEqual([
      ["a", { value: expect.objectContaining({ kind: "name", name: "x" }), spec: ">10.3f", conversion: "r" }, " {b} y=",
        { value: expect.objectContaining({ name: "y" }), conversion: "r" }, " z = ", { value: expect.objectContaining({ name: "z" }), spec: ".2f" }, " ",
        { value: expect.objectContaining({ name: "w" }), conversion: "s" }, "\n"],
    ]);
    expect(values('"x=" f"{x}" rf"\\d{y}"')).toEqual([["x=", { value: expect.objectContaining({ name: "x" }) }, "\\d", { value: expect.objectContaining({ name: "y" }) }]]);
    expect(lowerPy('rf"\\{y}"').unsupported.map((u) => u.what)).toEqual(["`\\{` in a raw f-string is not supported"]);
    expect(values('f"{a + b:.{2}}"'.replace(":.{2}", ":.2"))).toEqual([[{ value: expect.objectContaining({ kind: "binary" }), spec: ".2" }]]);
  });
});
