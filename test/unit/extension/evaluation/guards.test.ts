// Runs in vitest (Node): the evaluator protocol's guards. The worker acts only on an Envelope that passes isEnvelope;
// the host only on a message that passes isFromWorker, and only on a result that passes its request's check.
import { describe, expect, it } from "vitest";
import { isEnvelope, isFromWorker, isPlainBounds, isRequest, RESULTS } from "../../../../src/extension/evaluation/guards";
import type { Envelope, Request } from "../../../../src/extension/evaluation/protocol";
import { presetConfig } from "../../../../src/train";

const doc = { uri: "file:///w/a.nn.ts", version: 3 };
const limit = { ms: 5000, setting: "gradlens.timeLimit.editor" };
const check = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 };
const source = { kind: "selection", uri: doc.uri, text: "x * x", start: 4, end: 9, languageId: "typescript", values: { x: 2 } } as const;

/** One well-formed request of every kind. */
const REQUESTS: Request[] = [
  { kind: "summary", doc: { ...doc, text: "const loss = 1;" }, bounds: { maxSteps: 1000 }, digits: 4 },
  { kind: "hover", doc, bounds: {}, offset: 12, digits: 4 },
  { kind: "inlays", doc, bounds: {}, from: 0, to: 40, digits: 6 },
  { kind: "documentReport", doc, bounds: {}, title: "Gradient check: a.nn.ts", check },
  { kind: "trainSettings", doc, bounds: {} },
  { kind: "output", doc: { uri: "file:///w/a.nn.py", version: 1 }, bounds: {} },
  { kind: "forget", uri: doc.uri },
  { kind: "prepare", selection: 1, text: "x * y", documentText: "x = 1\nx * y", offset: 6, languageId: "python" },
  { kind: "evaluateSelection", selection: 1, values: { y: 2 }, bounds: {} },
  { kind: "selectionReport", selection: 1, values: {}, bounds: {}, title: "t", check },
  { kind: "release", selection: 1 },
  { kind: "graphOpen", graph: 2, spec: { kind: "document", doc }, bounds: {}, maxVisibleNodes: 120, keep: false, focus: { offset: 3 } },
  { kind: "graphOpen", graph: 2, spec: { kind: "selection", source, documentText: "x = 2\nx * x" }, bounds: {}, maxVisibleNodes: 120, keep: true },
  { kind: "graphOpen", graph: 2, spec: { kind: "prepared", selection: 1, values: {} }, bounds: {}, maxVisibleNodes: 120, keep: false },
  { kind: "graphAction", graph: 2, action: { type: "expand", groupId: 4 } },
  { kind: "graphClose", graph: 2 },
  { kind: "trainStart", session: 3, config: presetConfig("XOR"), bounds: {}, stepLimit: limit },
  { kind: "trainControl", session: 3, action: "pause" },
  { kind: "trainEdits", session: 3 },
  { kind: "compareStart", session: 4, config: presetConfig("AND"), bounds: {}, stepLimit: limit },
  { kind: "compareCancel", session: 4 },
];

