// Runs in vitest (Node): a graphed selection evaluated again against its document's current text, as the panel
// does when it follows edits or comes back after a reload.
import { describe, expect, it } from "vitest";
import { reevaluateSelection } from "../../../../src/extension/graph/input";
import type { GraphSource } from "../../../../src/extension/graph/source";

const DOC = "// fixture\nconst x = 53;\nconst y = -17;\n(x**2 + 3)**2 + y\n";
const EXPR = "(x**2 + 3)**2 + y";
const sel = (over: Partial<Extract<GraphSource, { kind: "selection" }>> = {}): Extract<GraphSource, { kind: "selection" }> => {
  const start = DOC.indexOf(EXPR);
  return { kind: "selection", uri: "file:///w/square.nn.ts", text: EXPR, start, end: start + EXPR.length, languageId: "typescript", values: {}, ...over };
};

describe("a graphed selection evaluated again", () => {
  it("evaluates the selection with names from the document, node ranges in document offsets", () => {
    const s = sel();
    const g = reevaluateSelection(s, DOC);
    expect(g.tape.val[g.target]).toBe(7907327);
    expect(g.title).toBe(`Graph: ${EXPR}`);
    const x = [...Array(g.tape.n).keys()].find((i) => g.tape.names.get(i) === "x");
    expect(x).toBeDefined();
    expect(g.tape.grad[x!]).toBe(596144);
    const r = g.tape.source(g.target)!;
    expect(DOC.slice(r.start, r.end)).toBe(EXPR);
  });

  it("uses typed values over the document's", () => {
    const g = reevaluateSelection(sel({ values: { x: 1 } }), DOC);
    expect(g.tape.val[g.target]).toBe(16 - 17);
  });

  it("follows the document: a name's new value there changes the graph; a name it no longer gives is asked for", () => {
    const edited = DOC.replace("53", "2");
    const g = reevaluateSelection(sel(), edited);
    expect(g.tape.val[g.target]).toBe(32);
    const gone = DOC.replace("const y = -17;", "const z = -17;");
    expect(() => reevaluateSelection(sel({ start: gone.indexOf(EXPR), end: gone.indexOf(EXPR) + EXPR.length }), gone)).toThrow(/no value for `y`/);
  });

  it("titles the panel with the selection on one line, shortened", () => {
    expect(reevaluateSelection(sel(), DOC).title).toBe("Graph: (x**2 + 3)**2 + y");
    const long = `${"x + ".repeat(20)}y`;
    const doc = `const x = 1;\nconst y = 2;\n${long}\n`;
    const g = reevaluateSelection(sel({ text: long, start: doc.indexOf(long), end: doc.indexOf(long) + long.length }), doc);
    expect(g.title).toBe(`Graph: ${long.slice(0, 39)}…`);
  });
});
