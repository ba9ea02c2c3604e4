// Runs in vitest (Node): fuzzing with fast-check. Random and mutated inputs end either in a result or in a
// GradLensError with a sane range; never another exception, never a hang, never a number for text TypeScript
// cannot parse. Random smooth expressions have gradients that match central differences. Counts are printed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, freeNames, GradLensError } from "../../../src/notation";
import { ts } from "../../../src/notation/parse";

const BOUNDS = { maxSteps: 20_000, maxNodes: 20_000, maxDepth: 100 };

function parses(text: string): boolean {
  const t = ts();
  const sf = t.createSourceFile("f.ts", text, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
}

interface Tally { ok: number; errors: number }

/** Evaluate a selection with every free name at 1.5; check the outcome's shape. */
function checkSelection(text: string, tally: Tally): void {
  try {
    let values: Record<string, number> = {};
    try {
      values = Object.fromEntries(freeNames(text).missing.map((n) => [n, 1.5]));
    } catch (e) {
      if (!(e instanceof GradLensError)) throw e;
    }
    const r = evaluateSelection(text, { values, bounds: BOUNDS });
    expect(parses(text), `a number for unparseable input: ${JSON.stringify(text)}`).toBe(true);
    expect(typeof r.value).toBe("number");
    tally.ok++;
  } catch (e) {
    if (!(e instanceof GradLensError)) throw new Error(`${String(e)} for input ${JSON.stringify(text)}`);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(text.length + 1);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    tally.errors++;
  }
}

const TOKENS = [
  "x", "y", "1", "2.5", "0", "+", "-", "*", "/", "%", "**", "(", ")", "[", "]", "{", "}", ",", ";", ".", "=", "==",
  "<", ">", "?", ":", "!", "&&", "||", "=>", "const ", "let ", "for ", "while ", "if ", "else ", "return ", "function ",
  "class ", "of ", "exp", "tanh", "sigmoid", "param", "mlp", "sse", "XOR", "Math", "np", "length", "map", "\n", " ", "\"s\"",
  "true", "break", "continue", "++", "--", "+=", "...", "`",
];

const PROGRAMS = [
  "(x**2 + 3)**2 + y",
  "let y = x; for (let i = 0; i < 30; i++) y = y + y;",
  "const f = (a, b = 2) => a * b + tanh(a); let s = 0; for (const v of [1, 2, 3]) s += f(v * x); s",
  "seed(1);\nconst w = [param(rand()), param(rand())], b = param(rand());\nfunction forward(p, q) { return sigmoid(p * w[0] + q * w[1] + b); }\nlet loss = 0;\nfor (const [p, q, y] of AND) loss += (forward(p, q) - y) ** 2;\ntrain({ lr: 1, steps: 100 });",
  "const model = mlp([2, 2, 1], { activation: \"tanh\", seed: 1 });\nconst loss = mse(XOR.map(([p, q]) => model([p, q])), XOR.map((r) => r[2]));",
  "const sig = (v) => 1 / (1 + exp(-v));\ngradcheck(sig, (v) => sig(v) * (1 - sig(v)), 0.5);\nconst out = sig(param(0.2));",
  "let i = 0; while (i < 10) { if (i % 3 === 0) { i += 2; continue; } i++; } i * x",
];

/** Tensor and class programs (mutated in their own test, so the counts above stay comparable across releases). */
const TENSOR_PROGRAMS = [
  "const X = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);\nconst W = param(randn([2, 3]));\nconst h = tanh(matmul(X, W) + tensor([[0.1, 0.2, 0.3]]));\nconst loss = mean(h.sum(1) ** 2);",
  "const a = tensor([[1, 2], [3, 4]]);\nconst b = a.T.matmul(a) / 2 - a.mean(0);\nsum(b[1] * x) + a.reshape(4, 1)[2].item()",
  "class L extends Module {\n  constructor(w) { super(); this.w = w; }\n  forward(i) { return matmul(i, this.w).relu(); }\n  bwd(o, i) { const d = o.g * o.gt(0); i.g = matmul(d, this.w.t()); this.w.g = matmul(i.t(), d); }\n}\nconst l = new L(param([[0.5], [-1]]));\nconst loss = sum(l(tensor([[1, 2], [3, -4]])));\ngradcheck(l, [tensor([[1, 2]])]);",
  "class A { k = 2; m(v) { return v * this.k; } }\nclass B extends A { m(v) { return super.m(v) + 1; } }\nconst o = new B();\nconst loss = o.m(param(3)) ** 2;",
];
const TENSOR_TOKENS = ["tensor", "matmul", ".T", ".t()", "sum", "mean", "[[1, 2]]", "[2, 3]", "randn", "this", "new ", "super", "extends ", "Module", ".g", "reshape", "item()", "gt(0)"];

/** Up to three random edits (insert a token, delete a few characters) of each program, run as both kinds. */
function mutate(programs: string[], tokens: string[], numRuns: number, seed: number): { tally: Tally; docs: number; docErrors: number } {
  const tally: Tally = { ok: 0, errors: 0 };
  let docs = 0, docErrors = 0;
  const mutation = fc.tuple(fc.constantFrom(...programs), fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...tokens, ""));
  fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
    let text = ms[0][0];
    for (const [, pos, del, ins] of ms) {
      const p = pos % (text.length + 1);
      text = text.slice(0, p) + ins + text.slice(p + del);
    }
    checkSelection(text, tally);
    const d = evaluateDocument(text, { bounds: BOUNDS });
    docs++;
    if (!d.ok) {
      docErrors++;
      expect(d.diagnostics.some((x) => x.severity === "error" && x.line >= 1 && x.start >= 0 && x.end >= x.start)).toBe(true);
    } else expect(parses(text)).toBe(true);
  }), { numRuns, seed });
  return { tally, docs, docErrors };
}