describe("the worker's guard", () => {
  it("accepts a well-formed request of every kind, with and without a limit and a cancel flag", () => {
    expect(new Set(REQUESTS.map((r) => r.kind)).size).toBe(Object.keys(RESULTS).length);
    for (const request of REQUESTS) {
      expect(isRequest(request), request.kind).toBe(true);
      expect(isEnvelope({ id: 7, request })).toBe(true);
      expect(isEnvelope({ id: 7, request, limit, cancel: new SharedArrayBuffer(4) })).toBe(true);
    }
  });

  it("rejects unknown kinds, missing or mistyped fields, and a malformed envelope", () => {
    const bad: unknown[] = [
      null, "summary", { kind: "eval", code: "1" }, { kind: "constructor" }, { kind: "__proto__" },
      { kind: "summary", doc, bounds: {} },
      { kind: "summary", doc: { uri: doc.uri, version: "3" }, bounds: {}, digits: 4 },
      { kind: "hover", doc, bounds: {}, offset: -1, digits: 4 },
      { kind: "hover", doc, bounds: {}, offset: 1, digits: 40 },
      { kind: "summary", doc, bounds: { maxSteps: Infinity }, digits: 4 },
      { kind: "summary", doc, bounds: { maxSteps: "1e15" }, digits: 4 },
      { kind: "graphAction", graph: 2, action: { type: "nodeClicked", nodeId: 1 } },
      { kind: "graphAction", graph: 2, action: { type: "expand" } },
      { kind: "graphOpen", graph: 2, spec: { kind: "file", uri: "x" }, bounds: {}, maxVisibleNodes: 120, keep: false },
      { kind: "trainControl", session: 3, action: "explode" },
      { kind: "trainStart", session: 3, config: { source: { kind: "document" }, settings: {} }, bounds: {}, stepLimit: limit },
      { kind: "trainStart", session: 3, config: presetConfig("XOR"), bounds: {}, stepLimit: { ms: 0, setting: "x" } },
    ];
    for (const b of bad) expect(isRequest(b), JSON.stringify(b)).toBe(false);
    const ok: Envelope = { id: 1, request: REQUESTS[0] };
    expect(isEnvelope({ ...ok, id: 1.5 })).toBe(false);
    expect(isEnvelope({ ...ok, limit: { ms: -1, setting: "s" } })).toBe(false);
    expect(isEnvelope({ ...ok, cancel: new ArrayBuffer(4) })).toBe(false);
    expect(isEnvelope({ ...ok, cancel: new Int32Array(new SharedArrayBuffer(4)) })).toBe(false);
  });

  it("takes every bound as a finite number, whatever its name (the bounds grow)", () => {
    expect(isPlainBounds({ maxSteps: 1, maxNodes: 2, maxDepth: 3, maxElements: 4 })).toBe(true);
    expect(isPlainBounds({ maxSteps: NaN })).toBe(false);
    expect(isPlainBounds({ interrupted: () => "stop" })).toBe(false);
    expect(isPlainBounds([])).toBe(false);
  });
});

describe("the host's guard", () => {
  it("accepts replies and events, and nothing else", () => {
    expect(isFromWorker({ type: "reply", id: 1, ok: true, result: null })).toBe(true);
    expect(isFromWorker({ type: "reply", id: 1, ok: false, error: { code: "input", message: "m", reason: "r", start: 1, end: 2 } })).toBe(true);
    expect(isFromWorker({ type: "reply", id: 1, ok: false, error: { code: "weird", message: "m" } })).toBe(false);
    expect(isFromWorker({ type: "reply", id: 1, ok: true })).toBe(false);
    expect(isFromWorker({ type: "training", session: 1, snapshot: { state: "running" } })).toBe(false);
    expect(isFromWorker({ type: "log", line: "x" })).toBe(false);
    expect(isFromWorker(undefined)).toBe(false);
  });

  it("checks each result against its request: a hover, a summary, a graph", () => {
    expect(RESULTS.hover(null)).toBe(true);
    expect(RESULTS.hover({ start: 1, end: 2, markdown: "**x**", node: -1 })).toBe(true);
    expect(RESULTS.hover({ start: 1, end: 2, markdown: 3, node: -1 })).toBe(false);
    const problem = { start: 0, end: 1, message: "m", severity: "error", code: "bound" };
    expect(RESULTS.summary({ problems: [problem], lenses: [{ offset: 0, kind: "target" }], ms: 1 })).toBe(true);
    expect(RESULTS.summary({ problems: [{ ...problem, severity: "fatal" }], lenses: [], ms: 1 })).toBe(false);
    expect(RESULTS.summary({ problems: [], lenses: [], target: { start: 0 }, ms: 1 })).toBe(false);
    expect(RESULTS.graphOpen({ render: { type: "error", message: "x" }, target: 1, value: 2 })).toBe(false);
    expect(RESULTS.output(["1.0", "x = 2"])).toBe(true);
    expect(RESULTS.output(["1.0", 2])).toBe(false);
    expect(RESULTS.output(null)).toBe(false);
    expect(RESULTS.forget(null)).toBe(true);
    expect(RESULTS.forget(undefined)).toBe(false);
  });
});
