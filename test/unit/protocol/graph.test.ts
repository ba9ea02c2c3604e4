// Runs on Node (vitest): the graph view's messages: real view models survive the wire and pass the webview's
// guard; malformed messages either way are refused; switches over the unions are exhaustive.
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { buildViewModel } from "../../../src/graph/model";
import { explainGradient, explanationHighlight } from "../../../src/graph/explain";
import { isFromGraphView, isToGraphView, type FromGraphView, type ToGraphView } from "../../../src/protocol/graph";
import { assertNever, decodeNumbers, encodeNumbers } from "../../../src/protocol/wire";
import { seed000 } from "../graph/tensor-tapes";
import { xor } from "../graph/tapes";

/** What the webview receives: encoded, through JSON (VS Code's postMessage), decoded. */
const wire = (m: ToGraphView): unknown => decodeNumbers(JSON.parse(JSON.stringify(encodeNumbers(m))));

function nanModel() {
  const t = new Tape();
  const y = t.div(t.log(t.input(-1, "x")), t.const(0));
  const z = t.add(y, t.exp(t.input(1000, "big")));
  t.backward(z);
  return buildViewModel(t, z);
}

describe("graph messages, extension -> webview", () => {
  it("a render with NaN and Infinity arrives equal and passes the guard", () => {
    const model = nanModel();
    const back = wire({ type: "render", model, state: { direction: "TB" }, source: "{}" });
    expect(isToGraphView(back)).toBe(true);
    expect(back).toEqual({ type: "render", model, state: { direction: "TB" }, source: "{}" });
    expect(model.nodes.some((n) => Number.isNaN(n.value)) && model.nodes.some((n) => n.value === Infinity)).toBe(true);
  });

  it("a tensor model (shapes, summaries, arrays with NaN and -Infinity) and an explanation pass too", () => {
    const t = new Tape();
    const l = t.sum(t.log(t.tensorParam([[1, -1], [0, 2]], "a")));
    t.backward(l);
    const model = buildViewModel(t, l);
    const back = wire({ type: "render", model }) as { model: typeof model };
    expect(back.model).toEqual(model);
    const lg = back.model.nodes.find((n) => n.tensor?.op === "log")!;
    expect(lg.tensor!.values![1]).toBeNaN();
    expect(lg.tensor!.values![2]).toBe(-Infinity);
    const s = seed000();
    expect(isToGraphView(wire({ type: "render", model: buildViewModel(s.tape, s.target) }))).toBe(true);
    const x = xor(), m = buildViewModel(x.tape, x.target), ex = explainGradient(x.tape, x.target, x.leaves.b3);
    const hl = explanationHighlight(m, ex, x.tape);
    expect(isToGraphView(wire({ type: "explanation", explanation: ex, highlight: { nodes: [...hl.nodes], edges: [...hl.edges] } }))).toBe(true);
  });

  it("refuses unknown types, the removed variants, and renders whose fields the view reads are wrong", () => {
    const model = nanModel();
    const node = model.nodes[0], edge = model.edges[0];
    const bad: unknown[] = [
      null, "render", { type: "eval" }, { type: "themeChanged" }, { type: "clearExplanation" }, { type: "exportRequest", format: "svg" },
      { type: "render" },
      { type: "render", model: { ...model, nodes: "many" } },
      // A node id is written unescaped into Mermaid text: only our own counters pass.
      { type: "render", model: { ...model, nodes: [{ ...node, id: 'n0["x"]:::hl\nclick n0 call f()' }] } },
      { type: "render", model: { ...model, nodes: [{ ...node, kind: "script" }] } },
      { type: "render", model: { ...model, nodes: [{ ...node, value: "1" }] } },
      { type: "render", model: { ...model, nodes: [{ ...node, title: undefined }] } },
      { type: "render", model: { ...model, nodes: [{ ...node, tensor: { op: "x" } }] } },
      { type: "render", model: { ...model, edges: [{ ...edge, from: "<b>" }] } },
      { type: "render", model: { ...model, groups: [{ id: 0 }] } },
      { type: "render", model, state: { direction: "RL" } },
      { type: "render", model, source: 3 },
      { type: "explanation", explanation: {}, highlight: { nodes: [], edges: [] } },
      { type: "error" },
    ];
    for (const m of bad) expect(isToGraphView(m), JSON.stringify(m)?.slice(0, 80)).toBe(false);
  });
});

describe("graph messages, webview -> extension", () => {
  const state = { direction: "LR", values: true, grads: true, locals: true, digits: 4, lightExport: true, shade: false };

  it("accepts every well-formed message", () => {
    const good: FromGraphView[] = [
      { type: "ready" }, { type: "nodeClicked", nodeId: 3 },
      { type: "nodeClicked", nodeId: 3, range: { start: 1, end: 4 } }, { type: "expand", groupId: 1 },
      { type: "collapse", groupId: 0 }, { type: "expandAll", confirmedLarge: true }, { type: "collapseAll" },
      { type: "explain", nodeId: 2 },
      { type: "export", format: "png", data: "data:", ok: true }, { type: "export", format: "svg", data: "", ok: false, error: "no" },
      { type: "renderFailed", message: "m" }, { type: "rendered", nodes: 3, edges: 2, ms: 5.5 },
    ];
    for (const m of good) expect(isFromGraphView(m), m.type).toBe(true);
  });

  it("refuses malformed and unknown ones", () => {
    const bad: unknown[] = [
      undefined, [], { type: "run", code: "x" }, { type: "nodeClicked", nodeId: "3" }, { type: "nodeClicked" },
      { type: "nodeClicked", nodeId: 3, range: { start: "0" } }, { type: "expand", groupId: 1.5 }, { type: "collapse" },
      { type: "expandAll" }, { type: "explain", nodeId: NaN }, { type: "stateChanged", state: { ...state, digits: 40 } },
      { type: "stateChanged" }, { type: "export", format: "gif", data: "", ok: true },
      { type: "export", format: "svg", ok: true }, { type: "renderFailed" }, { type: "rendered", nodes: 1, edges: 1 },
      { type: "toString" }, { type: "__proto__" },
    ];
    for (const m of bad) expect(isFromGraphView(m), JSON.stringify(m)).toBe(false);
  });

  it("assertNever throws for a message no case handled", () => {
    const handle = (m: FromGraphView): string => {
      switch (m.type) {
        case "ready": case "nodeClicked": case "expand": case "collapse": case "expandAll": case "collapseAll":
        case "explain": case "export": case "renderFailed": case "rendered":
          return m.type;
        default:
          return assertNever(m);
      }
    };
    expect(handle({ type: "collapseAll" })).toBe("collapseAll");
    expect(() => handle({ type: "bogus" } as unknown as FromGraphView)).toThrow(/unexpected message/);
  });
});
