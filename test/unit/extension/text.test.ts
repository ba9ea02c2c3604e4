// Runs in vitest (Node): a selection's text as a title or heading.
import { describe, expect, it } from "vitest";
import { oneLine } from "../../../src/extension/text";

describe("oneLine", () => {
  it("puts the text on one line and shortens it to the length asked for", () => {
    expect(oneLine("a +\n   b", 40)).toBe("a + b");
    expect(oneLine("x".repeat(60), 10)).toBe(`${"x".repeat(9)}…`);
    expect(oneLine("x".repeat(10), 10)).toBe("x".repeat(10));
  });
});
