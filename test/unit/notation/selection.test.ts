// Runs in vitest (Node): what a selection's result says about its names (issue 15): the numbers it assigns itself
// are listed as constants, and `__proto__`, `constructor` and `toString` are names like any other (files too).
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";

describe("a selection's own constants", () => {
  it("`x = 53; y = -17; …` lists x and y as constants, with no leaves", () => {
    const r = evaluateSelection("x = 53; y = -17; (x**2 + 3)**2 + y");
    expect(r.value).toBe(7907327);
    expect(r.leaves).toEqual([]);
    expect(r.constants).toEqual([{ name: "x", value: 53 }, { name: "y", value: -17 }]);
  });

  it("free names are leaves, not constants", () => {
    const r = evaluateSelection("(x**2 + 3)**2 + y", { values: { x: 53, y: -17 } });
    expect(r.constants).toEqual([]);
    expect(r.leaves.map((l) => l.name)).toEqual(["x", "y"]);
  });
});

describe("names that are also Object.prototype's are ordinary names (issue 15)", () => {
  it("a file's params and bindings named `__proto__`, `constructor` and `toString`", () => {
    const d = evaluateDocument("const __proto__ = param(2);\nconst constructor = param(3);\nconst toString = 4;\nconst loss = __proto__ * constructor * toString;\n");
    expect(d.params.map((p) => [p.name, p.grad])).toEqual([["__proto__", 12], ["constructor", 8]]);
    expect(Object.keys(d.bindings).sort()).toEqual(["__proto__", "constructor", "loss"]);
    expect(d.bindings["__proto__"]).toBe(d.params[0].node);
    // A name the file does not bind is absent, not Object.prototype's.
    expect(d.bindings["hasOwnProperty"]).toBeUndefined();
  });

  it("a selection's free names and the values given for them", () => {
    const r = evaluateSelection("__proto__ * toString", { values: JSON.parse('{"__proto__": 2, "toString": 3}') as Record<string, number> });
    expect(r.leaves.map((l) => [l.name, l.grad])).toEqual([["__proto__", 3], ["toString", 2]]);
    const doc = "constructor = 5\n__proto__ = 7\nconstructor * __proto__\n";
    const found = evaluateSelection("constructor * __proto__", { documentText: doc, selectionOffset: doc.lastIndexOf("constructor") });
    expect(found.foundNames.map((f) => [f.name, f.value])).toEqual([["constructor", 5], ["__proto__", 7]]);
    expect(found.value).toBe(35);
  });
});
