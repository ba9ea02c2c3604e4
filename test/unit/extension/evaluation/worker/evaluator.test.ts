// Runs in vitest (Node): the worker's request handler in this thread (the real worker runs the same code; see
// ../client.test.ts): every request kind answered with plain data, documents cached by version, a cancelled or
// timed-out evaluation, positioned errors, sessions that are gone, and training streaming its snapshots.
import { describe, expect, it } from "vitest";
import type { FromWorker, PlainError, Request, Results, WorkerEvent } from "../../../../../src/extension/evaluation/protocol";
import { Evaluator } from "../../../../../src/extension/evaluation/worker/evaluator";
import { evaluateDocument } from "../../../../../src/notation";
import { presetConfig } from "../../../../../src/train";
import type { TrainingSnapshot } from "../../../../../src/view/training";
import { LOOP, XOR, limit } from "../helpers";

const SQUARE = "// fixture\nconst x = 53;\nconst y = -17;\n(x**2 + 3)**2 + y\n";
const check = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 };

function harness() {
  const posts: FromWorker[] = [];
  const ev = new Evaluator((m) => posts.push(m));
  let id = 0;
  const send = (request: Request, extra: { limit?: { ms: number; setting: string }; cancel?: SharedArrayBuffer } = {}) => {
    const i = ++id;
    ev.handle({ id: i, request, ...extra });
    const reply = posts.find((p) => p.type === "reply" && p.id === i);
    if (reply?.type !== "reply") throw new Error("no reply");
    return reply;
  };
  const ok = <K extends Request["kind"]>(request: Extract<Request, { kind: K }>, extra = {}): Results[K] => {
    const r = send(request, extra);
    if (!r.ok) throw new Error(`${request.kind} failed: ${r.error.message}`);
    return r.result as Results[K];
  };
  const fail = (request: Request, extra = {}): PlainError => {
    const r = send(request, extra);
    if (r.ok) throw new Error(`${request.kind} answered`);
    return r.error;
  };
  const events = () => posts.filter((p): p is WorkerEvent => p.type !== "reply");
  return { ev, send, ok, fail, events, raw: (x: unknown) => (ev.handle(x), posts[posts.length - 1]) };
}

const xor = (version = 1, text?: string) => ({ uri: "file:///w/xor.nn.ts", version, text });

