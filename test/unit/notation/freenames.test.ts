// Runs in vitest (Node): free names of a selection and their values from the document, in TypeScript, JavaScript
// and Python documents.
import { describe, expect, it } from "vitest";
import { evaluateSelection, freeNames, MissingNamesError, prepareSelection } from "../../../src/notation";

function at(doc: string, selection: string, languageId: string) {
  const selectionOffset = doc.lastIndexOf(selection);
  return { opts: { documentText: doc, selectionOffset, languageId }, selection };
}

describe("free names", () => {
  it("TypeScript: const, let with a type, plain assignment; the nearest earlier one wins", () => {
    const doc = `const x = 1;
let y: number = -17;
function f() {}
const x = 53; // the nearer one
const unused = 2;
const z = (x**2 + 3)**2 + y;
`;
    const { opts, selection } = at(doc, "(x**2 + 3)**2 + y", "typescript");
    expect(freeNames(selection, opts)).toEqual({ found: [{ name: "x", value: 53, line: 4 }, { name: "y", value: -17, line: 2 }], missing: [] });
    const r = evaluateSelection(selection, opts);
    expect(r.value).toBe(7907327);
    expect(r.foundNames.map((f) => f.line)).toEqual([4, 2]);
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["x", 596144], ["y", 1]]);
  });

  it("Python: annotated and plain assignments, math constants, comments", () => {
    const doc = `import math
x: float = 53.0  # input
y = -17
scale = 2 ** 3
pi_ish = math.pi / 2
z = (x**2 + 3)**2 + y * scale + pi_ish
`;
    const { opts, selection } = at(doc, "(x**2 + 3)**2 + y * scale + pi_ish", "python");
    const { found, missing } = freeNames(selection, opts);
    expect(missing).toEqual([]);
    expect(found).toEqual([
      { name: "x", value: 53, line: 2 }, { name: "y", value: -17, line: 3 }, { name: "scale", value: 8, line: 4 },
      { name: "pi_ish", value: Math.PI / 2, line: 5 },
    ]);
  });

  it("JavaScript: var; non-constant right sides and later assignments are skipped", () => {
    const doc = `var a = 3;
var b = a * 2;
let c = foo();
const sel = a + b + c;
var a = 99;
`;
    const { opts, selection } = at(doc, "a + b + c", "javascript");
    expect(freeNames(selection, opts)).toEqual({ found: [{ name: "a", value: 3, line: 1 }], missing: ["b", "c"] });
  });

  it("names declared in the selection, parameters, properties and built-ins are not free", () => {
    expect(freeNames("const k = 2; const f = (v) => v * k + w; f(q) + Math.PI + obj.prop + tanh(r)").missing).toEqual(["w", "q", "obj", "r"]);
    expect(freeNames("for (const [p, q] of XOR) s += p * q; s").missing).toEqual(["s"]);
  });

  it("values given by the caller win over the document's", () => {
    const doc = "x = 2\ny = x * x\n";
    const r = evaluateSelection("x * x", { documentText: doc, selectionOffset: doc.indexOf("x * x"), values: { x: 5 } });
    expect(r.value).toBe(25);
    expect(r.foundNames).toEqual([]);
  });

  it("each free name is an input leaf at its first use", () => {
    const r = evaluateSelection("a * b + a", { values: { a: 2, b: 3 } });
    const a = r.leaves.find((l) => l.name === "a")!;
    expect(r.tape.source(a.node)).toEqual({ start: 0, end: 1 });
    expect(a.grad).toBe(4);
  });

  it("a selected assignment `z = …` (Python or JavaScript) declares z; `x = x + 1` still reads a free x", () => {
    const doc = "x: float = 53.0\ny = -17\nz = (x**2 + 3)**2 + y\n";
    const selection = "z = (x**2 + 3)**2 + y";
    const opts = { documentText: doc, selectionOffset: doc.indexOf(selection), languageId: "python" };
    expect(freeNames(selection, opts).missing).toEqual([]);
    const r = evaluateSelection(selection, opts);
    expect([r.value, r.leaves.map((l) => l.name)]).toEqual([7907327, ["x", "y"]]);
    expect(freeNames("x = x + 1").missing).toEqual(["x"]);
    expect(evaluateSelection("w = 2 * x\nw * w", { values: { x: 3 } }).value).toBe(36);
  });

  it("a selected Python annotated assignment `x: float = 2.0` reads as an assignment", () => {
    const r = evaluateSelection("x: float = 2.0\ny = x * t", { values: { t: 4 }, languageId: "python" });
    expect(r.value).toBe(8);
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["t", 2]]);
    expect(() => evaluateSelection("x: float = 2.0", { languageId: "typescript" })).toThrow(/labelled statements are not supported/);
  });
});

describe("a prepared selection", () => {
  const doc = "const x = 53;\n(x**2 + 3)**2 + y\n";
  const selection = "(x**2 + 3)**2 + y";
  const place = { documentText: doc, selectionOffset: doc.indexOf(selection), languageId: "typescript" };

  it("says which names to ask for, then evaluates with the values typed for them", () => {
    const p = prepareSelection(selection, place);
    expect(p.found).toEqual([{ name: "x", value: 53, line: 1 }]);
    expect(p.missing).toEqual(["y"]);
    const r = p.evaluate({ y: -17 });
    expect(r.value).toBe(7907327);
    expect(r.leaves.map((l) => [l.name, l.value, l.grad])).toEqual([["x", 53, 596144], ["y", -17, 1]]);
    expect(r.foundNames).toEqual([{ name: "x", value: 53, line: 1 }]);
  });

  it("evaluates again at other values (a gradient check's numeric side), typed values winning over the document's", () => {
    const p = prepareSelection(selection, place);
    expect(p.evaluate({ y: 0 }).value).toBe(2812 ** 2);
    const r = p.evaluate({ x: 1, y: 0 });
    expect(r.value).toBe(16);
    expect(r.foundNames).toEqual([]);
    expect(prepareSelection("a * b", {}).evaluate({ a: 2, b: 3 }).leaves.map((l) => l.grad)).toEqual([3, 2]);
  });

  it("refuses to evaluate without a value for every missing name, pointing at its first use in the document", () => {
    const p = prepareSelection(selection, place);
    let e: unknown;
    try {
      p.evaluate();
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(MissingNamesError);
    expect((e as MissingNamesError).names).toEqual(["y"]);
    expect(doc.slice((e as MissingNamesError).start, (e as MissingNamesError).end)).toBe("y");
  });

  it("reports a parse error at its place in the document when prepared", () => {
    const bad = "(x ** 2 + 3)) * x";
    const text = `const x = 1;\n${bad}\n`;
    expect(() => prepareSelection(bad, { documentText: text, selectionOffset: text.indexOf(bad) })).toThrow(/line 2:13/);
  });
});
