// Runs in vitest (Node): input that nests deep or runs long either works or ends in a positioned error, never a
// stack overflow without a position: long left-deep chains are evaluated and walked without recursion, and what
// TypeScript's recursive parser cannot take is reported where the text nests deepest.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, freeNames } from "../../../src/notation";
import { caught } from "./helpers";

const terms = (n: number, term: string, op: string) => Array(n).fill(term).join(` ${op} `);
/** The fewest steps the selection evaluates in (by bisection on the step bound). */
function stepsOf(text: string): number {
  let lo = 1, hi = 10_000;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      evaluateSelection(text, { values: { x: 1.5 }, bounds: { maxSteps: mid } });
      hi = mid;
    } catch {
      lo = mid + 1;
    }
  }
  return lo;
}

const chainOf = (n: number) => "let y = 0;\n" + Array.from({ length: n }, (_, i) => `if (x === ${i}) y = ${i};`).join(" else ") + "\ny";

describe("long chains work", () => {
  it("a 10,000-term sum and product, as a selection (free names resolved too) and as a document", () => {
    const sum = terms(10_000, "x", "+");
    expect(freeNames(sum).missing).toEqual(["x"]);
    const r = evaluateSelection(sum, { values: { x: 2 } });
    expect([r.value, r.leaves[0].grad]).toEqual([20_000, 10_000]);
    const doc = evaluateDocument(`const x = param(2);\nconst loss = ${sum};\n`);
    expect([doc.ok, doc.value, doc.params[0].grad]).toEqual([true, 20_000, 10_000]);
    const p = evaluateSelection(terms(10_000, "x", "*"), { values: { x: 1.0001 } });
    expect(p.value).toBeCloseTo(1.0001 ** 10_000, 8);
    expect(p.leaves[0].grad).toBeCloseTo(10_000 * 1.0001 ** 9_999, 6);
  });

  it("a chain records the nodes recursion would, in the same order, with the same steps", () => {
    const r = evaluateSelection("x - 1 - x * 2 - 3", { values: { x: 5 } });
    expect(r.value).toBe(5 - 1 - 10 - 3);
    expect(Array.from(r.tape.op.subarray(0, r.tape.n))).toEqual([1, 0, 4, 0, 5, 4, 0, 4]);
    // Logic, comparisons and commas chain too, keeping short-circuits and their order.
    expect(evaluateSelection("let n = 0; const f = () => { n = n + 1; return 1; }; const v = 0 && f() && f() || 2 || f(); v + n * 10 + x", { values: { x: 0 } }).value).toBe(2);
    expect(evaluateSelection("(1, 2, 3) + (x > 1 === true ? 10 : 20)", { values: { x: 2 } }).value).toBe(13);
    expect(evaluateSelection(`("a" + 1 + 2 + x).length * 10 + x`, { values: { x: 3 } }).value).toBe(43);
    const steps = { maxSteps: 7 };
    expect(evaluateSelection("x + x + x", { values: { x: 1 }, bounds: steps }).value).toBe(3);
    expect(caught(() => evaluateSelection("x + x + x + x", { values: { x: 1 }, bounds: steps })).reason).toMatch(/^step limit reached/);
  });

  it("a long chain (walked as a loop) takes the steps and records the nodes the same chain in parentheses (recursion) does", () => {
    const parts = Array.from({ length: 40 }, (_, i) => ["x", String(i), "x * 2", "(x && 3)"][i % 4]);
    const ops = Array.from({ length: 39 }, (_, i) => ["-", "+"][i % 2]);
    let flat = parts[0], nested = parts[0];
    for (let i = 1; i < 40; i++) {
      flat = `${flat} ${ops[i - 1]} ${parts[i]}`;
      nested = `(${nested} ${ops[i - 1]} ${parts[i]})`;
    }
    const a = evaluateSelection(flat, { values: { x: 1.5 } }), b = evaluateSelection(nested, { values: { x: 1.5 } });
    expect(a.value).toBe(b.value);
    expect(Array.from(a.tape.op.subarray(0, a.tape.n))).toEqual(Array.from(b.tape.op.subarray(0, b.tape.n)));
    expect(a.leaves[0].grad).toBe(b.leaves[0].grad);
    // Parentheses are no nodes of GradLens's tree: the same steps.
    expect(stepsOf(nested) - stepsOf(flat)).toBe(0);
  });

  it("a 10,000-statement file and a 10,000-element literal", () => {
    const stmts = Array.from({ length: 10_000 }, (_, i) => `let v${i} = x * ${i};`).join("\n") + "\nv9999";
    expect(evaluateSelection(stmts, { values: { x: 2 } }).value).toBe(19_998);
    expect(evaluateDocument(stmts.replace(/\bx\b/g, "param(2)")).value).toBe(19_998);
    expect(evaluateSelection(`[${terms(10_000, "x", ",")}].length`, { values: { x: 1 } }).value).toBe(10_000);
  });

  it("a long if/else-if chain works or is reported where it nests deepest", () => {
    expect(evaluateSelection(chainOf(1000), { values: { x: 999 } }).value).toBe(999);
    try {
      expect(evaluateSelection(chainOf(10_000), { values: { x: 9_999 } }).value).toBe(9_999);
    } catch (e) {
      const err = caught(() => { throw e; });
      expect([err.reason, err.line]).toEqual(["too deeply nested to parse", 2]);
      expect(err.column).toBeGreaterThan(100_000);
    }
  });
});

