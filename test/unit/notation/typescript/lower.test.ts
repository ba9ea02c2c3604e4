// Runs in vitest (Node): TypeScript → GradLens's tree. Expected trees are written with show-tree.ts's notation;
// spans are checked on a few nodes; every shipped `.nn.ts` lowers with nothing unsupported.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GradLensError } from "../../../../src/notation/errors";
import { parse } from "../../../../src/notation/parse";
import type { Binary, Call, Declare, ExprStmt, Member } from "../../../../src/notation/tree";
import { lowerTypeScript } from "../../../../src/notation/typescript/lower";
import { show } from "../show-tree";

const lower = (src: string) => lowerTypeScript(parse(src));
const ts = (src: string): string => {
  const r = lower(src);
  expect(r.unsupported).toEqual([]);
  return show(r.program);
};

describe("TypeScript expressions", () => {
  it("chains one precedence into one node; ** nests to the right; parentheses make their own node", () => {
    expect(ts("a + b - c * d / e % f ** g ** h")).toBe("(a + b - (c * d / e % (f ** (g ** h))))");
    expect(ts("(a + b) + c")).toBe("((a + b) + c)");
    expect(ts("a - (b - c)")).toBe("(a - (b - c))");
  });

  it("unwraps type assertions and non-null assertions", () => {
    expect(ts("(x as number)! + (<any>y) satisfies number")).toBe("(x + y)");
  });

  it("logic chains, ?? and comparisons (=== kept apart from ==)", () => {
    expect(ts("a && b && c || d")).toBe("((a and b and c) or d)");
    expect(ts("x ?? y")).toBe("(x ?? y)");
    expect(ts("a < b; a === b; a == b; a !== b; a != b; a instanceof B")).toBe("(a < b); (a === b); (a == b); (a !== b); (a != b); (a instanceof B)");
    // TypeScript does not chain comparisons: (a < b) < c.
    expect(ts("a < b < c")).toBe("((a < b) < c)");
  });

  it("unary operators, ++/--, assignments and compound assignments", () => {
    expect(ts("-x; +x; !x; ++i; i--")).toBe("(-x); (+x); (not x); (++i); (i--)");
    expect(ts("x = y = 1; x += 2; o.w **= 2; a[i] %= 3; (x) = 4")).toBe("(x = (y = 1.0)); (x += 2.0); (o.w **= 2.0); (a[i] %= 3.0); (x = 4.0)");
    expect(ts("[a, , ...b] = [b, a]")).toBe("(<a, _, *b> = [b, a])");
  });

  it("the comma operator is a sequence", () => {
    expect(ts("for (i = 0, j = 1; i < j; i++, j--) {}")).toBe("for ((seq (i = 0.0), (j = 1.0)); (i < j); (seq (i++), (j--))) {}");
  });

  it("calls, new, members, elements, literals, templates", () => {
    expect(ts("f(a, ...b); new C(1); new C; o.m(x)[0]")).toBe("f(a, *b); new C(1.0); new C(); o.m(x)[0.0]");
    expect(ts("[1, , ...xs]; ({ a: 1, b, ...o, \"c\": 2, 3: 4 })")).toBe("[1.0, _, *xs]; {a: 1.0, b: b, **o, c: 2.0, 3: 4.0}");
    expect(ts("`a${x}b${y}`; `${x}`; \"s\"; 'q'; `t`")).toBe('`a{x}b{y}`; `{x}`; "s"; "q"; "t"');
    expect(ts("true; false; null; undefined; this; 0x10; 1_000; 1e-3")).toBe("true; false; null; undefined; this; 16.0; 1000.0; 0.001");
  });

  it("functions: parameters with defaults, optional, rest and patterns; arrows; `this` parameters dropped", () => {
    expect(ts("function f(a, b = 1, c?, ...d) { return a }")).toBe("function f(a, b=1.0, c?, *d) {return a}");
    expect(ts("const g = (x) => x * 2, h = x => { return x }")).toBe("const g = (lambda(x): (x * 2.0)), h = (lambda(x) {return x})");
    expect(ts("const k = function named(this: any, { lr, steps = 10 }, [p, , q]) {}")).toBe("const k = (function named({lr: lr, steps: steps=10.0}, [p, _, q]) {})");
  });
});

