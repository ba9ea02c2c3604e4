// Runs in vitest (Node): Python → GradLens's tree: expressions and statements as learners write them. Expected
// trees are written with show-tree.ts's notation (ints bare, floats with a point, `mod` for Python's `%`).
import { describe, expect, it } from "vitest";
import { lowerPython } from "../../../../src/notation/python/lower";
import { parsePython } from "../../../../src/notation/python/parse";
import type { Assign, Call, ExprStmt, Member } from "../../../../src/notation/tree";
import { lowerPy, py } from "./helpers";

describe("Python expressions", () => {
  it("arithmetic: chains, `**` right-associative and tighter than unary minus, `//`, `%` as mod, `@`", () => {
    expect(py("a + b - c * d / e // f % g @ h")).toBe("(a + b - (c * d / e // f mod g @ h))");
    expect(py("-x ** 2; -x ** -y; 2 ** 3 ** 2; (-x) ** 2")).toBe("(-(x ** 2)); (-(x ** (-y))); (2 ** (3 ** 2)); ((-x) ** 2)");
    expect(py("(a + b) + c; a - (b - c); +x")).toBe("((a + b) + c); (a - (b - c)); (+x)");
  });

  it("names, constants, calls with every kind of argument, attributes", () => {
    expect(py("True; False; None; exec; eval")).toBe("true; false; null; exec; eval");
    expect(py("f(a, *xs, k=1, **d); o.m(x).w; print(x, sep='')")).toBe('f(a, *xs, k=1, **d); o.m(x).w; print(x, sep="")');
    expect(py("sum(x * x for x in xs if x)")).toBe("sum(gen((x * x) for x in xs if x))");
    expect(py("g(y := 3); (n := len(a)) > 10")).toBe("g((y = 3)); ((n = len(a)) > 10)");
  });

  it("subscripts, slices and tuples of indexes", () => {
    expect(py("a[1:3]; a[::2]; a[1:3, ::2]; a[i, j]; a[i]; a[:, 0]; a[1:]; a[:-1]; a[i,]")).toBe(
      "a[1:3]; a[::2]; a[1:3, ::2]; a[(i, j)]; a[i]; a[:, 0]; a[1:]; a[:(-1)]; a[(i,)]",
    );
  });

  it("tuples, lists, sets, dicts and comprehensions", () => {
    expect(py("(1,); (); a, b; [1, *x]; {1, 2}; {'k': 1, **d}; {}")).toBe('(1,); (); (a, b); [1, *x]; set{1, 2}; dict{"k": 1, **d}; dict{}');
    expect(py("[x * y for x in xs for y in ys if x if y]")).toBe("[(x * y) for x in xs for y in ys if x if y]");
    expect(py("{k: v for k, v in d.items()}; {x for (x, *r) in s}; (x for x in s)")).toBe("{k: v for [k, v] in d.items()}; set{x for [x, *r] in s}; gen(x for x in s)");
  });

  it("conditional expressions, lambdas, identity and membership", () => {
    expect(py("a if c else b; lambda: 0; lambda x, y=1, *a, **k: x")).toBe("(c ? a : b); (lambda(): 0); (lambda(x, y=1, *a, **k): x)");
    expect(py("x is None; x is not None; a in b; a not in b")).toBe("(x is null); (x is not null); (a in b); (a not in b)");
  });

  it("super().m and Python 2's super(C, self).m", () => {
    expect(py("super().__init__(1); super(C, self).m()")).toBe("super.__init__(1); super.m()");
  });
});

