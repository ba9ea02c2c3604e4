// Runs in vitest (Node): every construct of the notation alone, then combined; values against plain arithmetic,
// gradients against central differences.
import { describe, expect, it } from "vitest";
import { Op } from "../../../src/engine";
import { evaluateDocument, evaluateSelection } from "../../../src/notation";
import { expectGradientsMatch, grads, value } from "./helpers";

describe("numbers and operators", () => {
  it.each([
    ["x + 2", 5], ["x - 2", 1], ["x * 2", 6], ["x / 2", 1.5], ["x % 2", 1], ["x ** 2", 9], ["2 ** x", 8],
    ["-x", -3], ["+x", 3], ["(x + 1) * (x - 1)", 8], ["2 ** 3 ** x", 2 ** 27], ["1_000 + x", 1003], ["0x10 + x", 19],
  ])("%s at x = 3", (text, expected) => {
    expect(value(text, { x: 3 })).toBe(expected);
    expectGradientsMatch(text, { x: 3 });
  });

  it("a % b has derivatives 1 and -trunc(a / b)", () => {
    const { g } = grads("a % b", { a: 7.5, b: 2 });
    expect(g).toEqual({ a: 1, b: -3 });
  });

  it("a constant exponent draws no edge; a variable one does", () => {
    const r1 = evaluateSelection("x ** 2", { values: { x: 3 } });
    expect(r1.tape.op[r1.target]).toBe(Op.PowConst);
    expect(r1.tape.inputsOf(r1.target)).toHaveLength(1);
    const r2 = evaluateSelection("x ** y", { values: { x: 3, y: 2 } });
    expect(r2.tape.inputsOf(r2.target)).toHaveLength(2);
  });

  it("d(a ** b)/db for a <= 0 is reported as 0 with a warning", () => {
    const r = evaluateSelection("a ** b", { values: { a: -2, b: 2 } });
    expect(r.value).toBe(4);
    expect(r.leaves.find((l) => l.name === "b")?.grad).toBe(0);
    expect(r.warnings.some((w) => /undefined for a <= 0/.test(w.message))).toBe(true);
  });

  it("comparisons, logic and the ternary steer control flow", () => {
    expect(value("x > 2 ? x : -x", { x: 3 })).toBe(3);
    expect(value("x > 5 ? x : -x", { x: 3 })).toBe(-3);
    expect(value("(x >= 3 && x <= 3) ? 1 * x : 0", { x: 3 })).toBe(3);
    expect(value("x !== 3 || x === 4 ? 0 : 10 * x", { x: 3 })).toBe(30);
    expect(value("(undefined ?? x) + (null ?? 1)", { x: 3 })).toBe(4);
    expect(value("!(x < 1) ? x : 0", { x: 3 })).toBe(3);
    expect(value("x == 3 && x != 4 ? x : 0", { x: 3 })).toBe(3);
    const { g } = grads("x > 0 ? x * x : -x", { x: -2 });
    expect(g.x).toBe(-1);
  });

  it.each([
    ["exp(x)", Math.exp(0.7)], ["log(x)", Math.log(0.7)], ["sqrt(x)", Math.sqrt(0.7)], ["sin(x)", Math.sin(0.7)],
    ["cos(x)", Math.cos(0.7)], ["tan(x)", Math.tan(0.7)], ["tanh(x)", Math.tanh(0.7)],
    ["sigmoid(x)", 1 / (1 + Math.exp(-0.7))], ["relu(x)", 0.7], ["abs(-x)", 0.7], ["pow(x, 3)", 0.7 ** 3],
    ["Math.exp(x) + Math.PI + Math.E", Math.exp(0.7) + Math.PI + Math.E], ["math.exp(x) + math.pi", Math.exp(0.7) + Math.PI],
    ["np.tanh(x) + np.power(x, 2)", Math.tanh(0.7) + 0.49], ["torch.sigmoid(x)", 1 / (1 + Math.exp(-0.7))],
    ["F.relu(x)", 0.7], ["x.exp()", Math.exp(0.7)], ["x.tanh()", Math.tanh(0.7)], ["x.sigmoid()", 1 / (1 + Math.exp(-0.7))],
    ["x.relu()", 0.7], ["x.pow(2)", 0.49], ["(x * 2).log()", Math.log(1.4)], ["E * x + PI", Math.E * 0.7 + Math.PI],
  ])("%s", (text, expected) => {
    expect(value(text, { x: 0.7 })).toBeCloseTo(expected, 14);
    expectGradientsMatch(text, { x: 0.7 });
  });

  it("relu'(0) = 0 and abs'(0) = 0, with a warning", () => {
    const r = evaluateSelection("relu(x) + abs(x)", { values: { x: 0 } });
    expect(r.leaves[0].grad).toBe(0);
    expect(r.warnings.some((w) => /not differentiable/.test(w.message))).toBe(true);
  });

  it("NaN is flagged where it first appeared", () => {
    const text = "const a = log(x - 5); a * 2 + 1";
    const r = evaluateSelection(text, { values: { x: 3 } });
    expect(Number.isNaN(r.value)).toBe(true);
    const w = r.warnings.find((x) => /NaN first appears/.test(x.message));
    expect(w && text.slice(w.start, w.end)).toBe("log(x - 5)");
  });

  it("Python's True, False and None", () => {
    expect(value("x if True else -x", { x: 2 }, { languageId: "python" })).toBe(2);
    expect(value("(None ?? x) + (False ? 1 : 0)", { x: 2 })).toBe(2);
  });

  it("-a ** b reads as -(a ** b) in Python only", () => {
    expect(value("-x ** 2", { x: 3 }, { languageId: "python" })).toBe(-9);
    expect(grads("-x ** 2", { x: 3 }, { languageId: "python" }).g.x).toBe(-6);
    expect(() => value("-x ** 2", { x: 3 })).toThrow(/unary expression with the '-' operator/);
    expect(value("(-x) ** 2", { x: 3 })).toBe(9);
  });
});

