// Runs in vitest (Node): hovers on names bound by destructuring and `for … of` loops in `.nn.ts` files: per-iteration
// values checked against the dataset, gradients against central differences of the real file.
import { describe, expect, it } from "vitest";
import { datasets } from "../../../src/engine";
import { formatNumber } from "../../../src/view/format";
import { hoverAt, MAX_CALL_ROWS } from "../../../src/editor-model/hover";
import { centralDifference, evaluate, example, offsetOf } from "./helpers";

/** Table rows of a hover (lines starting `| ` after the header and rule), split into trimmed cells. */
function rows(markdown: string | undefined): string[][] {
  const lines = (markdown ?? "").split("\n").filter((l) => l.startsWith("| "));
  return lines.slice(1).map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
}

const f4 = (v: number) => formatNumber(v, 4);

describe("loop variables of the XOR example", () => {
  const { result, sf, text } = evaluate(example("xor.nn.ts"));

  it("shows p, q and y per iteration, at the loop head and at each use, equal to the XOR rows, with no gradient", () => {
    const cases: [string, string, number, number][] = [
      ["p", "[p, q, y]", 1, 0], ["q", "[p, q, y]", 4, 1], ["y", "[p, q, y]", 7, 2],
      ["p", "forward(p, q) -", 8, 0], ["q", "forward(p, q) -", 11, 1], ["y", "- y)", 2, 2],
    ];
    for (const [name, needle, shift, column] of cases) {
      const at = offsetOf(text, needle, 0, shift);
      expect(text.slice(at, at + 1)).toBe(name);
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toContain(`**${name}** (loop variable): 4 values, one per iteration`);
      expect(h?.markdown).not.toContain("∂");
      expect(rows(h?.markdown)).toEqual(datasets.XOR.map((row, i) => [`XOR\\[${i}\\]`, String(row[column])]));
      expect(text.slice(h?.start, h?.end)).toBe(name);
      expect(h?.node).toBe(-1);
    }
  });

  it("still shows forward's own parameter p per call, not the loop's p", () => {
    const h = hoverAt(result, sf, offsetOf(text, "p * w1[0]"), 4);
    expect(h?.markdown).toMatch(/\*\*p\*\* \(parameter of forward\): 4 calls/);
  });

  it("logs the loop's bindings in the document result: three names, four bindings each", () => {
    const names = result.bound.map((b) => `${b.name}×${b.count}`);
    expect(names).toEqual(["p×4", "q×4", "y×4"]);
    const p = result.bound[0];
    expect(text.slice(p.start, p.end)).toBe("p");
    expect(p.values.map((v) => v.plain)).toEqual(datasets.XOR.map((row) => row[0]));
  });
});