// Thousands of evaluations each: generous timeouts, because the machine is shared (the counts are the point).
const FUZZ_TIMEOUT = 180_000;

describe("fuzzing", () => {
  it("random token soups give a result or a positioned GradLensError", () => {
    const tally: Tally = { ok: 0, errors: 0 };
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }), (toks) => checkSelection(toks.join(""), tally)), { numRuns: 3000, seed: 42 });
    console.log(`fuzz token soups: ${tally.ok + tally.errors} inputs, ${tally.ok} evaluated, ${tally.errors} GradLensErrors`);
    expect(tally.ok + tally.errors).toBe(3000);
    expect(tally.ok).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it("random strings give a result or a positioned GradLensError", () => {
    const tally: Tally = { ok: 0, errors: 0 };
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => checkSelection(s, tally)), { numRuns: 2000, seed: 7 });
    console.log(`fuzz random strings: ${tally.ok + tally.errors} inputs, ${tally.ok} evaluated, ${tally.errors} GradLensErrors`);
    expect(tally.ok + tally.errors).toBe(2000);
  }, FUZZ_TIMEOUT);

  it("mutated valid programs, as selections and as documents", () => {
    const { tally, docs, docErrors } = mutate(PROGRAMS, TOKENS, 2500, 3);
    console.log(`fuzz mutations: ${tally.ok + tally.errors} selections (${tally.ok} evaluated, ${tally.errors} GradLensErrors); ${docs} documents (${docErrors} with error diagnostics)`);
    expect(docs).toBe(2500);
  }, FUZZ_TIMEOUT);

  it("mutated tensor and class programs, as selections and as documents", () => {
    const { tally, docs, docErrors } = mutate(TENSOR_PROGRAMS, [...TOKENS, ...TENSOR_TOKENS], 1500, 5);
    console.log(`fuzz tensor/class mutations: ${tally.ok + tally.errors} selections (${tally.ok} evaluated, ${tally.errors} GradLensErrors); ${docs} documents (${docErrors} with error diagnostics)`);
    expect(docs).toBe(1500);
    expect(tally.ok).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT);

  it("random smooth expressions: gradients match central differences", () => {
    const leaf = fc.constantFrom("x", "y", "0.5", "2", "1.25");
    const expr = fc.letrec((tie) => ({
      e: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf,
        fc.tuple(tie("e"), fc.constantFrom("+", "-", "*"), tie("e")).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(tie("e"), fc.constantFrom("tanh", "sigmoid", "sin", "cos", "Math.exp")).map(([a, f]) => `${f}(${a} * 0.3)`),
        fc.tuple(tie("e"), fc.constantFrom(2, 3)).map(([a, k]) => `(${a}) ** ${k}`),
        fc.tuple(tie("e")).map(([a]) => `${a} / (1 + (${a}) ** 2)`)),
    })).e;
    let checked = 0;
    fc.assert(fc.property(expr, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (text, x, y) => {
      const values = { x, y };
      const free = freeNames(text).missing;
      const vals = Object.fromEntries(free.map((n) => [n, values[n as "x" | "y"]]));
      const r = evaluateSelection(text, { values: vals });
      if (!Number.isFinite(r.value) || Math.abs(r.value) > 1e6) return;
      for (const l of r.leaves) {
        const h = 1e-5;
        const up = evaluateSelection(text, { values: { ...vals, [l.name]: l.value + h } }).value;
        const down = evaluateSelection(text, { values: { ...vals, [l.name]: l.value - h } }).value;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(l.grad - numeric), `${text} d/d${l.name}`).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(numeric));
      }
      checked++;
    }), { numRuns: 1000, seed: 11 });
    console.log(`fuzz smooth expressions: ${checked} gradient checks against central differences`);
    expect(checked).toBeGreaterThan(500);
  }, FUZZ_TIMEOUT);
});
