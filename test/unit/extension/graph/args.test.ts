// Runs in vitest (Node): the arguments gradlens.visualize accepts (hover link, CodeLens, training view, palette).
import { describe, expect, it } from "vitest";
import { parseVisualizeArgs } from "../../../../src/extension/graph/args";

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
