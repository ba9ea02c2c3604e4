// Runs in vitest (Node): Python programs run by the one interpreter (evaluateDocument with lang "py", selections in
// Python documents): scoping, numbers, errors at their positions, gradients through Python's operators, GradLens's
// built-ins with keyword arguments. Expected outputs are what CPython 3.11 prints.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, languageOfFile } from "../../../../src/notation";

const run = (text: string) => evaluateDocument(text, { lang: "py" });
const out = (text: string) => {
  const r = run(text);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  return r.output;
};
const error = (text: string) => run(text).diagnostics.find((d) => d.severity === "error");

describe("Python programs", () => {
  it("languageOfFile: .py is Python, anything else TypeScript", () => {
    expect([languageOfFile("a.nn.py"), languageOfFile("x.PY"), languageOfFile("a.nn.ts"), languageOfFile("notes")]).toEqual(["py", "py", "ts", "ts"]);
  });

  it("ints and floats print as CPython prints them; / is always a float; // and % are floored", () => {
    expect(out("print(7 / 2, 4 / 2, 7 // 2, -7 // 2, -7 % 3, 7 % -3, 7.0 // 2, 2 ** -1, 2 ** 10, 0.1 + 0.2, 1e-5, 1e16)"))
      .toEqual(["3.5 2.0 3 -4 2 -2 3.0 0.5 1024 0.30000000000000004 1e-05 1e+16"]);
    expect(out("x = 3\ny = 2.0\nprint(x * y, x + 1, float(x), int(7.9), round(2.5), round(3.14159, 2))")).toEqual(["6.0 4 3.0 7 2 3.14"]);
  });

  it("a name assigned in a def is local; global and nonlocal reach out; closures keep their cells", () => {
    expect(out(`n = 1
def f():
    n = 2
    return n
def g():
    global n
    n = 3
def make():
    k = 0
    def inc():
        nonlocal k
        k += 1
        return k
    return inc
f(); g()
c = make(); c(); c()
print(n, c())`)).toEqual(["3 3"]);
  });

  it("a def or class in a many-statement if/else body binds in the enclosing scope (TypeScript's stays block-scoped)", () => {
    expect(out("n = 1\nif n > 0:\n  def f(): return 3\n  z = 4\nprint(f())")).toEqual(["3"]);
    expect(out("n = 1\nif n < 0:\n  pass\nelse:\n  class C:\n    k = 5\n  z = 4\nprint(C.k, z)")).toEqual(["5 4"]);
    const ts = evaluateDocument("let n = 1;\nif (n > 0) { function f() { return 3; } const z = f(); }\nf();", { lang: "ts" });
    expect(ts.diagnostics.find((d) => d.severity === "error")).toMatchObject({ message: expect.stringMatching(/`f` is not a known function/), line: 3 });
  });

  it("print's sep and end, and output lines as printed", () => {
    expect(out('print(1, 2, sep=", ", end="")\nprint("!")\nprint()\nprint("a\\nb")')).toEqual(["1, 2!", "", "a", "b"]);
  });

  it("assert, raise and unsupported imports are errors at their position", () => {
    expect(error("x = 1\nassert x > 2, 'too small'")).toMatchObject({ message: "AssertionError: too small", line: 2 });
    expect(error("def f():\n    raise ValueError('bad value')\nf()")).toMatchObject({ message: "ValueError: bad value", line: 2 });
    expect(error("import os")).toMatchObject({ message: expect.stringMatching(/module `os` is not supported/), line: 1 });
    expect(error("x = [1, 2]\nprint(x[5])")?.message).toMatch(/index out of range/);
    expect(error("print(1 / 0)")?.message).toMatch(/division by zero/);
    expect(error("def f(a): return a\nf(1, 2)")?.message).toMatch(/takes 1 positional argument but 2 were given/);
  });

  it("gradients flow through Python's operators: % has d/da 1 and d/db -floor(a/b), // none", () => {
    const r = evaluateSelection("a % b + a // b", { values: { a: 7.5, b: 2 }, languageId: "python" });
    expect(r.value).toBeCloseTo(1.5 + 3);
    expect(Object.fromEntries(r.leaves.map((l) => [l.name, l.grad]))).toEqual({ a: 1, b: -3 });
  });

  it("GradLens's built-ins take Python keyword arguments; params and the target as in .nn.ts", () => {
    const r = run("model = mlp([2, 2, 1], activation='sigmoid', seed=1)\nloss = sse([model([p, q]) for p, q, y in XOR], [y for p, q, y in XOR])\n");
    expect(r.ok).toBe(true);
    expect(r.targetName).toBe("loss");
    expect(r.params.length).toBe(9);
    expect(r.params.every((p) => Number.isFinite(p.grad))).toBe(true);
  });

  it("a selection in a Python document is Python (`//` is floor division, not a comment)", () => {
    const doc = "x: float = 53.0\ny = x // 2\n";
    const r = evaluateSelection("x // 2 + x", { documentText: doc, selectionOffset: doc.indexOf("x // 2"), languageId: "python" });
    expect(r.value).toBe(26 + 53);
  });

  it("what a selection prints comes back with its value, as Python prints it", () => {
    const r = evaluateSelection("print(x // 2, x / 2, f'{x:.2f}')\nx // 2 + x", { values: { x: 7 }, languageId: "python" });
    expect([r.value, r.output]).toEqual([10, ["3.0 3.5 7.00"]]);
  });

  it("NumPy: arrays, @, .T, np.sum with axis and keepdims, a[i, j]", () => {
    expect(out(`import numpy as np
a = np.array([[1.0, 2.0], [3.0, 4.0]])
print(a.shape, (a @ a.T).shape, np.sum(a, axis=0), np.sum(a, axis=1, keepdims=True).shape, a[1, 0])`)).toEqual(["(2, 2) (2, 2) [4. 6.] (2, 1) 3.0"]);
  });
});

describe("PyTorch spellings", () => {
  it("torch.tensor(…, requires_grad=True) is a param; loss.backward() fills w.grad; .item() reads a number", () => {
    const r = run(`import torch
w = torch.tensor([[0.5, -0.2], [0.1, 0.3]], requires_grad=True)
x = torch.tensor([[1.0, 2.0]])
loss = torch.sum(torch.tanh(x @ w))
loss.backward()
print(w.grad.shape, round(w.grad[0, 0].item(), 4), round(w.grad[1, 1].item(), 4))
`);
    expect(r.output).toEqual(["(2, 2) 0.6347 1.7113"]);
    expect(r.params.length).toBe(4);
    expect(r.targetName).toBe("loss");
  });
});