describe("document requests", () => {
  it("answers Problems, CodeLens, hovers and inlay hints from one evaluation, cached by version", () => {
    const h = harness();
    const s = h.ok({ kind: "summary", doc: xor(1, XOR), bounds: {}, digits: 4 });
    expect(s.problems).toEqual([]);
    expect(s.lenses.map((l) => l.kind)).toEqual(["target"]);
    expect(XOR.slice(s.target!.start, s.target!.end)).toMatch(/^loss/);
    expect(s.ms).toBeGreaterThan(0);
    // The same version again, without its text: the worker kept both.
    expect(h.ok({ kind: "summary", doc: xor(1), bounds: {}, digits: 4 }).ms).toBe(0);
    const b3 = evaluateDocument(XOR).params.find((p) => p.name === "b3")!;
    const hover = h.ok({ kind: "hover", doc: xor(1), bounds: {}, offset: XOR.indexOf("+ b3)") + 3, digits: 4 });
    expect(hover?.markdown).toContain(`∂loss/∂b3 = ${Number(b3.grad.toPrecision(4))}`);
    expect(h.ok({ kind: "hover", doc: xor(1), bounds: {}, offset: 0, digits: 4 })).toBeNull();
    const hints = h.ok({ kind: "inlays", doc: xor(1), bounds: {}, from: 0, to: XOR.length, digits: 4 });
    expect(hints.length).toBeGreaterThan(3);
    expect(h.ok({ kind: "trainSettings", doc: xor(1), bounds: {} })).toMatchObject({ lr: 1, steps: 2000 });
  });

  it("says when it lacks a version's text, and forgets a closed document", () => {
    const h = harness();
    expect(h.fail({ kind: "hover", doc: xor(2), bounds: {}, offset: 3, digits: 4 }).code).toBe("noText");
    h.ok({ kind: "summary", doc: xor(2, XOR), bounds: {}, digits: 4 });
    h.ok({ kind: "forget", uri: xor().uri });
    expect(h.fail({ kind: "summary", doc: xor(2), bounds: {}, digits: 4 }).code).toBe("noText");
  });

  it("a cancelled evaluation fails as cancelled and is not kept; a timed-out one is kept, and a longer limit tries again", () => {
    const h = harness();
    const cancel = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(cancel), 0, 1);
    const loop = (version: number, text?: string) => ({ uri: "file:///w/loop.nn.ts", version, text });
    const bounds = { maxSteps: 1e12 };
    expect(h.fail({ kind: "summary", doc: loop(1, LOOP), bounds, digits: 4 }, { cancel }).code).toBe("cancelled");
    const timed = h.ok({ kind: "summary", doc: loop(1), bounds, digits: 4 }, { limit: limit(50) });
    expect(timed.problems).toEqual([expect.objectContaining({ message: "time limit reached (0.05 s; see gradlens.timeLimit.editor)", code: "bound" })]);
    expect(LOOP.slice(timed.problems[0].start, timed.problems[0].end)).not.toBe("");
    expect(h.ok({ kind: "summary", doc: loop(1), bounds, digits: 4 }, { limit: limit(50) }).ms).toBe(0);
    const longer = h.ok({ kind: "summary", doc: loop(1), bounds, digits: 4 }, { limit: limit(80) });
    expect(longer.problems[0].message).toBe("time limit reached (0.08 s; see gradlens.timeLimit.editor)");
  });

  it("reports the file's gradient check, or its first error with the position", () => {
    const h = harness();
    const r = h.ok({ kind: "documentReport", doc: xor(1, XOR), bounds: {}, title: "Gradient check: xor.nn.ts", check });
    expect(r.report.rows).toHaveLength(9);
    expect(r.report.pass).toBe(true);
    const bad = "const w = param(1);\nconst loss = w * wieght;\n";
    const e = h.fail({ kind: "documentReport", doc: { uri: "file:///w/bad.nn.ts", version: 1, text: bad }, bounds: {}, title: "t", check });
    expect(e.code).toBe("input");
    expect(bad.slice(e.start, e.end)).toBe("wieght");
  });
});

describe("selections", () => {
  it("prepares once, evaluates and checks with values, and is gone once released", () => {
    const h = harness();
    const text = "(x**2 + 3)**2 + y", offset = SQUARE.indexOf(text);
    expect(h.ok({ kind: "prepare", selection: 5, text, documentText: SQUARE, offset, languageId: "typescript" })).toEqual({
      found: [{ name: "x", value: 53, line: 2 }, { name: "y", value: -17, line: 3 }], missing: [],
    });
    const v = h.ok({ kind: "evaluateSelection", selection: 5, values: {}, bounds: {} });
    expect(v.value).toBe(7907327);
    expect(Object.fromEntries(v.leaves.map((l) => [l.name, l.grad]))).toEqual({ x: 596144, y: 1 });
    expect(h.ok({ kind: "evaluateSelection", selection: 5, values: { x: 2 }, bounds: {} }).value).toBe(32);
    const report = h.ok({ kind: "selectionReport", selection: 5, values: {}, bounds: {}, title: "t", check });
    expect(report.rows.map((r) => [r.name, r.pass])).toEqual([["x", true], ["y", true]]);
    h.ok({ kind: "release", selection: 5 });
    expect(h.fail({ kind: "evaluateSelection", selection: 5, values: {}, bounds: {} }).code).toBe("lost");
  });

  it("a parse error is input, positioned in the document", () => {
    const h = harness();
    const doc = "const x = 1;\n(x ** 2 + 3)) * x\n", text = "(x ** 2 + 3)) * x";
    const e = h.fail({ kind: "prepare", selection: 1, text, documentText: doc, offset: doc.indexOf(text), languageId: "typescript" });
    expect(e.code).toBe("input");
    expect(e.start).toBe(doc.indexOf("))") + 1);
  });
});