describe("names, values and control flow", () => {
  it("declarations, assignments and updates", () => {
    expect(value("const a: number = x; let b = a * 2; var c = 1; b += a; b -= c; b *= 2; b /= 4; b **= 2; b", { x: 3 })).toBe(16);
    expect(value("let i = x; i++; ++i; i--; i", { x: 3 })).toBe(4);
    expect(value("let i = x; const j = i++; j * 10 + i", { x: 3 })).toBe(34);
    expectGradientsMatch("let b = x; b += x * x; b *= x; b **= 2; b", { x: 1.3 });
  });

  it("array and object destructuring", () => {
    expect(value("const [p, q, y] = [x, 2 * x, 3]; p + q * y", { x: 1 })).toBe(7);
    expect(value("const { a, b: c, d = 4 } = { a: x, b: 2 }; a + c + d", { x: 1 })).toBe(7);
    expect(value("const [h, ...t] = [x, 2, 3]; h + t.length", { x: 1 })).toBe(3);
  });

  it("if/else, for, for of, while, do while, break, continue", () => {
    const text = `let s = 0;
for (let i = 0; i < 10; i++) { if (i % 2 === 0) continue; if (i > 7) break; s += i * x; }
let j = 0; while (j < 3) { j++; s += x; }
do { j--; } while (j > 0);
for (const v of [1, 2, 3]) { if (v === 2) { s = s + v; } else s = s - v * x; }
s`;
    expect(value(text, { x: 2 })).toBe((1 + 3 + 5 + 7) * 2 + 3 * 2 + 2 - 1 * 2 - 3 * 2);
    expectGradientsMatch(text, { x: 2 });
  });

  it("functions, arrows, closures, default params, recursion", () => {
    const text = `function sq(a) { return a * a; }
const cube = (a) => a * sq(a);
function makeAdder(k) { return (v) => v + k; }
const add3 = makeAdder(3);
const f = function (a, b = 2) { return a * b; };
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
cube(x) + add3(x) + f(x) + f(x, x) + fact(5)`;
    expect(value(text, { x: 2 })).toBe(8 + 5 + 4 + 4 + 120);
    expectGradientsMatch(text, { x: 2 });
  });

  it("closures in a for loop keep their own i", () => {
    expect(value("const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i * x); fs[0]() + fs[1]() + fs[2]()", { x: 1 })).toBe(3);
  });

  it("built-ins are values: stored, passed, default params", () => {
    const text = `const w = 0.5, b = 0.1;
const neuron = (v, act = tanh) => act(v * w + b);
const acts = [sigmoid, relu, Math.exp];
neuron(x) + neuron(x, sigmoid) + acts[2](x) + [1, 2].map(exp).length`;
    const expected = Math.tanh(0.35) + 1 / (1 + Math.exp(-0.35)) + Math.exp(0.5) + 2;
    expect(value(text, { x: 0.5 })).toBeCloseTo(expected, 14);
    expectGradientsMatch(text, { x: 0.5 });
  });

  it("arrays: literals, spread, indexing, length, push, map, forEach, reduce, slice; objects", () => {
    const text = `const a = [x, 2 * x, 3];
const b = [...a, 4];
b.push(x * x);
let s = 0;
b.forEach((v) => { s += v; });
const m = b.map((v, i) => v * i).reduce((p, q) => p + q, 0);
const opts = { scale: 2, nested: { k: x } };
s + m + b.slice(1, 3).reduce((p, q) => p + q) + b.length * opts.scale + opts.nested.k + opts["scale"]`;
    const x = 1.5, b = [x, 2 * x, 3, 4, x * x];
    const expected = b.reduce((p, q) => p + q) + b.map((v, i) => v * i).reduce((p, q) => p + q) + (2 * x + 3) + 10 + x + 2;
    expect(value(text, { x })).toBeCloseTo(expected, 12);
    expectGradientsMatch(text, { x });
  });

  it("strings and templates work for labels", () => {
    const d = evaluateDocument("const name = `w${1}` + \"!\"; const w = param(2, name); const loss = w * w;");
    expect(d.params[0].name).toBe("w1!");
  });

  it("import/export and type-only syntax are accepted and ignored", () => {
    const text = `import { x as y } from "./a";
export type T = number;
interface I { a: number }
declare const z: number;
export const k: number = (x as number) + x! + (x satisfies number);
k`;
    expect(value(text, { x: 2 })).toBe(6);
  });
});