describe("pathological nesting ends in a positioned error", () => {
  it.each([
    ["-(-(-…x))", "-(".repeat(10_000) + "x" + ")".repeat(10_000)],
    ["((((x))))", "(".repeat(10_000) + "x" + ")".repeat(10_000)],
    ["[[[[x]]]]", "[".repeat(10_000) + "x" + "]".repeat(10_000)],
    ["- - - x", "- ".repeat(20_000) + "x"],
    ["x => x => …", "x => ".repeat(10_000) + "x"],
    ["{a: {a: …}}", "({a:".repeat(10_000) + "1" + "})".repeat(10_000)],
  ])("%s, 10,000 deep: too deeply nested, at the deep end", (_, text) => {
    for (const e of [caught(() => evaluateSelection(`y = 1;\n${text}`, { values: { x: 1 } }))]) {
      expect([e.reason, e.line]).toEqual(["too deeply nested to parse", 2]);
      expect(e.column).toBeGreaterThan(5000);
    }
    const d = evaluateDocument(`const y = 1;\n${text}\n`).diagnostics.find((x) => x.severity === "error");
    expect(d).toMatchObject({ message: "too deeply nested to parse", line: 2 });
  });

  it("a 10,000-link member chain works or stops with a positioned error, as selection and document", () => {
    const text = "const o = { b: 1 };\no" + ".b".repeat(10_000) + " + x";
    try {
      evaluateSelection(text, { values: { x: 1 } });
    } catch (e) {
      const err = caught(() => { throw e; });
      expect(err.reason).toMatch(/too deeply nested|cannot read/);
      expect(err.line).toBe(2);
    }
    const d = evaluateDocument(text.replace(" + x", ""));
    expect(d.diagnostics.find((x) => x.severity === "error")?.line).toBe(2);
  });

  it("deep recursion past what the JavaScript stack holds is positioned too", () => {
    const e = caught(() => evaluateSelection("function f(n) { return n <= 0 ? 0 : 1 + f(n - 1); }\nf(4900)", { bounds: { maxDepth: 5000 } }));
    expect(e.reason).toMatch(/^too deeply nested: the interpreter's stack ran out at \d+ nested calls \(gradlens\.maxCallDepth is 5000\)$|^call depth limit reached/);
    expect(e.line).toBe(1);
  });
});