describe("Python statements", () => {
  it("assignments: several targets, unpacking with nesting and a star, attributes, elements, slices", () => {
    expect(py("a = b = v; a, b = b, a; (a, (b, *c)) = v; [x, self.y] = v; o.x = 1; d[k] = 2; s[1:2] = t")).toBe(
      "a = b = v; <a, b> = (b, a); <a, <b, *c>> = v; <x, self.y> = v; o.x = 1; d[k] = 2; s[1:2] = t",
    );
  });

  it("augmented assignments, with Python's operators", () => {
    expect(py("x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x @= m; o.w -= lr * o.g")).toBe(
      "x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x mod= 2; x **= 2; x @= m; o.w -= (lr * o.g)",
    );
  });

  it("annotated assignments drop the annotation; an annotation alone is nothing", () => {
    expect(py("x: float = 53.0; y: int; z: list[int] = []")).toBe("x = 53.0; pass; z = []");
  });

  it("def: defaults, *args, a bare *, keyword-only, **kwargs, `/`; annotations and the docstring dropped", () => {
    expect(py('def f(a, b=1, *args, c, d=2, **kw) -> int:\n    """doc"""\n    return a, b\n')).toBe("def f(a, b=1, *args, c!, d!=2, **kw) {pass; return (a, b)}");
    expect(py("def g(a: int, /, b, *, c: float = 1.0): pass")).toBe("def g(a, b, c!=1.0) {pass}");
  });

  it("classes: a base, methods (dunders included), class-level assignments as fields", () => {
    const src = 'class C(Base):\n    """doc"""\n    n = 0\n    k: int\n    m: float = 1.0\n    def __init__(self, v):\n        super().__init__()\n'
      + "        self.v = v\n    def __add__(self, o): return C(self.v + o.v)\n    __radd__ = __add__\nclass D: pass";
    expect(py(src)).toBe("class C(Base) {n = 0; m = 1.0; __radd__ = __add__; function __init__(self, v) {super.__init__(); self.v = v}; function __add__(self, o) {return C((self.v + o.v))}}; class D {}");
  });

  it("if/elif/else, for … in with else, while with else, break, continue, pass", () => {
    expect(py("if a:\n    x = 1\nelif b:\n    x = 2\nelif c: x = 3\nelse:\n    x = 4")).toBe("if a {x = 1} else {if b {x = 2} else {if c {x = 3} else {x = 4}}}");
    expect(py("for i, (a, b) in enumerate(z):\n    if i: break\n    continue\nelse:\n    pass\nwhile x > 0:\n    x -= 1\nelse:\n    y = 1")).toBe(
      "for <i, <a, b>> of enumerate(z) {if i {break}; continue} else {pass}; while (x > 0) {x -= 1} else {y = 1}",
    );
    expect(py("for x in 1, 2: pass")).toBe("for x of (1, 2) {pass}");
  });

  it("global, nonlocal, assert, raise, del, return, imports", () => {
    expect(py("global a, b\nnonlocal c\nassert x, 'm'\nassert y\nraise ValueError('v')\nraise\nraise E from e\ndel a[0], b")).toBe(
      'global a, b; nonlocal c; assert x, "m"; assert y; raise ValueError("v"); raise; raise E; del a[0], b',
    );
    expect(py("import math\nimport numpy as np, os.path\nfrom math import exp as e, log\nfrom m import (a, b as c)")).toBe(
      "import math; import numpy as np; import os.path; from math import exp as e, log; from m import a, b as c",
    );
  });

  it("several statements on a line, a docstring, `...`, and `# @target` on the line above", () => {
    expect(py('"""module doc"""\nx = 1; y = 2\n...\n# @target\nz = x * y\n  #  @target  here\nw = 1\n# @target\n\nv = 2')).toBe(
      "pass; x = 1; y = 2; pass; @target z = (x * y); @target w = 1; v = 2",
    );
  });
});

describe("Python spans", () => {
  it("are document offsets, with the operator, name and parenthesis spans", () => {
    const src = "loss = model.forward (x) ** 2";
    const base = 100, doc = " ".repeat(base) + src;
    const a = lowerPython(parsePython(src), base, doc).program.body[0] as Assign;
    const at = (s: string): number => base + src.indexOf(s);
    expect(a).toMatchObject({ start: base, end: base + src.length, opSpan: { start: at("="), end: at("=") + 1 } });
    expect(a.value).toMatchObject({ kind: "binary", start: at("model"), rest: [{ op: "**", opSpan: { start: at("**"), end: at("**") + 2 } }] });
    const call = (a.value as { first: Call }).first, m = call.callee as Member;
    expect(call.parenSpan).toEqual({ start: at("("), end: at("(") + 1 });
    expect(m.nameSpan).toEqual({ start: at("forward"), end: at("forward") + 7 });
  });

  it("an elif's If spans from `elif`; a chain's partial results end where they end", () => {
    const src = "if a: pass\nelif b: pass";
    const r = lowerPy(src).program.body[0] as unknown as { otherwise: { start: number }[] };
    expect(r.otherwise[0].start).toBe(src.indexOf("elif"));
    const e = (lowerPy("a + b * c - d").program.body[0] as ExprStmt).expr;
    expect(e).toMatchObject({ kind: "binary", start: 0, end: 13, rest: [{ op: "+", end: 9 }, { op: "-", end: 13 }] });
  });
});
