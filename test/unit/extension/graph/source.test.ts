// Runs in vitest (Node): what a graph panel shows, and its round trip through the state the webview saves (how the
// panel comes back after a window reload).
import { describe, expect, it } from "vitest";
import { decodeSource, encodeSource, savedSource, type GraphSource } from "../../../../src/extension/graph/source";

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

  it("keep values named `__proto__`, `constructor` and `toString` (issue 15)", () => {
    const values = JSON.parse('{"__proto__": 1, "constructor": 2, "toString": 3}') as Record<string, number>;
    const back = decodeSource(encodeSource(sel({ values })));
    expect(back?.kind === "selection" && Object.entries(back.values)).toEqual([["__proto__", 1], ["constructor", 2], ["toString", 3]]);
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
