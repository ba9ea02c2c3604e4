// Runs in vitest (Node): every kind of bad input gives a GradLensError with its message and source range, and the
// bounds stop runaway code at the current position.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, MissingNamesError } from "../../../src/notation";
import { caught } from "./helpers";

const sel = (text: string, values: Record<string, number> = {}) => () => evaluateSelection(text, { values });

describe("errors", () => {
  it("parse errors: every one of TypeScript's, with positions", () => {
    const e = caught(sel("(x**2 + 3)**2 + y)", { x: 1, y: 2 }));
    expect(e.reason).toBe("unexpected token ')'");
    expect([e.line, e.column, e.start, e.end]).toEqual([1, 18, 17, 18]);
    const many = caught(sel("const a = ;\nconst b = (1 + ;"));
    expect(many.all.length).toBeGreaterThanOrEqual(2);
    expect(many.all.map((x) => x.line)).toEqual(expect.arrayContaining([1, 2]));
    expect(caught(sel("1 +")).reason).toBe("unexpected end of input");
  });

  it("TypeScript's -a ** b error outside Python", () => {
    const e = caught(sel("-x ** 2", { x: 1 }));
    expect(e.reason).toMatch(/unary expression with the '-' operator/);
    expect([e.start, e.end]).toEqual([0, 2]);
  });

  it("class features not supported yet, with their position (classes themselves are: classes.test.ts)", () => {
    const text = "const a = 1;\nconst b = 2;\n\nclass Neuron { static n = 1; }\nconst loss = a;";
    const d = evaluateDocument(text);
    expect(d.ok).toBe(false);
    expect(d.diagnostics[0]).toMatchObject({ message: "`static` is not supported yet", line: 4, column: 16, severity: "error" });
    expect(caught(sel("const K = class { get x() { return 1; } }; 1")).message).toBe("getters and setters are not supported yet (line 1:19)");
  });

  it.each([
    ["foo + 1; const foo = 2;", "unknown name `foo`", "foo", {}],
    ["exp(1, 2)", "`exp` expects 1 argument, got 2", "exp(1, 2)", {}],
    ["function f(a, b) { return a; } f(x)", "`f` expects 2 arguments, got 1", "f(x)", { x: 1 }],
    ["exp([1, 2])", "`exp` expects a number, got array", "exp([1, 2])", {}],
    ["x + [1]", "`+` needs numbers, got array", "x + [1]", { x: 1 }],
    ["x * {}", "`*` needs numbers, got object", "x * {}", { x: 1 }],
    ["x(2)", "`x` is not a function (it is number)", "x", { x: 1 }],
    ["new Foo()", "`Foo` is not a class (it is number)", "Foo", { Foo: 1 }],
    ["const a = 1; a = 2; a", "cannot assign to constant `a`", "a", {}],
    ["[1, 2][5] * x", "index 5 out of range (length 2)", "[1, 2][5]", { x: 1 }],
    ["x.foo()", "numbers have no method `foo`", "x.foo", { x: 1 }],
    ["Math.hypot(x, 1)", "`Math.hypot` is not supported", "Math.hypot", { x: 1 }],
    ["[1].filter((v) => v)", "arrays have no method `filter` (supported: length, push, concat, map, forEach, reduce, slice)", "[1].filter", {}],
    ["sse([x, 1], [1])", "`sse`: 2 predictions for 1 targets", "sse([x, 1], [1])", { x: 1 }],
    ["mlp([2, 0, 1])", "`mlp` sizes must be positive integers, got 0", "mlp([2, 0, 1])", {}],
    ["mlp([2, 1], { activation: \"gelu\" })", "unknown activation \"gelu\" (sigmoid, tanh, relu)", "mlp([2, 1], { activation: \"gelu\" })", {}],
    ["train({ lr: -1 })", "`lr` must be a positive number, got -1", "train({ lr: -1 })", {}],
    ["train({ speed: 1 })", "unknown `train` option `speed` (lr, steps, method, eps, optimizer, batch)", "train({ speed: 1 })", {}],
    ["gradcheck(1, 2)", "`gradcheck` expects a function or a model first, got number", "gradcheck(1, 2)", {}],
    ["switch (x) {}", "`switch` is not supported", "switch (x) {}", { x: 1 }],
    ["x ^ 2", "operator `^` is not supported", "^", { x: 1 }],
    ["param(\"w\")", "`param` expects a number or a tensor as its initial value, got string", "param(\"w\")", {}],
    ["param([[1, 2], [3]])", "`param` expects a number or a tensor as its initial value, got array", "param([[1, 2], [3]])", {}],
  ])("%s → %s", (text, reason, range, values) => {
    const e = caught(sel(text, values as Record<string, number>));
    expect(e.reason).toBe(reason);
    expect(text.slice(e.start, e.end)).toBe(range);
    expect(e.message).toBe(`${reason} (line ${e.line}:${e.column})`);
  });

  it("missing free names are reported, not guessed", () => {
    const e = caught(sel("a * b + c", { b: 1 }));
    expect(e).toBeInstanceOf(MissingNamesError);
    expect((e as MissingNamesError).names).toEqual(["a", "c"]);
  });

  it("positions are document positions for a selection inside a document", () => {
    const doc = "let a = 1;\nlet z = (a + 2) * unknownName;\n";
    const start = doc.indexOf("(a");
    const bad = caught(() => evaluateSelection("(a + 2) * )", { documentText: doc, selectionOffset: start }));
    expect([bad.line, bad.column]).toEqual([2, 9 + 10]);
  });
});