describe("TypeScript statements", () => {
  it("declarations, branches and loops (a branch or body is a list)", () => {
    expect(ts("let a = 1, [p, q] = r; var v; if (a) b(); else if (c) { d() } else e()")).toBe("let a = 1.0, [p, q] = r; var v; if a {b()} else {if c {d()} else {e()}}");
    expect(ts("for (let i = 0; i < 3; i++) s += i")).toBe("for (let i = 0.0; (i < 3.0); (i++)) {(s += i)}");
    expect(ts("for (const [p, q, y] of XOR) loss += p; for (x of xs) {} for (o.k of xs) {}")).toBe("for const [p, q, y] of XOR {(loss += p)}; for x of xs {}; for o.k of xs {}");
    expect(ts("while (x) { if (y) break; continue } do x--; while (x > 0)")).toBe("while x {if y {break}; continue}; do {(x--)} while (x > 0.0)");
    expect(ts("function f() { return; } throw new Error(\"m\"); { let z }")).toBe("function f() {return}; raise new Error(\"m\"); {let z}");
  });

  it("type-only syntax, declare, imports and exports run as nothing; `export const` declares", () => {
    const src = "type T = number; interface I {} import x from \"y\"; export { x }; export const z = 1; declare const w: number; "
      + "declare enum E {} declare function g(): void; function ov(): void; export default model; namespace N {} ;";
    expect(ts(src)).toBe("pass; pass; pass; pass; const z = 1.0; pass; pass; pass; pass; pass; pass; pass");
  });

  it("classes: base, constructor, fields, methods, super calls; implements, abstract and declare members dropped", () => {
    const src = "class A extends B implements I { w = param(1); v; constructor(a) { super(a); this.w = a } forward(x) { return super.forward(x) } "
      + "abstract m(): void; declare d: number; \"s\"() {} }";
    expect(ts(src)).toBe("class A(B) {function constructor(a) {super(a); (this.w = a)}; w = param(1.0); v = _; function forward(x) {return super.forward(x)}; function s() {}}");
    expect(ts("const C = class { m() {} }")).toBe("const C = class {function m() {}}");
  });

  it("`// @target` alone on the line above marks a statement", () => {
    expect(ts("// @target\nconst loss = 1\n/* @target */\nconst b = 2\n// @target\n\nconst c = 3\n  //  @target\nx + 1; // @target\ny")).toBe(
      "@target const loss = 1.0; const b = 2.0; const c = 3.0; @target (x + 1.0); y",
    );
  });
});

describe("TypeScript spans", () => {
  it("are document offsets: base moves them, partial chain ends and operator spans included", () => {
    const doc = "const pad = 0;\nw1 * x + b";
    const base = doc.indexOf("w1");
    const r = lowerTypeScript(parse(doc.slice(base)), base, doc);
    expect(r.program).toMatchObject({ start: base, end: doc.length });
    const sum = (r.program.body[0] as ExprStmt).expr as Binary;
    expect(sum).toMatchObject({ start: base, end: doc.length });
    expect(sum.rest[0]).toMatchObject({ op: "+", opSpan: { start: doc.indexOf("+"), end: doc.indexOf("+") + 1 }, end: doc.length });
    const product = sum.first as Binary;
    expect(product).toMatchObject({ start: base, end: doc.indexOf(" +") });
    expect(product.rest[0]).toMatchObject({ end: doc.indexOf(" +"), opSpan: { start: doc.indexOf("*") } });
  });

  it("calls carry their opening parenthesis, members their name, declarations their parts", () => {
    const src = "const y = model.forward (x);";
    const d = lower(src).program.body[0] as Declare;
    const call = d.decls[0].init as Call, callee = call.callee as Member;
    expect(call.parenSpan).toEqual({ start: src.indexOf("("), end: src.indexOf("(") + 1 });
    expect(callee.nameSpan).toEqual({ start: src.indexOf("forward"), end: src.indexOf("forward") + 7 });
    expect(d.decls[0].span).toEqual({ start: src.indexOf("y"), end: src.indexOf(";") });
    expect(d).toMatchObject({ start: 0, end: src.length });
  });

  it("`-` and `++` have their operator's span", () => {
    const r = lower("-x; i++").program.body;
    expect((r[0] as ExprStmt).expr).toMatchObject({ kind: "unary", opSpan: { start: 0, end: 1 } });
    expect((r[1] as ExprStmt).expr).toMatchObject({ kind: "update", opSpan: { start: 5, end: 7 } });
  });
});

describe("shipped .nn.ts files", () => {
  const root = join(__dirname, "../../../..");
  const files = ["examples", "test/e2e/fixtures"].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith(".nn.ts")).map((f) => join(d, f)));

  it("every one that parses lowers with nothing unsupported", () => {
    let lowered = 0;
    for (const f of files) {
      const text = readFileSync(join(root, f), "utf8");
      let sf;
      try {
        sf = parse(text);
      } catch (e) {
        expect(e, f).toBeInstanceOf(GradLensError); // the syntax-error fixture
        continue;
      }
      expect(lowerTypeScript(sf).unsupported, f).toEqual([]);
      lowered++;
    }
    expect(lowered).toBeGreaterThanOrEqual(files.length - 1);
    expect(files.length).toBeGreaterThanOrEqual(14);
  });
});