describe("loop variables holding graph values", () => {
  const src = "const ws = [param(0.5), param(-1.5), param(2)];\nlet loss = 0;\nfor (const w of ws) loss += w * w * w;\n";
  const { result, sf, text } = evaluate(src);

  it("lists value and ∂loss/∂w per iteration, equal to central differences of each param", () => {
    expect(result.ok).toBe(true);
    const h = hoverAt(result, sf, offsetOf(text, "w * w"), 4);
    expect(h?.markdown).toContain("**w** (loop variable): 3 values, one per iteration");
    expect(h?.markdown).toContain("| iteration | value | ∂loss/∂w |");
    const got = rows(h?.markdown);
    expect(got).toHaveLength(3);
    result.params.forEach((p, k) => {
      const fd = centralDifference(result, p.slot);
      expect(fd).toBeCloseTo(3 * p.value * p.value, 5);
      expect(got[k]).toEqual([`#${k + 1}`, f4(p.value), f4(fd)]);
    });
    expect(h?.node).toBe(result.params[0].node);
  });

  it("gives a destructured intermediate's gradient: ∂loss/∂h = (∂loss/∂a) / 3 when a enters only through h = 3a", () => {
    const two = evaluate("const a = param(0.7);\nlet loss = 0;\nfor (const [h, t] of [[a * 3, 1], [2, 5]]) loss += (h - t) ** 2;\n");
    const a = two.result.params[0];
    const h = hoverAt(two.result, two.sf, offsetOf(two.text, "(h - t)", 0, 1), 4);
    const got = rows(h?.markdown);
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual(["row\\[0\\]", f4(2.1), f4(centralDifference(two.result, a.slot) / 3)]);
    // The second row's h is data: its value, no gradient.
    expect(got[1]).toEqual(["row\\[1\\]", "2", ""]);
    const t = hoverAt(two.result, two.sf, offsetOf(two.text, "- t)", 0, 2), 4);
    expect(rows(t?.markdown)).toEqual([["row\\[0\\]", "1"], ["row\\[1\\]", "5"]]);
  });

  it("counts every iteration and shows the first rows of a long loop", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i / 10);
    const long = evaluate(`const w = param(1);\nlet loss = 0;\nfor (const x of [${xs.join(", ")}]) loss += w * x;\n`);
    const h = hoverAt(long.result, long.sf, offsetOf(long.text, "* x", 0, 2), 4);
    expect(h?.markdown).toContain("100 values, one per iteration");
    const got = rows(h?.markdown);
    expect(got).toHaveLength(MAX_CALL_ROWS + 1);
    expect(got.slice(0, MAX_CALL_ROWS).map((r) => Number(r[1]))).toEqual(xs.slice(0, MAX_CALL_ROWS));
    expect(got[MAX_CALL_ROWS][0]).toBe(`… ${100 - MAX_CALL_ROWS} more`);
    expect(long.result.bound[0].count).toBe(100);
    expect(long.result.bound[0].values.length).toBeLessThan(100);
  });

  it("resolves a loop variable that shadows a param to the loop, and the param outside it", () => {
    const s = evaluate("const w = param(2);\nlet loss = w * w;\nfor (const w of [1, 3]) loss += w;\n");
    const inner = hoverAt(s.result, s.sf, offsetOf(s.text, "+= w", 0, 3), 4);
    expect(rows(inner?.markdown)).toEqual([["#1", "1"], ["#2", "3"]]);
    const outer = hoverAt(s.result, s.sf, offsetOf(s.text, "w * w"), 4);
    expect(outer?.markdown).toContain(`∂loss/∂w = ${f4(centralDifference(s.result, 0))}`);
  });
});

describe("destructured declarations", () => {
  it("shows a top-level element's value and gradient like a plain declaration, equal to central differences", () => {
    const { result, sf, text } = evaluate("const pair = [param(1.5), param(-2)];\nconst [a, b] = pair;\nconst loss = a * b * b;\n");
    for (const [name, slot, at] of [["a", 0, offsetOf(text, "[a, b]", 0, 1)], ["b", 1, offsetOf(text, "b * b")], ["b", 1, offsetOf(text, "a, b]", 0, 3)]] as const) {
      const h = hoverAt(result, sf, at, 4);
      const p = result.params[slot];
      expect(h?.markdown).toContain(`value ${f4(p.value)} · ∂loss/∂${name} = ${f4(centralDifference(result, slot))}`);
      expect(h?.node).toBe(p.node);
    }
  });

  it("shows an object pattern's plain settings with no gradient", () => {
    const { result, sf, text } = evaluate("const opts = { lr: 0.25, steps: 10 };\nconst { lr, steps } = opts;\nconst w = param(2);\nconst loss = w * lr * steps;\n");
    const lr = hoverAt(result, sf, offsetOf(text, "lr * steps"), 4);
    expect(lr?.markdown).toBe("**lr** (destructured)\n\nvalue 0.25");
    const steps = hoverAt(result, sf, offsetOf(text, "{ lr, steps }", 0, 6), 4);
    expect(steps?.markdown).toContain("value 10");
  });

  it("tabulates a pattern inside a function once per call, with gradients where the values are graph values", () => {
    const src = "const w = param(0.3);\nfunction forward(row) {\n  const [p, q, y] = row;\n  return (w * p + q - y) ** 2;\n}\nlet loss = 0;\nfor (const r of XOR) loss += forward([w * r[0], r[1], r[2]]);\n";
    const { result, sf, text } = evaluate(src);
    expect(result.ok).toBe(true);
    const p = hoverAt(result, sf, offsetOf(text, "w * p", 0, 4), 4);
    expect(p?.markdown).toContain("**p** (destructured): 4 values, one per binding");
    const got = rows(p?.markdown);
    expect(got.map((r) => r[0].startsWith("forward("))).toEqual([true, true, true, true]);
    // p = w·x: the values are w times the first column.
    expect(got.map((r) => r[1])).toEqual(datasets.XOR.map((row) => f4(0.3 * row[0])));
    // ∂loss/∂p_k = 2·w·(w·p_k + q_k − y_k); their Σ ∂p_k/∂w = Σ r_k[0]·∂loss/∂p_k plus the direct w·p terms is ∂loss/∂w.
    const grads = got.map((r) => Number(r[2]));
    datasets.XOR.forEach(([x, q, y], k) => expect(grads[k]).toBeCloseTo(2 * 0.3 * (0.3 * 0.3 * x + q - y), 3));
    const direct = datasets.XOR.reduce((s, [x, q, y]) => s + 2 * (0.09 * x + q - y) * 0.3 * x, 0);
    const viaP = datasets.XOR.reduce((s, [x], k) => s + x * grads[k], 0);
    expect(direct + viaP).toBeCloseTo(centralDifference(result, 0), 3);
    const y = hoverAt(result, sf, offsetOf(text, "- y)", 0, 2), 4);
    expect(rows(y?.markdown).map((r) => r[1])).toEqual(datasets.XOR.map((row) => String(row[2])));
  });
});

