// Runs in vitest (Node): the graph panel's pure parts: sources and their round trip through the saved state, the
// command's arguments, a selection's range across edits, and evaluating a selection against its document.
import { describe, expect, it } from "vitest";
import {
  adjustRange, decodeSource, encodeSource, evaluateSelectionSource, oneLine, parseVisualizeArgs, savedSource,
  type GraphSource,
} from "../../../src/extension/graph/source";

const DOC = "// fixture\nconst x = 53;\nconst y = -17;\n(x**2 + 3)**2 + y\n";
const EXPR = "(x**2 + 3)**2 + y";
const sel = (over: Partial<Extract<GraphSource, { kind: "selection" }>> = {}): Extract<GraphSource, { kind: "selection" }> => {
  const start = DOC.indexOf(EXPR);
  return { kind: "selection", uri: "file:///w/square.nn.ts", text: EXPR, start, end: start + EXPR.length, languageId: "typescript", values: {}, ...over };
};

describe("graph sources", () => {
  it("round-trip through encode/decode, also inside the webview's saved state", () => {
    const doc: GraphSource = { kind: "document", uri: "file:///w/xor.nn.ts" };
    expect(decodeSource(encodeSource(doc))).toEqual(doc);
    const s = sel({ values: { a: 2.5, b: -1 } });
    expect(decodeSource(encodeSource(s))).toEqual(s);
    const state = { state: { direction: "LR" }, last: { type: "render", model: {}, source: encodeSource(s) } };
    expect(decodeSource(savedSource(state))).toEqual(s);
  });

  it("reject malformed saved state instead of guessing", () => {
    expect(savedSource(undefined)).toBeUndefined();
    expect(savedSource({ state: {} })).toBeUndefined();
    expect(decodeSource("{not json")).toBeUndefined();
    expect(decodeSource(JSON.stringify({ kind: "document" }))).toBeUndefined();
    expect(decodeSource(JSON.stringify({ kind: "other", uri: "file:///a" }))).toBeUndefined();
    expect(decodeSource(JSON.stringify({ ...sel(), start: 10, end: 5 }))).toBeUndefined();
    expect(decodeSource(JSON.stringify({ ...sel(), start: -1 }))).toBeUndefined();
    // Non-numeric values are dropped, numeric ones kept.
    expect(decodeSource(JSON.stringify({ ...sel(), values: { a: 1, b: "x" } }))).toEqual(sel({ values: { a: 1 } }));
  });
});

describe("gradlens.visualize arguments", () => {
  it("accept the hover link's object, a uri string and a Uri-like object", () => {
    expect(parseVisualizeArgs([{ uri: "file:///w/a.nn.ts", node: 7, offset: 42 }])).toEqual({ uri: "file:///w/a.nn.ts", node: 7, offset: 42 });
    expect(parseVisualizeArgs(["file:///w/a.nn.ts"])).toEqual({ uri: "file:///w/a.nn.ts" });
    const uriLike = { scheme: "file", path: "/w/a.nn.ts", toString: () => "file:///w/a.nn.ts" };
    expect(parseVisualizeArgs([uriLike])).toEqual({ uri: "file:///w/a.nn.ts" });
    expect(parseVisualizeArgs([{ uri: uriLike, node: 3 }])).toEqual({ uri: "file:///w/a.nn.ts", node: 3 });
  });

  it("ignore nothing, empty and bad ids (palette and keybinding calls)", () => {
    expect(parseVisualizeArgs([])).toBeUndefined();
    expect(parseVisualizeArgs([undefined])).toBeUndefined();
    expect(parseVisualizeArgs([""])).toBeUndefined();
    expect(parseVisualizeArgs([{ uri: 5 }])).toBeUndefined();
    expect(parseVisualizeArgs([{ uri: "file:///a", node: -1, offset: 1.5 }])).toEqual({ uri: "file:///a" });
  });
});

describe("adjustRange", () => {
  it("shifts for edits before, ignores edits after, and keeps text typed at either end outside", () => {
    expect(adjustRange(10, 20, [{ offset: 0, length: 0, text: "abc" }])).toEqual({ start: 13, end: 23 });
    expect(adjustRange(10, 20, [{ offset: 2, length: 5, text: "" }])).toEqual({ start: 5, end: 15 });
    expect(adjustRange(10, 20, [{ offset: 25, length: 3, text: "zz" }])).toEqual({ start: 10, end: 20 });
    expect(adjustRange(10, 20, [{ offset: 20, length: 0, text: "\nnext" }])).toEqual({ start: 10, end: 20 });
    expect(adjustRange(10, 20, [{ offset: 10, length: 0, text: "// " }])).toEqual({ start: 13, end: 23 });
  });

  it("stretches or shrinks for edits inside or across an end", () => {
    expect(adjustRange(10, 20, [{ offset: 12, length: 2, text: "12345" }])).toEqual({ start: 10, end: 23 });
    expect(adjustRange(10, 20, [{ offset: 15, length: 10, text: "" }])).toEqual({ start: 10, end: 15 });
    expect(adjustRange(10, 20, [{ offset: 5, length: 10, text: "ab" }])).toEqual({ start: 5, end: 12 });
    expect(adjustRange(10, 20, [{ offset: 10, length: 10, text: "q" }])).toEqual({ start: 10, end: 11 });
  });

  it("applies several changes in order, each against the text before it", () => {
    const text = "0123456789abcdefghijKLMN";
    // Two edits as VS Code reports a multi-cursor edit: later position first.
    const changes = [{ offset: 22, length: 1, text: "" }, { offset: 12, length: 0, text: "++" }, { offset: 1, length: 2, text: "" }];
    let t = text;
    for (const c of changes) t = t.slice(0, c.offset) + c.text + t.slice(c.offset + c.length);
    const r = adjustRange(10, 20, changes);
    expect(t.slice(r.start, r.end)).toBe("ab++cdefghij");
  });
});

describe("evaluateSelectionSource", () => {
  it("evaluates the selection with names from the document, node ranges in document offsets", () => {
    const s = sel();
    const g = evaluateSelectionSource(s, DOC);
    expect(g.tape.val[g.target]).toBe(7907327);
    expect(g.title).toBe(`Graph: ${EXPR}`);
    const x = [...Array(g.tape.n).keys()].find((i) => g.tape.names.get(i) === "x");
    expect(x).toBeDefined();
    expect(g.tape.grad[x!]).toBe(596144);
    const r = g.tape.source(g.target)!;
    expect(DOC.slice(r.start, r.end)).toBe(EXPR);
  });

  it("uses typed values over the document's", () => {
    const g = evaluateSelectionSource(sel({ values: { x: 1 } }), DOC);
    expect(g.tape.val[g.target]).toBe(16 - 17);
  });

  it("shortens long titles to one line", () => {
    expect(oneLine("a +\n   b")).toBe("a + b");
    expect(oneLine("x".repeat(60), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
