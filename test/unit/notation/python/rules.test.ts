// Runs in vitest (Node): Python's rules, one program each, against what CPython 3.11 printed for it (generated once
// with python3 from these programs; the tests do not need Python).
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../../src/notation";

const CASES: [string, string, string][] = [
  ["truthiness", "print(bool([]), bool([0]), bool(\"\"), bool(\"0\"), bool({}), bool(0.0), bool(None), not [])", "False True False True False False False True\n"],
  ["and/or return an operand", "print(0 or \"x\", [] and 1, 2 and 3, None or 0, \"\" or [] or 5)", "x [] 3 0 5\n"],
  ["chained comparisons", "x = 5\nprint(1 < x < 10, 1 < x > 6, 3 == 3.0 != 4, 1 <= 1 < 2 <= 2)", "True False True True\n"],
  ["is, in", "a = [1, 2]\nb = a\nprint(a is b, a is [1, 2], a == [1, 2], 2 in a, 3 not in a, \"ell\" in \"hello\", \"k\" in {\"k\": 1}, None is None)", "True False True True True True True True\n"],
  ["tuples", "t = (1, 2.5, \"a\")\nu = (7,)\nprint(t, u, t[-1], t[1:], len(t), t + u, () , tuple([1, 2]) * 2)", "(1, 2.5, 'a') (7,) a (2.5, 'a') 3 (1, 2.5, 'a', 7) () (1, 2, 1, 2)\n"],
  ["dicts", "d = {\"a\": 1, 2: \"b\", (1, 2): 3.0}\nd[\"c\"] = [1]\nprint(d, d[2], d[(1, 2)], d.get(\"z\"), d.get(\"z\", 0), list(d.keys()), list(d.values())[0], len(d))\nfor k, v in d.items():\n    print(k, v)\ndel d[\"a\"]\nprint(d.pop(2), d)", "{'a': 1, 2: 'b', (1, 2): 3.0, 'c': [1]} b 3.0 None 0 ['a', 2, (1, 2), 'c'] 1 4\na 1\n2 b\n(1, 2) 3.0\nc [1]\nb {(1, 2): 3.0, 'c': [1]}\n"],
  ["list methods", "xs = [3, 1, 2]\nxs.append(5)\nxs.extend([9, 0])\nxs.insert(1, 7)\nprint(xs, xs.pop(), xs.pop(0), xs.index(2), xs.count(1))\nxs.remove(1)\nxs.sort()\nprint(xs, sorted(xs, reverse=True), list(reversed(xs)))", "[7, 1, 2, 5, 9] 0 3 2 1\n[2, 5, 7, 9] [9, 7, 5, 2] [9, 7, 5, 2]\n"],
  ["slicing", "s = list(range(10))\nprint(s[2:5], s[::3], s[::-2], s[-3:], s[:-7], s[5:2], s[-1:-4:-1], \"hello\"[1:4], \"hello\"[::-1])", "[2, 3, 4] [0, 3, 6, 9] [9, 7, 5, 3, 1] [7, 8, 9] [0, 1, 2] [] [9, 8, 7] ell olleh\n"],
  ["comprehensions", "print([x * x for x in range(5) if x % 2 == 0], {k: k * 2 for k in \"ab\"}, sum(x for x in range(4)), [(i, j) for i in range(2) for j in range(i, 2)])", "[0, 4, 16] {'a': 'aa', 'b': 'bb'} 6 [(0, 0), (0, 1), (1, 1)]\n"],
  ["while/else, for/else, break, continue", "n = 0\nwhile n < 3:\n    n += 1\nelse:\n    print(\"done\", n)\nfor i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    print(i)\nelse:\n    print(\"not reached\")\nfor i in []:\n    pass\nelse:\n    print(\"empty else\")", "done 3\n0\n2\nempty else\n"],
  ["unpacking", "a, b = 1, 2\na, b = b, a\nfirst, *rest = [1, 2, 3, 4]\n*init, last = \"abc\"\n(p, q), r = (1, 2), 3\nprint(a, b, first, rest, init, last, p, q, r)", "2 1 1 [2, 3, 4] ['a', 'b'] c 1 2 3\n"],
  ["def defaults keywords star args", "def f(a, b=2, *args, c=3, **kw):\n    return (a, b, args, c, kw)\nprint(f(1), f(1, 5, 6, 7, c=8, d=9), f(*[1, 2], **{\"c\": 0}))", "(1, 2, (), 3, {}) (1, 5, (6, 7), 8, {'d': 9}) (1, 2, (), 0, {})\n"],
  ["lambda closures", "fs = [lambda x, k=k: x * k for k in range(3)]\nadd = lambda a, b=1: a + b\ndef outer():\n    v = 10\n    def inner():\n        return v + 1\n    return inner\nprint([g(2) for g in fs], add(1), add(1, 2), outer()())", "[0, 2, 4] 2 3 11\n"],
  ["classes super dunders", "class A:\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f\"A({self.v})\"\n    def __add__(self, o):\n        return A(self.v + (o.v if isinstance(o, A) else o))\n    def __radd__(self, o):\n        return self + o\n    def __mul__(self, o):\n        return A(self.v * o)\n    __rmul__ = __mul__\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 2)\n    def __str__(self):\n        return \"B!\"\nprint(A(1) + A(2), 3 + A(1), A(2) * 3, B(1), [B(1)], isinstance(B(1), A), isinstance(A(1), B), sum([A(1), A(2)]))", "A(3) A(4) A(6) B! [A(2)] True False A(3)\n"],
  ["builtins", "print(len(\"abc\"), abs(-2), abs(-2.5), min(3, 1, 2), max([4, 9, 1]), round(2.675, 2), round(0.5), round(1.5), int(\"42\"), float(\"1.5\"), str(3.0), list(zip([1, 2], \"ab\")), list(enumerate(\"xy\", 1)), min([], default=7))", "3 2 2.5 1 9 2.67 0 2 42 1.5 3.0 [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')] 7\n"],
  ["f-strings", "x = 3.14159\nn = 42\nprint(f\"{x:.2f} {x:10.3f}| {n:05d} {n:>6} {n:<4}| {x:e} {0.000123:g} {n:,} {1234567.891:,.2f} {x!r} {'s':^5}|\")", "3.14      3.142| 00042     42 42  | 3.141590e+00 0.000123 42 1,234,567.89 3.14159   s  |\n"],
  ["print sep end", "print(\"a\", \"b\", sep=\"-\", end=\"!\")\nprint(1, 2.0, None, True, [1.0, 2], (1,), {\"a\": 0.5})", "a-b!1 2.0 None True [1.0, 2] (1,) {'a': 0.5}\n"],
  ["int vs float", "print(2 ** 3, 2 ** -1, 2.0 ** 3, 10 / 5, 10 // 3, -10 // 3, 10 % 3, -10 % 3, 10.5 % 3, 1e300 * 10, 0.1 * 3, 100.0, 1e16, 1.5e-7, -0.0)", "8 0.5 8.0 2.0 3 -4 1 2 1.5 1e+301 0.30000000000000004 100.0 1e+16 1.5e-07 -0.0\n"],
];

describe("Python's rules print what CPython prints", () => {
  it.each(CASES)("%s", (_name, code, printed) => {
    const r = evaluateDocument(code, { lang: "py" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.output.join("\n") + "\n").toBe(printed);
  });
});