describe("bounds", () => {
  it("while (true) {} stops at the step bound with a positioned error", () => {
    const e = caught(sel("let i = 0;\nwhile (true) {}"));
    expect(e.reason).toMatch(/^step limit reached \(5000000 steps/);
    expect(e.line).toBe(2);
  });

  it("the step bound is configurable", () => {
    const e = caught(() => evaluateSelection("let s = 0; for (let i = 0; i < 1000; i++) s += i; s", { bounds: { maxSteps: 500 } }));
    expect(e.reason).toMatch(/step limit reached \(500 steps/);
    expect(evaluateSelection("let s = 0; for (let i = 0; i < 10; i++) s += i * x; s", { values: { x: 1 }, bounds: { maxSteps: 500 } }).value).toBe(45);
  });

  it("the node bound stops a graph that grows too large", () => {
    const e = caught(() => evaluateSelection("let s = x; for (let i = 0; i < 100000; i++) s = s * 1.0001 + x; s", { values: { x: 1 }, bounds: { maxNodes: 5000 } }));
    expect(e.reason).toMatch(/graph too large \(over 5000 nodes/);
  });

  it("the call depth bound stops runaway recursion", () => {
    const e = caught(() => evaluateSelection("function f(n) { return f(n + 1); }\nf(0)", { bounds: { maxDepth: 50 } }));
    expect(e.reason).toBe("call depth limit reached (50 nested calls; see gradlens.maxCallDepth)");
    expect(e.line).toBe(1);
    // The default bound: 1,000 nested calls fit on the JavaScript stack; the next one is the bound's error.
    expect(evaluateSelection("function f(n) { return n <= 0 ? 0 : 1 + f(n - 1); }\nf(999)").value).toBe(999);
    expect(evaluateSelection("function f(n) { if (n <= 0) { return 0; } const r = f(n - 1); return r + 1; }\nf(999)").value).toBe(999);
    const deep = caught(sel("function f(n) { return n <= 0 ? 0 : 1 + f(n - 1); }\nf(1000)"));
    expect(deep.reason).toBe("call depth limit reached (1000 nested calls; see gradlens.maxCallDepth)");
  });

  it("absurd nesting is an error, not a crash", () => {
    const e = caught(sel("(".repeat(20000) + "1" + ")".repeat(20000)));
    expect(e.reason).toMatch(/too deeply nested/);
  });

  it("a document's runtime error is a diagnostic with its range", () => {
    const text = "seed(1);\nconst w = param(rand());\nconst loss = (w * wieght - 1) ** 2;\n";
    const d = evaluateDocument(text);
    expect(d.ok).toBe(false);
    const diag = d.diagnostics.find((x) => x.severity === "error");
    expect(diag).toMatchObject({ message: "unknown name `wieght`", line: 3 });
    expect(text.slice(diag!.start, diag!.end)).toBe("wieght");
  });
});

describe("Python selections", () => {
  it("a Python selection is read as Python; what GradLens does not run is named at its position", () => {
    expect(evaluateSelection("x ** 2 if x > 0 else 0", { values: { x: 1 }, languageId: "python" }).value).toBe(1);
    const e = caught(() => evaluateSelection("y = 1\nasync def f(): pass\nx * y", { values: { x: 1 }, languageId: "python" }));
    expect(e.reason).toMatch(/`async def` is not supported/);
    expect(e.line).toBe(2);
  });
});
