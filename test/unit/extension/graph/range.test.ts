// Runs in vitest (Node): a graphed selection's range kept in step with edits of its document.
import { describe, expect, it } from "vitest";
import { adjustRange } from "../../../../src/extension/graph/range";

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
