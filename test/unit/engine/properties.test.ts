// Runs in vitest (Node): fast-check property tests over random expression trees. A tree is evaluated two ways:
// recorded on the tape (backprop) and by a plain-number interpreter using Math directly (finite differences).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";

type Expr =
  | { k: "var"; i: number }
  | { k: "const"; v: number }
  | { k: "un"; op: Unary; a: Expr }
  | { k: "bin"; op: Binary; a: Expr; b: Expr };

// Domains are kept safe by construction (log of 1 + a², division by 1 + b², pow of a positive base) so that the
// finite differences are well conditioned and any mismatch is a real one.
const unary = ["neg", "sin", "cos", "tanh", "sigmoid", "exp∘tanh", "log1+sq", "sqrt1+sq", "sq", "abs+1"] as const;
const binary = ["add", "sub", "mul", "div1+sq", "powpos", "linear"] as const;
type Unary = (typeof unary)[number];
type Binary = (typeof binary)[number];

const NVARS = 3;

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 5, depthSize: "small" },
    fc.record({ k: fc.constant("var" as const), i: fc.integer({ min: 0, max: NVARS - 1 }) }),
    fc.record({ k: fc.constant("const" as const), v: fc.double({ min: -2, max: 2, noNaN: true }) }),
    fc.record({ k: fc.constant("un" as const), op: fc.constantFrom(...unary), a: tie("e") }),
    fc.record({ k: fc.constant("bin" as const), op: fc.constantFrom(...binary), a: tie("e"), b: tie("e") }),
  ),
})).e;

const pointArb = fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: NVARS, maxLength: NVARS });

function rec(t: Tape, e: Expr, vars: number[]): number {
  switch (e.k) {
    case "var": return vars[e.i];
    case "const": return t.const(e.v);
    case "un": {
      const a = rec(t, e.a, vars);
      switch (e.op) {
        case "neg": return t.neg(a);
        case "sin": return t.sin(a);
        case "cos": return t.cos(a);
        case "tanh": return t.tanh(a);
        case "sigmoid": return t.sigmoid(a);
        case "exp∘tanh": return t.exp(t.tanh(a));
        case "log1+sq": return t.log(t.add(t.const(1), t.mul(a, a)));
        case "sqrt1+sq": return t.sqrt(t.add(t.const(1), t.powConst(a, 2)));
        case "sq": return t.powConst(a, 2);
        case "abs+1": return t.add(t.abs(a), t.const(1));
      }
      break;
    }
    case "bin": {
      const a = rec(t, e.a, vars), b = rec(t, e.b, vars);
      switch (e.op) {
        case "add": return t.add(a, b);
        case "sub": return t.sub(a, b);
        case "mul": return t.mul(a, b);
        case "div1+sq": return t.div(a, t.add(t.const(1), t.mul(b, b)));
        case "powpos": return t.pow(t.add(t.sigmoid(a), t.const(0.5)), t.tanh(b));
        case "linear": return t.linear([a, b], [b, t.const(0.5)], a);
      }
    }
  }
  throw new Error("unreachable");
}

function evalPlain(e: Expr, x: number[]): number {
  switch (e.k) {
    case "var": return x[e.i];
    case "const": return e.v;
    case "un": {
      const a = evalPlain(e.a, x);
      switch (e.op) {
        case "neg": return -a;
        case "sin": return Math.sin(a);
        case "cos": return Math.cos(a);
        case "tanh": return Math.tanh(a);
        case "sigmoid": return 1 / (1 + Math.exp(-a));
        case "exp∘tanh": return Math.exp(Math.tanh(a));
        case "log1+sq": return Math.log(1 + a * a);
        case "sqrt1+sq": return Math.sqrt(1 + a ** 2);
        case "sq": return a ** 2;
        case "abs+1": return Math.abs(a) + 1;
      }
      break;
    }
    case "bin": {
      const a = evalPlain(e.a, x), b = evalPlain(e.b, x);
      switch (e.op) {
        case "add": return a + b;
        case "sub": return a - b;
        case "mul": return a * b;
        case "div1+sq": return a / (1 + b * b);
        case "powpos": return (1 / (1 + Math.exp(-a)) + 0.5) ** Math.tanh(b);
        case "linear": return a * b + b * 0.5 + a;
      }
    }
  }
  throw new Error("unreachable");
}

describe("random expression trees", () => {
  it("backprop equals central finite differences", () => {
    fc.assert(
      fc.property(exprArb, pointArb, (e, x) => {
        const t = new Tape();
        const vars = x.map((v) => t.input(v));
        const out = rec(t, e, vars);
        const value = t.value(out);
        const plain = evalPlain(e, x);
        expect(Math.abs(value - plain)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(plain)));
        t.backward(out);
        const h = 1e-6;
        for (let i = 0; i < NVARS; i++) {
          const up = x.slice(), down = x.slice();
          up[i] += h;
          down[i] -= h;
          const numeric = (evalPlain(e, up) - evalPlain(e, down)) / (2 * h);
          const analytic = t.gradient(vars[i]);
          // Truncation O(h²) plus round-off O(|f| ε / h), scaled by the size of what is being differentiated.
          const scale = 1 + Math.abs(numeric) + Math.abs(plain);
          if (Math.abs(analytic - numeric) > 1e-5 * scale) {
            // abs has a kink at 0: a difference straddling it is not a derivative. Skip only that case.
            if (straddlesKink(e, up, down)) continue;
            expect.fail(`∂/∂x${i}: analytic ${analytic}, numeric ${numeric}, tree ${JSON.stringify(e)}`);
          }
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it("replay (setValue + recompute) equals re-recording, values and gradients, bit for bit", () => {
    fc.assert(
      fc.property(exprArb, pointArb, pointArb, (e, p, q) => {
        const t = new Tape();
        const vars = p.map((v) => t.input(v));
        const out = rec(t, e, vars);
        q.forEach((v, i) => t.setValue(vars[i], v));
        t.recompute();
        t.backward(out);
        const u = new Tape();
        const uvars = q.map((v) => u.input(v));
        const uout = rec(u, e, uvars);
        u.backward(uout);
        expect(t.n).toBe(u.n);
        for (let i = 0; i < t.n; i++) {
          expect(Object.is(t.val[i], u.val[i])).toBe(true);
          expect(Object.is(t.grad[i], u.grad[i])).toBe(true);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("the gradient of a sum of two trees is the sum of their gradients (linearity of backward)", () => {
    fc.assert(
      fc.property(exprArb, exprArb, pointArb, (e1, e2, x) => {
        const t = new Tape();
        const vars = x.map((v) => t.input(v));
        const a = rec(t, e1, vars), b = rec(t, e2, vars);
        const s = t.add(a, b);
        t.backward(a);
        const ga = vars.map((v) => t.gradient(v));
        t.backward(b);
        const gb = vars.map((v) => t.gradient(v));
        t.backward(s);
        vars.forEach((v, i) => {
          const expected = ga[i] + gb[i];
          expect(Math.abs(t.gradient(v) - expected)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ga[i]) + Math.abs(gb[i])));
        });
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

/** True when some abs argument changes sign between the two points. */
function straddlesKink(e: Expr, up: number[], down: number[]): boolean {
  if (e.k === "var" || e.k === "const") return false;
  if (e.k === "un") {
    if (e.op === "abs+1" && Math.sign(evalPlain(e.a, up)) !== Math.sign(evalPlain(e.a, down))) return true;
    return straddlesKink(e.a, up, down);
  }
  return straddlesKink(e.a, up, down) || straddlesKink(e.b, up, down);
}
