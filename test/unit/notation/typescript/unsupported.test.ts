// Runs in vitest (Node): every TypeScript construct the interpreter does not run becomes an Unsupported node with the
// interpreter's own message, at the construct's position, and is listed by the lowering.
import { describe, expect, it } from "vitest";
import { parse } from "../../../../src/notation/parse";
import { lowerTypeScript } from "../../../../src/notation/typescript/lower";
import { show } from "../show-tree";

/** [source, the text the Unsupported spans, message]. */
const CASES: [string, string, string][] = [
  ["switch (x) {}", "switch (x) {}", "`switch` is not supported"],
  ["try {} catch {}", "try {} catch {}", "`try` is not supported"],
  ["l: x", "l: x", "labelled statements are not supported"],
  ["for (k in o) {}", "for (k in o) {}", "`for … in` is not supported (use `for … of`)"],
  ["enum E { A }", "enum E { A }", "`enum` is not supported"],
  ["debugger", "debugger", "`debugger` is not supported"],
  ["with (o) {}", "with (o) {}", "`with` is not supported"],
  ["y = await x", "await x", "`await` is not supported"],
  ["y = typeof x", "typeof x", "`typeof` is not supported"],
  ["delete o.x", "delete o.x", "`delete` is not supported"],
  ["y = void 0", "void 0", "void expression is not supported"],
  ["y = /re/g", "/re/g", "regular expressions are not supported"],
  ["y = a?.b", "a?.b", "optional chaining `?.` is not supported"],
  ["y = a?.[0]", "a?.[0]", "optional chaining `?.` is not supported"],
  ["y = a?.()", "a?.()", "optional calls `?.()` are not supported"],
  ["y = ~x", "~x", "operator `~` is not supported"],
  ["y = a & b", "&", "operator `&` is not supported"],
  ["y = \"a\" in o", "in", "operator `in` is not supported"],
  ["x ??= 1", "??=", "operator `??=` is not supported"],
  ["y = tag`x`", "tag`x`", "tagged template expression is not supported"],
  ["y = 10n", "10n", "big int literal is not supported"],
  ["y = ({ m() {} })", "m() {}", "method declaration is not supported"],
  ["y = ({ [k]: 1 })", "[k]", "computed property name is not supported"],
  ["class A { static x = 1 }", "static", "`static` is not supported yet"],
  ["class A { static { } }", "static { }", "`static` is not supported yet"],
  ["class A { #p = 1 }", "#p", "private `#p` members are not supported yet (use `p`)"],
  ["class A { @d m() {} }", "@d", "decorators are not supported"],
  ["@d class A {}", "@d", "decorators are not supported"],
  ["class A { [k]() {} }", "[k]", "computed member names are not supported"],
  ["class A { get x() { return 1 } }", "get x() { return 1 }", "getters and setters are not supported yet"],
  ["class A { constructor(public a) {} }", "public a", "constructor parameter properties (`public a` in a constructor) are not supported yet"],
  ["class A { *g() {} }", "*g() {}", "generator methods are not supported"],
  ["class A { async m() {} }", "async", "`async` is not supported"],
  ["async function f() {}", "async", "`async` is not supported"],
  ["function* g() {}", "function* g() {}", "generator functions are not supported"],
  ["class A extends B { m() { return super.x } }", "super", "`super` is supported as `super(…)` and `super.m(…)` only"],
  ["export default class {}", "export default class {}", "a class declaration needs a name"],
  ["using r = f()", "using r = f()", "`using` is not supported"],
  ["for await (const x of xs) {}", "for await (const x of xs) {}", "`for await` is not supported"],
  ["while (1) { break l }", "break l", "labelled `break`/`continue` is not supported"],
  ["y = import(\"m\")", "import", "import keyword is not supported"],
  ["y = new.target", "new.target", "meta property is not supported"],
  ["({ a } = o)", "{ a }", "this destructuring is not supported"],
  ["[a = 1] = o", "a = 1", "this destructuring is not supported"],
  ["const { ...r } = o", "...r", "this destructuring is not supported"],
  ["f() = 1", "f()", "invalid assignment target"],
];

describe("unsupported TypeScript", () => {
  it.each(CASES)("%s", (src, spans, what) => {
    const r = lowerTypeScript(parse(src));
    const start = src.indexOf(spans);
    expect(r.unsupported).toEqual([{ kind: "unsupported", what, start, end: start + spans.length }]);
    expect(show(r.program)).toContain(`!${JSON.stringify(what)}`);
  });

  it("stands where the construct stood: a statement, an expression, a whole class", () => {
    const r = lowerTypeScript(parse("let y = 1 + typeof x; switch (y) {} class A { static s = 1; #p; m() {} }\nz = 2"));
    expect(show(r.program)).toBe('let y = (1.0 + !"`typeof` is not supported"); !"`switch` is not supported"; !"`static` is not supported yet"; (z = 2.0)');
    // Every unsupported member of the class is listed, though the class stands as its first.
    expect(r.unsupported.map((u) => u.what)).toEqual([
      "`typeof` is not supported", "`switch` is not supported", "`static` is not supported yet", "private `#p` members are not supported yet (use `p`)",
    ]);
  });

  it("inside a function body, only the statement is unsupported", () => {
    const r = lowerTypeScript(parse("function f(x) { switch (x) {} return x }"));
    expect(show(r.program)).toBe('function f(x) {!"`switch` is not supported"; return x}');
  });
});
