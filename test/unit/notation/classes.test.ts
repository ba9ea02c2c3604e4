// Runs in vitest (Node): classes in the notation: fields, constructors, methods, `this`, `extends` and `super`, the
// built-in `Module` (seed 002), gradients through methods against central differences, positioned errors and bounds,
// free names, call groups on the tape, and the `.nn.ts` declarations of `Module`.
import { dirname, join } from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, freeNames } from "../../../src/notation";
import { createNnService } from "../../../src/tsplugin/service";
import { caught, expectGradientsMatch, value } from "./helpers";

const sel = (text: string, values: Record<string, number> = {}) => () => evaluateSelection(text, { values });

const A = "class A { x = 1; y; constructor(a, b) { this.a = a; this.b = b; } m(v) { return this.a * v + this.x; } }\n";

describe("classes", () => {
  it("fields, constructor, methods and `this`", () => {
    expect(value(`${A}const a = new A(2, 5); a.m(3) + a.b * 100`)).toBe(507);
    expect(value(`${A}const a = new A(2, 5); a.y === undefined ? 1 : 0`)).toBe(1);
    // Each instance has its own fields.
    expect(value(`${A}const p = new A(1, 0), q = new A(10, 0); p.x = 4; p.m(1) * 100 + q.m(1)`)).toBe(511);
    // Writes through `this` and through the object: `=`, `+=`, `++`.
    const C = "class C { n = 0; add(v) { this.n += v; this.n++; return this; } }\n";
    expect(value(`${C}const c = new C(); c.add(2).add(3); c.n = c.n * 10; c.n`)).toBe(70);
  });

  it("field initialisers run before the constructor body, and after super() in a subclass", () => {
    const text = `const log = [];
class B { f = log.push("B.field"); constructor() { log.push("B.ctor"); } }
class D extends B { g = log.push("D.field"); constructor() { log.push("D.before"); super(); log.push("D.after"); } }
new D();
log.length`;
    expect(value(text)).toBe(5);
    const order = `${text.slice(0, text.lastIndexOf("log.length"))}log[0] === "D.before" && log[1] === "B.field" && log[2] === "B.ctor" && log[3] === "D.field" && log[4] === "D.after" ? 1 : 0`;
    expect(value(order)).toBe(1);
  });

  it("extends: inherited and overridden methods, super(…) and super.m(…)", () => {
    const text = `${A}class B extends A {
  z = 5;
  constructor(a) { super(a, 0); this.c = 2; }
  m(v) { return super.m(v) * this.c + this.z; }
}
class E extends B { k() { return this.m(1) + this.a; } }
const e = new E(3);`;
    // E has no constructor: B's runs with E's arguments; m comes from B, super.m from A.
    expect(value(`${text} e.m(2)`)).toBe((3 * 2 + 1) * 2 + 5);
    expect(value(`${text} e.k()`)).toBe((3 + 1) * 2 + 5 + 3);
    expect(value(`${text} (e instanceof A ? 1 : 0) + (e instanceof E ? 10 : 0) + (new A(1, 1) instanceof B ? 100 : 0)`)).toBe(11);
  });

  it("class expressions bound to a name", () => {
    expect(value("const K = class { constructor(v) { this.v = v; } twice() { return 2 * this.v; } }; new K(4).twice()")).toBe(8);
    expect(caught(sel("const K = class {}; K()")).reason).toBe("class `K` cannot be called without `new`");
  });

  it("arrow functions capture `this`; plain functions have their own", () => {
    expect(value("class S { k = 3; scale(xs) { return xs.map((v) => v * this.k); } } new S().scale([1, 2])[1]")).toBe(6);
    expect(value("class S { k = 3; f = (v) => v + this.k; } const g = new S().f; g(1)")).toBe(4);
    const e = caught(sel("class S { k = 3; m() { function inner() { return this.k; } return inner(); } } new S().m()"));
    expect(e.reason).toMatch(/^`this` is undefined here/);
    // A function stored on an object gets it as `this` when called as obj.f(), as in JavaScript.
    expect(value("const o = { k: 5, f: function () { return this.k; } }; o.f()")).toBe(5);
  });

  it("methods as values are unbound; calling one without its object names `this`", () => {
    const e = caught(sel(`${A}const a = new A(1, 2);\nconst f = a.m;\nf(1)`));
    expect(e.reason).toMatch(/^`this` is undefined here \(outside a method, or a method called without its object/);
    expect([e.line, e.column, e.end - e.start]).toEqual([1, A.indexOf("this.a * v") + 1, 4]);
  });

  it("chained calls through fields holding instances (seed 000's Sigmoid inside a perceptron)", () => {
    const text = `class Sigmoid {
  forward(s) { return 1 / (1 + exp(-s)); }
  backward(s) { return s * (1 - s); }
}
class Perceptron {
  constructor(w1, w2) { this.W1 = w1; this.W2 = w2; this.sigmoid = new Sigmoid(); }
  forward(v) {
    this.z = v * this.W1;
    this.z2 = this.sigmoid.forward(this.z);
    return this.sigmoid.forward(this.z2 * this.W2);
  }
}
const p = new Perceptron(x, y);
p.forward(0.7) + p.sigmoid.backward(p.z2)`;
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const z2 = s(0.7 * 0.3);
    expect(value(text, { x: 0.3, y: -1.2 })).toBeCloseTo(s(z2 * -1.2) + z2 * (1 - z2), 12);
    expectGradientsMatch(text, { x: 0.3, y: -1.2 });
  });
});

describe("Module", () => {
  const LIN = `class Lin extends Module {
  constructor(w) { super(); this.w = w; }
  forward(v, b) { return this.w * v + b; }
  bwd(out, v, b) { this.grad = out * v + b; return this.grad; }
}
`;

  it("calling an instance stores args and out and returns out; backward() calls bwd(out, ...args)", () => {
    expect(value(`${LIN}const lin = new Lin(3); const o = lin(2, 1); o * 1000 + lin.out * 100 + lin.args.length * 10 + lin.args[0]`)).toBe(7000 + 700 + 20 + 2);
    expect(value(`${LIN}const lin = new Lin(3); lin(2, 1); lin.backward(); lin.grad`)).toBe(7 * 2 + 1);
    // forward may also be called directly (it does not store args and out).
    expect(value(`${LIN}const lin = new Lin(3); lin.forward(1, 1) + (lin.out === undefined ? 100 : 0)`)).toBe(104);
  });

  it("gradients through module calls and methods match central differences", () => {
    const text = `${LIN}class Net extends Module {
  l1 = new Lin(x);
  l2 = new Lin(y);
  forward(v) { return tanh(this.l2(sigmoid(this.l1(v, 0.5)), -0.2)); }
}
const net = new Net();
(net(1.5) - 0.3) ** 2 + net.l1.forward(x, y)`;
    expectGradientsMatch(text, { x: 0.4, y: -0.9 });
    expectGradientsMatch(`${A}const a = new A(x, y); a.m(y) * a.m(x)`, { x: 1.3, y: -0.6 });
  });

  it("params made in fields and constructors are named by the instance", () => {
    const d = evaluateDocument(`class Layer extends Module {
  W = param(0.5);
  constructor() { super(); this.b = param(0.1); }
  forward(v) { return this.W * v + this.b; }
}
const layer = new Layer();
const loss = (layer(2) - 1) ** 2;`);
    expect(d.ok).toBe(true);
    expect(d.params.map((p) => p.name)).toEqual(["layer.W", "layer.b"]);
    // loss = (2W + b - 1)^2 = 0.01: d/dW = 2 * 0.1 * 2, d/db = 2 * 0.1.
    expect(d.params[0].grad).toBeCloseTo(0.4, 12);
    expect(d.params[1].grad).toBeCloseTo(0.2, 12);
  });

  it("method calls open call groups labelled like `Lin.forward(…)`", () => {
    const r = evaluateSelection(`${LIN}const lin = new Lin(x); lin(2, 1) + lin.forward(x, 0)`, { values: { x: 3 } });
    const labels = r.tape.groups.filter((g) => g.kind === "call").map((g) => g.label);
    expect(labels).toEqual(["new Lin(3)", "Lin.forward(2, 1)", "Lin.forward(3, 0)"]);
    // Nodes of the method body belong to its group.
    const fwd = r.tape.groups.findIndex((g) => g.label === "Lin.forward(2, 1)");
    expect(Array.from(r.tape.group.subarray(0, r.tape.n)).filter((g) => g === fwd).length).toBeGreaterThan(0);
  });
});

describe("class errors", () => {
  it.each([
    [`${A}new A(1, 2).nope(3)`, "`A` has no method `nope`", "new A(1, 2).nope"],
    ["class L extends Module {}\nconst l = new L();\nl(1)", "`L.forward` is not defined", "l(1)"],
    ["class L extends Module {}\nnew L().forward(1)", "`L.forward` is not defined", "new L().forward(1)"],
    ["class L extends Module { forward(v) { return v; } }\nnew L().backward()", "`L.bwd` is not defined (`backward()` calls `this.bwd(this.out, ...this.args)`)", "new L().backward()"],
    ["class L extends Module { forward(v) { return v; } bwd(o) { return o; } }\nnew L().backward()", "`backward()` before the L was called (no `this.args`)", "new L().backward()"],
    ["class P {}\nconst p = new P();\np(1)", "`p` is not callable (an instance of `P`, which does not extend `Module`)", "p"],
    ["const K = 3;\nnew K()", "`K` is not a class (it is number)", "K"],
    ["new Math()", "`Math` is not a class (it is object)", "Math"],
    ["class B extends exp {}", "`exp` is not a class (it is function), so it cannot be extended", "exp"],
    ["class A {}\nA()", "class `A` cannot be called without `new`", "A()"],
    ["class A { m(v) { return v; } }\nnew A().m()", "`A.m` expects 1 argument, got 0", "new A().m()"],
    ["class A { constructor(v) {} }\nnew A()", "`new A` expects 1 argument, got 0", "new A()"],
    ["class B {}\nclass D extends B { constructor() { } }\nnew D()", "the constructor of `D` must call `super(…)`", "constructor() { }"],
    ["class B {}\nclass D extends B { constructor() { super(); super(); } }\nnew D()", "`super(…)` called twice", "super()"],
    ["class A { m() { return super.m(); } }\nnew A().m()", "`super.m` is not defined (the class has no `extends`)", "super.m"],
    ["class A { static n = 1; }", "`static` is not supported yet", "static"],
    ["class A { #w = 1; }", "private `#w` members are not supported yet (use `w`)", "#w"],
    ["class A { set w(v) {} }", "getters and setters are not supported yet", "set w(v) {}"],
    ["class A { constructor(public w) {} }", "constructor parameter properties (`public a` in a constructor) are not supported yet", "public w"],
    ["class A { [1 + 1]() {} }", "computed member names are not supported", "[1 + 1]"],
    ["this.x", "`this` is undefined here (outside a method, or a method called without its object: `obj.m(…)`)", "this"],
    ["1 instanceof 2", "the right side of `instanceof` must be a class, got number", "1 instanceof 2"],
  ])("%s → %s", (text, reason, range) => {
    const e = caught(sel(text));
    expect(e.reason).toBe(reason);
    expect(text.slice(e.start, e.end)).toBe(range);
  });

  it("recursive methods and constructors hit the call depth bound at their position", () => {
    const method = caught(() => evaluateSelection("class R {\n  f(n) { return this.f(n + 1); }\n}\nnew R().f(0)", { bounds: { maxDepth: 50 } }));
    expect([method.reason, method.line]).toEqual(["call depth limit reached (50 nested calls; see gradlens.maxCallDepth)", 2]);
    // The default bound of 1,000 nested calls: 999 recursive method calls fit, the 1,000th is the bound's error.
    expect(value("class R { f(n) { return n <= 0 ? 0 : 1 + this.f(n - 1); } }\nnew R().f(999)")).toBe(999);
    expect(caught(sel("class R { f(n) { return n <= 0 ? 0 : 1 + this.f(n - 1); } }\nnew R().f(1000)")).reason).toBe("call depth limit reached (1000 nested calls; see gradlens.maxCallDepth)");
    // A field initialiser that constructs its own class recurses without any closure: `new` counts as a call.
    const field = caught(() => evaluateSelection("class R { r = new R(); }\nnew R()", { bounds: { maxDepth: 40 } }));
    expect([field.reason, field.line, field.column]).toEqual(["call depth limit reached (40 nested calls; see gradlens.maxCallDepth)", 1, 15]);
  });

  it("method calls count toward the step bound", () => {
    const e = caught(() => evaluateSelection("class L { spin() { while (true) {} } }\nnew L().spin()", { bounds: { maxSteps: 1000 } }));
    expect([e.reason, e.line]).toEqual(["step limit reached (1000 steps; see gradlens.maxSteps)", 1]);
  });
});

describe("free names with classes", () => {
  it("class names are bound; member names, `this` and `super` are no free names", () => {
    const text = "class Lin extends Module { W = w0; forward(v) { return this.W * v + super.forward; } }\nconst K = class Q {};\nnew Lin()(x) + new K()";
    expect(freeNames(text).missing).toEqual(["w0", "x"]);
    expect(freeNames("class D extends Base {}").missing).toEqual(["Base"]);
    // A computed member name makes the whole class unsupported (its evaluation says so): nothing in it is asked for.
    expect(freeNames("class A { [key] = 1; }").missing).toEqual([]);
  });
});

describe("Module in .nn.ts declarations", () => {
  function diagnostics(text: string): string[] {
    const libDir = dirname(ts.getDefaultLibFilePath({}));
    const files: Record<string, string> = { "/w/m.nn.ts": text };
    const s = createNnService(ts, {
      getScriptSnapshot: (f) => (f in files ? ts.ScriptSnapshot.fromString(files[f]) : undefined),
      getScriptVersion: () => "1",
      getCurrentDirectory: () => "/w",
      getDefaultLibFileName: (o) => join(libDir, ts.getDefaultLibFileName(o)),
      fileExists: (f) => f in files || ts.sys.fileExists(f),
      readFile: (f) => files[f] ?? ts.sys.readFile(f),
    }).track("/w/m.nn.ts");
    return [...s.getSyntacticDiagnostics("/w/m.nn.ts"), ...s.getSemanticDiagnostics("/w/m.nn.ts")].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }

  const text = `class Lin extends Module {
  w = param(0.5);
  forward(x: any) { return this.w * x; }
  bwd(out: any, x: any) { return out * x; }
}
const lin = new Lin();
const y = lin(2);
lin.backward();
const loss = y + lin.forward(1) + lin.out;
`;

  it("a Module subclass, its instance called like a function, and backward() type-check and evaluate", () => {
    expect(diagnostics(text)).toEqual([]);
    const d = evaluateDocument(text);
    expect([d.ok, d.value]).toEqual([true, 1 + 0.5 + 1]);
  });

  it("real type errors are still reported", () => {
    expect(diagnostics(`${text}lin.nope();\n`).join("\n")).toMatch(/Property 'nope' does not exist on type 'Lin'/);
    expect(diagnostics("class P {}\nconst p = new P();\np(1);\n").join("\n")).toMatch(/This expression is not callable/);
  });
});
