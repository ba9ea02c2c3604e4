// Runs in vitest (Node): "Apply to file" writes trained values into param(...) literals; evaluating the edited
// file gives back exactly the trained params and loss.
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/notation";
import { applyEdits, applyToText, firstArgument } from "../../../src/train";
import { MLP_FILE, XOR_FILE, documentConfig, runToEnd } from "./helpers";

describe("apply to file", () => {
  it("writes every trained XOR param into its param(...) call, and the edited file evaluates to them", async () => {
    const { session, snap } = await runToEnd(documentConfig(XOR_FILE));
    const values = session.problem.store.snapshot();
    const { edits, skipped } = applyEdits(XOR_FILE, values, session.problem.store.names);
    expect(skipped).toEqual([]);
    expect(edits).toHaveLength(9);
    for (const e of edits) expect(XOR_FILE.slice(e.start, e.end)).toBe("rand()");
    const edited = applyToText(XOR_FILE, edits);
    expect(edited).toContain(`b3 = param(${values[8]})`);
    const doc = evaluateDocument(edited);
    expect(doc.ok).toBe(true);
    expect(Array.from(doc.store.snapshot())).toEqual(Array.from(values));
    expect(doc.value).toBe(snap.loss);
  });

  it("keeps a param's name argument and replaces only the value; unchanged values need no edit", () => {
    const text = `const a = param( 1.5 , "alpha");\nconst b = param(2);\nconst loss = (a * b - 1) ** 2;\n`;
    const { edits } = applyEdits(text, [0.25, 2]);
    expect(edits).toEqual([{ start: text.indexOf("1.5"), end: text.indexOf("1.5") + 3, newText: "0.25" }]);
    expect(applyToText(text, edits)).toBe(`const a = param( 0.25 , "alpha");\nconst b = param(2);\nconst loss = (a * b - 1) ** 2;\n`);
    expect(applyEdits(text, [-3e-7, 2]).edits[0].newText).toBe("-3e-7");
  });

  it("params made by mlp() or by one call in a loop are skipped with the reason", () => {
    const mlp = applyEdits(MLP_FILE, new Float64Array(9).fill(0.5));
    expect(mlp.edits).toEqual([]);
    expect(mlp.skipped).toHaveLength(9);
    expect(mlp.skipped[0].reason).toMatch(/not made by a param/);
    const loop = `const ws = [];\nfor (let i = 0; i < 3; i++) ws.push(param(i));\nconst b = param(0);\nconst loss = (ws[0] + ws[1] + ws[2] + b - 1) ** 2;\n`;
    const r = applyEdits(loop, [1, 2, 3, 4]);
    expect(r.skipped.map((s) => s.reason)).toEqual(Array(3).fill("one param(...) call made 3 params"));
    expect(applyToText(loop, r.edits)).toContain("const b = param(4);");
  });

  it("refuses when the file's params changed since training", () => {
    expect(() => applyEdits(XOR_FILE, [1, 2, 3])).toThrow(/changed since training/);
    expect(() => applyEdits("const loss = param(1) * ;", [1])).toThrow(/does not evaluate/);
  });

  it("finds the first argument across nesting, strings and whitespace", () => {
    const t = `param( f(1, [2, 3]) , "a,b")`;
    const r = firstArgument(t, 0, t.length);
    expect(t.slice(r!.start, r!.end)).toBe("f(1, [2, 3])");
    expect(firstArgument("param()", 0, 7)).toBeUndefined();
  });
});
