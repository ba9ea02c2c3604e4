// Runs on Node (vitest): the typed messages between extension and webviews.
import { describe, expect, it } from "vitest";
import { buildViewModel } from "../../../src/graph/model";
import {
  assertNever, decodeNumbers, encodeNumbers, isFromGraphView, isToGraphView, type FromGraphView,
} from "../../../src/protocol";
import { Tape } from "../../../src/engine/tape";

describe("protocol", () => {
  it("carries NaN and Infinity through JSON and back", () => {
    const t = new Tape();
    const y = t.div(t.log(t.input(-1, "x")), t.const(0));
    const z = t.add(y, t.exp(t.input(1000, "big")));
    t.backward(z);
    const model = buildViewModel(t, z);
    const wire = JSON.parse(JSON.stringify(encodeNumbers({ type: "render", model })));
    const back = decodeNumbers(wire) as { model: typeof model };
    expect(back.model).toEqual(model);
    expect(back.model.nodes.some((n) => Number.isNaN(n.value))).toBe(true);
    expect(back.model.nodes.some((n) => n.value === Infinity)).toBe(true);
    // Plain JSON would have turned them into null.
    expect(JSON.parse(JSON.stringify(model)).nodes.some((n: { value: unknown }) => n.value === null)).toBe(true);
  });

  it("carries a tensor model (shapes, summaries, arrays with NaN and Infinity) through JSON and back", () => {
    const t = new Tape();
    const a = t.tensorParam([[1, -1], [0, 2]], "a");
    const l = t.sum(t.log(a));
    t.backward(l);
    const model = buildViewModel(t, l);
    const back = decodeNumbers(JSON.parse(JSON.stringify(encodeNumbers({ type: "render", model })))) as { model: typeof model };
    expect(back.model).toEqual(model);
    const lg = back.model.nodes.find((n) => n.tensor?.op === "log")!;
    expect(lg.tensor!.values![1]).toBeNaN();
    expect(lg.tensor!.values![2]).toBe(-Infinity);
  });

  it("recognises well-formed webview messages and rejects malformed ones", () => {
    expect(isFromGraphView({ type: "nodeClicked", nodeId: 3, viewId: "n3" })).toBe(true);
    expect(isFromGraphView({ type: "nodeClicked", nodeId: "3" })).toBe(false);
    expect(isFromGraphView({ type: "expand", groupId: 1.5 })).toBe(false);
    expect(isFromGraphView({ type: "expandAll", confirmedLarge: true })).toBe(true);
    expect(isFromGraphView({ type: "run", code: "x" })).toBe(false);
    expect(isFromGraphView(null)).toBe(false);
    expect(isToGraphView({ type: "render" })).toBe(true);
    expect(isToGraphView({ type: "eval" })).toBe(false);
  });

  it("assertNever throws for a message no case handled", () => {
    const handle = (m: FromGraphView): string => {
      switch (m.type) {
        case "ready": case "nodeClicked": case "expand": case "collapse": case "expandAll": case "collapseAll":
        case "explain": case "stateChanged": case "export": case "renderFailed": case "rendered":
          return m.type;
        default:
          return assertNever(m);
      }
    };
    expect(handle({ type: "collapseAll" })).toBe("collapseAll");
    expect(() => handle({ type: "bogus" } as unknown as FromGraphView)).toThrow(/unexpected message/);
  });
});
