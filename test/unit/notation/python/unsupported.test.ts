// Runs in vitest (Node): every Python construct GradLens does not run becomes an Unsupported node naming it, at its
// position, and is listed by the lowering.
import { describe, expect, it } from "vitest";
import { show } from "../show-tree";
import { lowerPy } from "./helpers";

/** [source, the text the Unsupported spans, message]. */
const CASES: [string, string, string][] = [
  ["async def f():\n    pass", "async def f():\n    pass", "`async def` is not supported"],
  ["def f():\n    await g()", "await g()", "`await` is not supported"],
  ["async for x in y:\n    pass", "async for x in y:\n    pass", "`async for` is not supported"],
  ["async with a:\n    pass", "async with a:\n    pass", "`async with` is not supported"],
  ["def g():\n    yield 1", "yield 1", "`yield` is not supported"],
  ["def g():\n    x = yield 2", "yield 2", "`yield` is not supported"],
  ["with open(f) as h:\n    pass", "with open(f) as h:\n    pass", "`with` is not supported"],
  ["try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass", "try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass", "`try` is not supported"],
  ["match x:\n    case 1:\n        pass", "match x:\n    case 1:\n        pass", "`match` is not supported"],
  ["@dec\ndef f(): pass", "@dec\n", "decorators are not supported"],
  ["class C(B, metaclass=M): pass", "metaclass=M", "class keyword arguments (`metaclass=…`) are not supported"],
  ["class C(A, B): pass", "B", "multiple inheritance is not supported"],
  ["class C:\n    @property\n    def x(self): return 1", "@property\n", "decorators are not supported"],
  ["class C:\n    async def m(self): pass", "async def m(self): pass", "`async def` is not supported"],
  ["class C:\n    if x: pass", "if x: pass", "only methods and assignments `name = value` are supported in a class body"],
  ["from m import *", "from m import *", "`from … import *` is not supported"],
  ["from . import m", "from . import m", "relative imports are not supported"],
  ["x = 3j", "3j", "imaginary numbers are not supported"],
  ["x = b'a'", "b'a'", "bytes literals are not supported"],
  ["x = '\\N{DASH}'", "'\\N{DASH}'", "`\\N{…}` escapes are not supported"],
  ["x = f'{a:{w}}'", ":{w}", "nested replacement fields in a format spec are not supported"],
  ["x = a | b", "|", "operator `|` is not supported"],
  ["x = ~a", "~a", "operator `~` is not supported"],
  ["x &= 1", "&=", "operator `&=` is not supported"],
  ["x = a <> b", "<>", "operator `<>` is not supported"],
  ["x = ...", "...", "`...` is not supported"],
  ["print 'hi'", "print 'hi'", "`print` without parentheses is Python 2: write `print(…)`"],
  ["raise E, 'm'", "raise E, 'm'", "`raise E, message` is Python 2: write `raise E(message)`"],
  ["x = super()", "super", "`super` is supported as `super().m(…)` (or `super(C, self).m(…)`) only"],
  ["f() = 1", "f()", "invalid assignment target"],
  ["x = [*a for a in b]", "*a", "unpacking in a comprehension is not supported"],
  ["x = [a for a.b in c]", "a.b", "a comprehension's `for` can only bind names"],
];

describe("unsupported Python", () => {
  it.each(CASES)("%s", (src, spans, what) => {
    const r = lowerPy(src);
    const start = src.indexOf(spans);
    expect(r.unsupported).toEqual([{ kind: "unsupported", what, start, end: start + spans.length }]);
    expect(show(r.program)).toContain(`!${JSON.stringify(what)}`);
  });

  it("a long Python 2 print statement is still named as one", () => {
    const src = `print ${Array(200).fill("x").join(" + ")}`;
    expect(lowerPy(src).unsupported).toEqual([{ kind: "unsupported", what: "`print` without parentheses is Python 2: write `print(…)`", start: 0, end: src.length }]);
  });

  it("`exec` and `eval` are ordinary names (unknown ones, for the interpreter to report)", () => {
    expect(lowerPy("exec('x'); eval('1')").unsupported).toEqual([]);
  });

  it("a function with a yield stays a function; the class is Unsupported as a whole, each part listed", () => {
    const r = lowerPy("def g():\n    yield 1\n    return 2\nclass C(A, metaclass=M):\n    @d\n    def m(self): pass\n    n = 1");
    expect(show(r.program)).toBe('def g() {!"`yield` is not supported"; return 2}; !"class keyword arguments (`metaclass=…`) are not supported"');
    const r2 = lowerPy("class C:\n    @d\n    def m(self): pass\n    with a: pass\n    n = 1");
    expect(r2.unsupported.map((u) => u.what)).toEqual(["decorators are not supported", "only methods and assignments `name = value` are supported in a class body"]);
    expect(show(r2.program)).toBe('!"decorators are not supported"');
  });

  it("positions are reported in line:column of the document", () => {
    const src = "x = 1\n\nasync def f():\n    pass";
    const u = lowerPy(src).unsupported[0];
    expect(src.slice(0, u.start).split("\n")).toHaveLength(3);
    expect(u.start - src.lastIndexOf("\n", u.start - 1) - 1).toBe(0);
  });
});