describe("destructured function parameters", () => {
  it("show each call's element, as a plain parameter shows its argument", () => {
    const src = "const w = param(2);\nfunction f([x1, [x2, x3]], big) { return w * x1 + x2 * x3; }\nlet loss = 0;\nfor (const [a, b, c] of XOR) loss += f([a, [b, c]], [1, 2, 3, 4, 5]);\n";
    const { result, sf, text } = evaluate(src);
    expect(result.ok).toBe(true);
    for (const [name, column] of [["x1", 0], ["x2", 1], ["x3", 2]] as const) {
      const h = hoverAt(result, sf, offsetOf(text, `${name}`, 0), 4);
      expect(h?.markdown).toContain(`**${name}** (parameter of f): 4 calls`);
      expect(rows(h?.markdown).map((r) => r[1])).toEqual(datasets.XOR.map((row) => String(row[column])));
    }
  });

  it("shows the logged value where the call label does not show the element (an object, a long array)", () => {
    const src = "const w = param(2);\nfunction g({ k }, [u, v]) { return w * k + u; }\nconst loss = g({ k: 3 }, [1, 2, 3, 4, 5]);\n";
    const { result, sf, text } = evaluate(src);
    for (const [at, value] of [[offsetOf(text, "{ k }", 0, 2), "3"], [offsetOf(text, "[u, v]", 0, 1), "1"], [offsetOf(text, "u, v]", 0, 3), "2"]] as const) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toBe(`**${text[at]}** (parameter of g)\n\nvalue ${value}`);
    }
  });

  it("falls back to call labels (… where they do not show the element) when the run failed and logged nothing", () => {
    const src = "const w = param(2);\nfunction g({ k }, [u, v]) { return w * k + u; }\nconst loss = g({ k: 3 }, [1, 2, 3, 4, 5]);\nnoSuchFunction();\n";
    const { result, sf, text } = evaluate(src);
    expect(result.ok).toBe(false);
    expect(result.bound).toEqual([]);
    for (const at of [offsetOf(text, "{ k }", 0, 2), offsetOf(text, "[u, v]", 0, 1)]) {
      const h = hoverAt(result, sf, at, 4);
      expect(h?.markdown).toContain("(parameter of g): 1 call");
      expect(rows(h?.markdown).map((r) => r[1])).toEqual(["…"]);
    }
  });
});

describe("tensor-valued names", () => {
  it("are in the document's bindings", () => {
    const { result } = evaluate(example("seed002-modules.nn.ts"));
    expect(result.ok).toBe(true);
    expect(result.bindings.x).toBeGreaterThanOrEqual(0);
    expect(result.tape.isTensor(result.bindings.x)).toBe(true);
    expect(result.tape.shape(result.bindings.x)).toEqual([8, 3]);
  });
});
