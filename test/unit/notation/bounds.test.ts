// Runs in vitest (Node): the budget of an evaluation as the notation reports it: sizes checked before anything is
// allocated (arrays, strings, tensors, models), tensor work counted before it runs, each past-the-bound error at its
// source position naming the bound and its setting; and the hooks that stop an evaluation from outside.
import { afterEach, describe, expect, it, vi } from "vitest";
import { InterruptedError, evaluateDocument, evaluateSelection } from "../../../src/notation";
import { caught } from "./helpers";

const sel = (text: string, bounds = {}) => () => evaluateSelection(text, { values: { x: 2 }, bounds });

describe("elements allocated", () => {
  it("a tensor constructor is checked before its buffer exists, with the README's message", () => {
    const e = caught(sel("seed(1);\nconst w = 1;\nlet z = zeros([20000, 20000]);\nsum(z) * x"));
    expect(e.message).toBe("`zeros([20000, 20000])`: 400 M elements is over the 50 M element limit (gradlens.maxElements) (line 3:9)");
    for (const ctor of ["ones([20000, 20000])", "randn([20000, 20000])", "rand([20000, 20000])", "torch.randn(20000, 20000)"]) {
      expect(caught(sel(`sum(${ctor}) * x`)).reason, ctor).toMatch(/400 M elements is over the 50 M element limit \(gradlens\.maxElements\)/);
    }
  });

  it("array spread doubling stops at the bound, counting the whole evaluation, at the spread", () => {
    const e = caught(sel("let a = [0];\nfor (let i = 0; i < 40; i++) a = [...a, ...a];\na.length * x"));
    expect(e.reason).toMatch(/^`\.\.\.a`: [\d.]+ M more elements would make [\d.]+ M in this evaluation, over the 50 M element limit \(gradlens\.maxElements\)$/);
    expect(e.line).toBe(2);
  });

  it("push(...a), concat and string doubling stop the same way", () => {
    expect(caught(sel("let a = [0];\nfor (let i = 0; i < 40; i++) a.push(...a);\nx")).reason).toMatch(/gradlens\.maxElements/);
    expect(caught(sel("let a = [0];\nfor (let i = 0; i < 40; i++) a = a.concat(a, [1]);\nx")).reason).toMatch(/^`a\.concat\(a, \[1\]\)`: .*gradlens\.maxElements/);
    expect(caught(sel("let s = 'ab';\nfor (let i = 0; i < 60; i++) s = s + s;\nx")).reason).toMatch(/^`s \+ s`: .*gradlens\.maxElements/);
    expect(caught(sel("let s = 'ab';\nfor (let i = 0; i < 60; i++) s = `${s}${s}`;\nx")).line).toBe(2);
  });

  it("the element bound is configurable, and what fits under it still evaluates", () => {
    const small = { maxElements: 200_000 };
    expect(caught(sel("sum(zeros([500, 500])) + x", small)).reason).toMatch(/^`zeros\(\[500, 500\]\)`: 250,000 elements is over the 200,000 element limit/);
    expect(evaluateSelection("sum(ones([100, 100])) * x", { values: { x: 2 }, bounds: small }).value).toBe(20000);
    expect(evaluateSelection("let a = [1, 2]; a.push(...a); a = a.concat([5]); a.slice(-2).length * x", { values: { x: 3 }, bounds: small }).value).toBe(6);
  });

  it("broadcasting is checked on the broadcast result's size", () => {
    const e = caught(sel("const a = ones([8000, 1]);\nconst b = ones([1, 8000]);\nsum(a + b) * x"));
    expect(e.reason).toBe("`a + b`: 64 M elements is over the 50 M element limit (gradlens.maxElements)");
    expect([e.line, e.column]).toEqual([3, 5]);
  });

  it("mlp checks its parameter count before building anything", () => {
    const t0 = performance.now();
    const e = caught(sel("const m = mlp([2, 3000, 3000, 1]);\nm([1, 2]) * x"));
    expect(e.reason).toMatch(/^`mlp\(\[2, 3000, 3000, 1\]\)`: 9\.02 M params would be as many graph nodes, over the 2 M node limit \(gradlens\.maxNodes\)$/);
    expect(performance.now() - t0).toBeLessThan(5000);
    const big = caught(sel("mlp([2, 3000, 3000, 1])([1, 2]) * x", { maxNodes: 20_000_000 }));
    expect(big.reason).toMatch(/72\.1 M elements is over the 50 M element limit \(gradlens\.maxElements\) \(9\.02 M params, 8 elements each\)$/);
  });

  it("a string of a deeply nested array is built without recursion and counted", () => {
    expect(evaluateSelection("let a = [1]; for (let i = 0; i < 100000; i++) a = [a]; const s = '' + a; s.length * x", { values: { x: 1 } }).value).toBe(1);
    expect(evaluateSelection("const a = [1, [2, 3], []]; a.push(a); const s = `${a}`; s.length + x", { values: { x: 0 } }).value).toBe("1,2,3,,".length);
  });
});