describe("built-ins for models", () => {
  it("param names default to bindings: w1, w1[0], layer.b", () => {
    const d = evaluateDocument("const w1 = param(1); const w = [param(2), param(3)]; const layer = { b: param(4) }; const p = param(5, \"named\"); const loss = w1 * w[0] * w[1] * layer.b * p;");
    expect(d.params.map((p) => p.name)).toEqual(["w1", "w[0]", "w[1]", "layer.b", "named"]);
    expect(d.value).toBe(120);
    expect(d.params.map((p) => p.grad)).toEqual([120, 60, 40, 30, 24]);
  });

  it("seed/rand/randn are deterministic and seed changes them", () => {
    const text = "seed(4); const a = rand(); const b = rand(-1, 1); const c = randn(); const d = randn(10, 0.1); const loss = a + b + c + d;";
    const v1 = evaluateDocument(text).value, v2 = evaluateDocument(text + " ").value;
    expect(v1).toBe(v2);
    expect(evaluateDocument(text.replace("seed(4)", "seed(5)")).value).not.toBe(v1);
  });

  it("mlp: callable, parameters(), options, array output", () => {
    const d = evaluateDocument(`const m = mlp([2, 3, 2], { activation: "tanh", output: "linear", seed: 2, init: "xavier" });
const out = m([0.5, -1]);
const n = m.parameters().length;
const loss = out[0] * out[1] + n;`);
    expect(d.ok).toBe(true);
    expect(d.params).toHaveLength(2 * 3 + 3 + 3 * 2 + 2);
    expect(d.value).toBeCloseTo(d.tape.val[d.target!], 15);
    const kinds = d.tape.groups.map((g) => g.kind);
    expect(kinds).toContain("layer");
    expect(kinds).toContain("neuron");
  });

  it("a selection's leaves include mlp params with their gradients", () => {
    const r = evaluateSelection("const m = mlp([1, 1], { seed: 3 }); (m([x]) - 1) ** 2", { values: { x: 0.5 } });
    expect(r.leaves.map((l) => [l.name, l.kind])).toEqual([["x", "input"], ["L1.N1.w[0]", "param"], ["L1.N1.b", "param"]]);
    const w = r.leaves[1].value, b = r.leaves[2].value;
    const y = 1 / (1 + Math.exp(-(w * 0.5 + b)));
    expect(r.leaves[2].grad).toBeCloseTo(2 * (y - 1) * y * (1 - y), 12);
  });

  it("losses take numbers or equal-length arrays and agree with their formulas", () => {
    const sel = (t: string): number => value(t, { p: 0.3, q: 0.8 });
    expect(sel("sse([p, q], [0, 1])")).toBeCloseTo(0.09 + 0.04, 15);
    expect(sel("mse([p, q], [0, 1])")).toBeCloseTo((0.09 + 0.04) / 2, 15);
    expect(sel("bce([p, q], [0, 1])")).toBeCloseTo(-(Math.log(0.7) + Math.log(0.8)) / 2, 9);
    expect(sel("sse(p, 1)")).toBeCloseTo(0.49, 15);
    expectGradientsMatch("bce([p, q], [0, 1]) + mse(p, q)", { p: 0.3, q: 0.8 });
  });

  it("datasets AND, OR, XOR, NAND", () => {
    expect(value("XOR.map((r) => r[2]).reduce((a, b) => a * 2 + b) + AND[3][2] + OR[0][2] + NAND[3][2] + x", { x: 0 })).toBe(6 + 1);
  });

  it("train() is checked and recorded, not run", () => {
    const d = evaluateDocument("const w = param(1); const loss = w * w; train({ lr: 0.1, steps: 5, method: \"finite-difference\", eps: 1e-3, optimizer: \"adam\" });");
    expect(d.train).toMatchObject({ lr: 0.1, steps: 5, method: "finite-difference", eps: 1e-3, optimizer: "adam" });
    expect(d.params[0].value).toBe(1);
  });

  it("gradcheck(f, at) and gradcheck(f, df, at) run and record results at the call", () => {
    const text = `const sig = (x) => 1 / (1 + exp(-x));
gradcheck(sig, (x) => sig(x) * (1 - sig(x)), 0.5);
gradcheck((a, b) => a * b + sin(a), [0.3, 2]);
gradcheck(sig, (x) => sig(x), 0.5);
const loss = sig(param(1));`;
    const d = evaluateDocument(text);
    expect(d.gradchecks.map((g) => [g.kind, g.pass, g.line])).toEqual([["derivative", true, 2], ["gradient", true, 3], ["derivative", false, 4]]);
    expect(d.gradchecks[1].rows.map((r) => r.name)).toEqual(["a", "b"]);
    expect(d.gradchecks[1].rows[0].analytic).toBeCloseTo(2 + Math.cos(0.3), 12);
    expect(d.diagnostics.some((x) => /gradient check failed/.test(x.message) && x.line === 4)).toBe(true);
  });
});