describe("graphs", () => {
  it("opens a document's graph pointing at a node, folds it, and forgets it once closed", () => {
    const h = harness();
    const g = h.ok({
      kind: "graphOpen", graph: 3, spec: { kind: "document", doc: xor(1, XOR) }, bounds: {}, maxVisibleNodes: 30, keep: false,
      focus: { offset: XOR.indexOf("b3 = param") + "b3 = param(".length },
    });
    expect(g.targetName).toBe("loss");
    expect(g.value).toBeGreaterThan(0);
    expect(g.render.model.nodes.length).toBeLessThanOrEqual(30);
    expect(g.explanation?.explanation.pathCount).toBeGreaterThanOrEqual(4);
    const folded = g.render.model.groups.find((x) => x.folded)!;
    const expanded = h.ok({ kind: "graphAction", graph: 3, action: { type: "expand", groupId: folded.id } });
    expect(expanded?.type === "render" && expanded.model.groups.find((x) => x.id === folded.id)?.folded).toBe(false);
    h.ok({ kind: "graphClose", graph: 3 });
    expect(h.fail({ kind: "graphAction", graph: 3, action: { type: "collapseAll" } }).code).toBe("lost");
  });

  it("draws a selection against its document's text now, and a file without a target is an error", () => {
    const h = harness();
    const text = "(x**2 + 3)**2 + y", start = SQUARE.indexOf(text);
    const source = { kind: "selection", uri: "file:///w/square.nn.ts", text, start, end: start + text.length, languageId: "typescript", values: {} } as const;
    const g = h.ok({ kind: "graphOpen", graph: 4, spec: { kind: "selection", source, documentText: SQUARE.replace("53", "2") }, bounds: {}, maxVisibleNodes: 120, keep: false });
    expect(g.value).toBe(32);
    const none = h.fail({ kind: "graphOpen", graph: 5, spec: { kind: "document", doc: { uri: "file:///w/n.nn.ts", version: 1, text: "seed(1);\n" } }, bounds: {}, maxVisibleNodes: 120, keep: false });
    expect(none.code).toBe("input");
  });
});

describe("training", () => {
  it("runs in slices, streaming snapshots, until done; Apply's edits come from a document session", async () => {
    const h = harness();
    const step = limit(10_000);
    expect(h.ok({ kind: "trainStart", session: 1, config: presetConfig("XOR"), bounds: {}, stepLimit: step }).state).toBe("idle");
    expect(h.ok({ kind: "trainControl", session: 1, action: "run" }).state).toBe("running");
    const done = async (id: number): Promise<TrainingSnapshot> => {
      for (let i = 0; i < 400; i++) {
        const last = h.events().filter((e) => e.type === "training" && e.session === id).at(-1);
        if (last?.type === "training" && last.snapshot.state === "done") return last.snapshot;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error("training did not finish");
    };
    expect((await done(1)).verdict?.kind).toBe("learned");
    expect(h.fail({ kind: "trainEdits", session: 1 }).code).toBe("input");
    const config = { source: { kind: "document", uri: "file:///w/xor.nn.ts", version: 1, text: XOR, label: "xor.nn.ts" }, settings: presetConfig("XOR").settings } as const;
    h.ok({ kind: "trainStart", session: 2, config, bounds: {}, stepLimit: step });
    expect(h.fail({ kind: "trainControl", session: 1, action: "run" }).code).toBe("lost");
    h.ok({ kind: "trainControl", session: 2, action: "run" });
    expect((await done(2)).step).toBe(2000);
    expect(h.ok({ kind: "trainEdits", session: 2 }).edits).toHaveLength(9);
  });

  it("a document whose step runs past the per-step limit stops with a message naming the setting", () => {
    const h = harness();
    const slow = "const w = param(1);\nlet s = 0;\nfor (let i = 0; i < 1e9; i++) s = s + 1;\nconst loss = w * w + s;\n";
    const config = { source: { kind: "document", uri: "file:///w/slow.nn.ts", version: 1, text: slow, label: "slow.nn.ts" }, settings: presetConfig("XOR").settings } as const;
    const e = h.fail({ kind: "trainStart", session: 3, config, bounds: { maxSteps: 1e12 }, stepLimit: { ms: 50, setting: "gradlens.timeLimit.trainingStep" } });
    expect(e.code).toBe("input");
    expect(e.message).toMatch(/time limit reached \(0\.05 s; see gradlens\.timeLimit\.trainingStep\)/);
  });
});

it("answers a malformed envelope with an internal error, never acting on it", () => {
  const h = harness();
  expect(h.raw({ id: 9, request: { kind: "summary" } })).toMatchObject({ type: "reply", id: 9, ok: false, error: { code: "internal" } });
  expect(h.raw("hello")).toMatchObject({ type: "reply", id: -1, ok: false });
});
