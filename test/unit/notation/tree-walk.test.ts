// Runs in vitest (Node): the walker over GradLens's tree: every node visited once, children in source order, no
// recursion on long chains or deep trees, and the innermost node at an offset with its ancestors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/notation/parse";
import { lowerPython } from "../../../src/notation/python/lower";
import { parsePython } from "../../../src/notation/python/parse";
import type { Program } from "../../../src/notation/tree";
import { children, nodeAt, walk, type TreeNode } from "../../../src/notation/tree-walk";
import { lowerTypeScript } from "../../../src/notation/typescript/lower";

const ts = (src: string): Program => lowerTypeScript(parse(src)).program;
const py = (src: string): Program => lowerPython(parsePython(src)).program;

/** Kinds of the nodes the walker visits (wrappers such as arguments, entries, clauses and slice ranges are not nodes). */
const NODE_KINDS = new Set([
  "program", "expr", "declare", "assignStmt", "if", "for", "forOf", "while", "break", "continue", "return", "block", "functionDecl",
  "classDecl", "import", "global", "nonlocal", "assert", "raise", "del", "nothing", "unsupported", "number", "string", "const", "name",
  "this", "unary", "update", "binary", "compare", "logic", "conditional", "assignExpr", "sequence", "call", "new", "member", "index",
  "slice", "array", "tuple", "set", "object", "function", "class", "template", "superCall", "superMember", "comprehension",
  "arrayPattern", "objectPattern", "unpack",
]);

/** Every node in the object graph under root, found without the walker (any object with a node kind and a span). */
function allNodes(root: object): Set<object> {
  const out = new Set<object>(), seen = new Set<object>(), stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.kind === "string" && NODE_KINDS.has(o.kind) && typeof o.start === "number" && typeof o.end === "number") out.add(o);
    for (const x of Object.values(o)) stack.push(x);
  }
  return out;
}

function visited(p: Program): TreeNode[] {
  const out: TreeNode[] = [];
  walk(p, (n) => {
    out.push(n);
  });
  return out;
}

const TS_SAMPLE = readFileSync(join(__dirname, "../../../examples/seed002-modules.nn.ts"), "utf8");
const PY_SAMPLE = [
  "import math", "from m import a as b", "class V(B):", "    '''doc'''", "    n = 0", "    def __init__(self, v, *a, k=1, **kw):", "        super().__init__()",
  "        self.v = v", "def f(x, y=2):", "    global g", "    a, (b, *c) = x", "    d = {k: v for k, v in x.items() if v}", "    s = x[1:2, ::3]",
  "    t = f'{x!r:.2f} {y=}'", "    u = lambda q: -q ** 2 if not q or q > 1 else q // 2 % 3", "    for i in range(3):", "        if i: break", "    else:",
  "        pass", "    while y: y -= 1", "    assert x, 'm'", "    del d[0]", "    return [*x, (1,), {1, 2}, g(*x, z=1, **d)]", "try: pass\nexcept: pass",
].join("\n");

describe("walk", () => {
  it.each([["TypeScript", () => ts(TS_SAMPLE)], ["Python", () => py(PY_SAMPLE)]])("%s: visits every node once, parents first", (_, lower) => {
    const p = lower(), seen = visited(p);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(allNodes(p));
    expect(seen.length).toBeGreaterThan(100);
    expect(seen[0]).toBe(p);
  });

  it("children come in source order (Python's `a if c else b` puts the test second)", () => {
    for (const p of [ts(TS_SAMPLE), py(PY_SAMPLE)]) {
      walk(p, (n) => {
        const starts = children(n).map((c) => c.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      });
    }
    const cond = (py("a if c else b").body[0] as { expr: TreeNode }).expr;
    expect(children(cond).map((c) => (c as { name: string }).name)).toEqual(["a", "c", "b"]);
  });

  it("skips the children of a node when told to", () => {
    const names: string[] = [];
    walk(py("f(a)\ndef g(b): return c\nd"), (n) => {
      if (n.kind === "name") names.push(n.name);
      return n.kind !== "function";
    });
    expect(names).toEqual(["f", "a", "d"]);
  });

  it("needs no recursion: a 10,000-term chain and a tree nested a thousand levels deep", () => {
    expect(visited(py(Array(10_000).fill("x").join(" + ")))).toHaveLength(10_003);
    expect(visited(ts("- ".repeat(990) + "x"))).toHaveLength(993);
  });
});

describe("nodeAt", () => {
  const src = "y = w * x + b\nz = f(y)";
  const p = py(src);

  it("finds the innermost node holding an offset, with its ancestors outermost first", () => {
    const hit = nodeAt(p, src.indexOf("w"));
    expect(hit?.node).toMatchObject({ kind: "name", name: "w" });
    expect(hit?.ancestors.map((a) => a.kind)).toEqual(["program", "assignStmt", "binary", "binary"]);
    expect(hit?.ancestors[2]).toMatchObject({ rest: [{ op: "+" }] });
  });

  it("an operator belongs to its expression; spans are half-open", () => {
    expect(nodeAt(p, src.indexOf("*"))?.node).toMatchObject({ kind: "binary", rest: [{ op: "*" }] });
    expect(nodeAt(p, src.indexOf("f("))?.node).toMatchObject({ kind: "name", name: "f" });
    expect(nodeAt(p, src.indexOf("(y)"))?.node).toMatchObject({ kind: "call" });
    expect(nodeAt(p, src.indexOf("w") + 1)?.node).toMatchObject({ kind: "binary" });
  });

  it("outside the program there is none; between statements, the program", () => {
    expect(nodeAt(p, src.length)).toBeUndefined();
    expect(nodeAt(p, -1)).toBeUndefined();
    expect(nodeAt(p, src.indexOf("\n"))?.node.kind).toBe("program");
  });

  it("finds nodes deep in a long chain and in a selection placed in its document", () => {
    const chain = Array(10_000).fill("x").join(" + ");
    const hit = nodeAt(py(chain), chain.length - 1);
    expect(hit?.node).toMatchObject({ kind: "name", start: chain.length - 1 });
    expect(hit?.ancestors).toHaveLength(3);
    const doc = "const a = 1;\nw * 2", base = doc.indexOf("w");
    const placed = lowerTypeScript(parse(doc.slice(base)), base, doc).program;
    expect(nodeAt(placed, base)?.node).toMatchObject({ kind: "name", name: "w" });
    expect(nodeAt(placed, 0)).toBeUndefined();
  });
});