describe("tensor element operations", () => {
  it("a matmul is counted n·k·m before it runs", () => {
    const t0 = performance.now();
    const e = caught(sel("const a = zeros([4000, 4000]);\nconst b = ones([4000, 4000]);\nsum(matmul(a, b)) * x"));
    expect(e.reason).toBe("`matmul(a, b)`: 64 G element operations is over the 2 G element-operation limit (gradlens.maxElementOps)");
    expect([e.line, e.column]).toEqual([3, 5]);
    expect(performance.now() - t0).toBeLessThan(8000);
  });

  it("the operation bound is configurable and cumulative", () => {
    const e = caught(sel("const a = ones([100, 100]);\nlet s = a;\nfor (let i = 0; i < 100; i++) s = matmul(s, a) / 100;\nsum(s) * x", { maxElementOps: 20_000_000 }));
    expect(e.reason).toMatch(/^`matmul\(s, a\)`: 1 M more element operations would make [\d.]+ M in this evaluation, over the 20 M element-operation limit \(gradlens\.maxElementOps\)$/);
    expect(e.line).toBe(3);
  });
});

describe("interruption hooks", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a deadline stops a loop at its position with the caller's message", () => {
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (now += 1));
    const e = caught(() => evaluateSelection("let s = 0;\nwhile (true) s = s + 1;", { bounds: { deadline: 500, deadlineMessage: "hover took over 2 s (raise gradlens.hover.timeLimitMs)" } }));
    expect(e).toBeInstanceOf(InterruptedError);
    expect([(e as InterruptedError).why, e.reason, e.line]).toEqual(["deadline", "hover took over 2 s (raise gradlens.hover.timeLimitMs)", 2]);
  });

  it("a deadline not reached changes nothing", () => {
    vi.spyOn(performance, "now").mockReturnValue(0);
    expect(evaluateSelection("let s = 0; for (let i = 0; i < 5000; i++) s = s + x; s", { values: { x: 1 }, bounds: { deadline: 1 } }).value).toBe(5000);
  });

  it("the interruption hook is polled every 1024 steps; its answer stops the evaluation", () => {
    let polls = 0;
    const interrupted = () => (++polls >= 3 ? "a newer edit" : undefined);
    const e = caught(() => evaluateSelection("let s = 0;\nwhile (true) s = s + 1;", { bounds: { interrupted } }));
    expect([e.reason, e.line, (e as InterruptedError).why]).toEqual(["a newer edit", 2, "interrupted"]);
    expect(polls).toBe(3);
  });

  it("long built-ins poll between their steps: a gradient check and mlp construction", () => {
    const stop = { interrupted: () => "stopped" };
    const check = evaluateDocument("const f = (x) => x * x;\ngradcheck(f, 3);\n", { bounds: stop });
    expect(check.diagnostics.find((d) => d.severity === "error")).toMatchObject({ message: "stopped", line: 2 });
    expect(check.interrupted).toBe("interrupted");
    const model = evaluateDocument("const m = mlp([2, 64, 1]);\nconst loss = m([1, 2]);\n", { bounds: stop });
    expect(model.diagnostics.find((d) => d.severity === "error")).toMatchObject({ message: "stopped", line: 1 });
  });

  it("an interrupted document evaluation is not cached: the next request evaluates again", () => {
    const text = "let s = 0;\nfor (let i = 0; i < 5000; i++) s = s + 1;\nconst loss = s;\n";
    const first = evaluateDocument(text, { uri: "mem:/interrupted.nn.ts", version: 1, bounds: { interrupted: () => "stop" } });
    expect(first.ok).toBe(false);
    const second = evaluateDocument(text, { uri: "mem:/interrupted.nn.ts", version: 1 });
    expect([second.ok, second.value]).toEqual([true, 5000]);
  });
});
