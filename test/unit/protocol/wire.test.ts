// Runs on Node (vitest): non-finite numbers on the wire: one walk before posting, one after receiving, JSON (what
// VS Code's postMessage does) in between, and the receive step that drops what its guard refuses.
import { describe, expect, it } from "vitest";
import { isFromGraphView } from "../../../src/protocol/graph";
import { decodeNumbers, encodeNumbers, receive } from "../../../src/protocol/wire";

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("encodeNumbers / decodeNumbers", () => {
  it("carry NaN and ±Infinity through JSON, at any depth, in arrays and objects", () => {
    const payload = { a: NaN, b: [1, Infinity, { c: -Infinity, d: [NaN] }], e: "NaN", f: null, g: true, h: -0.5 };
    const back = decodeNumbers(json(encodeNumbers(payload))) as typeof payload;
    expect(back).toEqual(payload);
    expect(back.b[1]).toBe(Infinity);
    // Plain JSON would have lost them.
    expect(json(payload)).toMatchObject({ a: null, b: [1, null, { c: null, d: [null] }] });
  });

  it("leave the payload untouched and share subtrees without a non-finite number (copy on write)", () => {
    const clean = { xs: [1, 2, 3] }, dirty = { ys: [1, NaN] };
    const payload = { clean, dirty };
    const out = encodeNumbers(payload) as { clean: unknown; dirty: { ys: unknown[] } };
    expect(out.clean).toBe(clean);
    expect(out.dirty).not.toBe(dirty);
    expect(dirty.ys[1]).toBeNaN();
    expect(out.dirty.ys[1]).toEqual({ $num: "NaN" });
    const finite = { a: [1, 2, { b: 3 }] };
    expect(encodeNumbers(finite)).toBe(finite);
    expect(decodeNumbers(finite)).toBe(finite);
  });

  it("decode only the exact tag: user strings and look-alike objects stay as they are", () => {
    const payload = { title: "$num", o: { $num: "NaN", extra: 1 }, p: { $num: "12" }, s: "__num:NaN" };
    expect(decodeNumbers(json(payload))).toEqual(payload);
  });
});

describe("receive", () => {
  it("decodes, checks and returns a well-formed message", () => {
    const lines: string[] = [];
    const msg = { type: "rendered", nodes: 3, edges: 2, ms: Infinity };
    expect(receive(json(encodeNumbers(msg)), isFromGraphView, (l) => lines.push(l))).toEqual(msg);
    expect(lines).toEqual([]);
  });

  it("drops and logs a malformed or unknown message", () => {
    const lines: string[] = [];
    expect(receive({ type: "rendered", nodes: "3", edges: 2, ms: 1 }, isFromGraphView, (l) => lines.push(l))).toBeUndefined();
    expect(receive({ type: "eval", code: "x" }, isFromGraphView, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/dropped a malformed or unknown message: \{"type":"eval"/);
  });
});
