// Runs in vitest (Node): the interpreter's log of names bound by destructuring and `for … of` (locate.ts BindingLog,
// fed from statements.ts): what it records, its bounds, and that a run without a log records nothing.
import { describe, expect, it } from "vitest";
import { bindingLog, keepBindingLog, MAX_BOUND_VALUES } from "../../../src/notation/locate";
import { lower } from "../../../src/notation/frontends";
import { evaluateProgram, newInterp } from "../../../src/notation/run";

function run(text: string, log: boolean) {
  const ip = newInterp(lower(text, "ts").program, text, undefined);
  const kept = log ? keepBindingLog(ip) : undefined;
  const ev = evaluateProgram(ip);
  return { ip, kept, ev };
}

describe("binding log", () => {
  const text = "const w = param(2);\nconst plain = 1;\nconst [a, , { c }] = [w, 5, { c: 7 }];\nlet loss = 0;\nfor (const [p, q] of [[1, 2], [3, 4]]) loss += w * p + q;\nfor (const x of [10, 20, 30]) loss += x;\n";

  it("records pattern names and loop variables, in order, with graph nodes, plain values and the row group", () => {
    const { ip, kept } = run(text, true);
    const all = kept?.all() ?? [];
    expect(all.map((b) => `${b.name}×${b.count}`)).toEqual(["a×1", "c×1", "p×2", "q×2", "x×3"]);
    for (const b of all) expect(text.slice(b.start, b.end)).toBe(b.name);
    const [a, c, p, q, x] = all;
    // a is w itself: the param's node; c and the loop values are plain numbers.
    expect(a.values[0].node).toBeGreaterThanOrEqual(0);
    expect(ip.tape.val[a.values[0].node]).toBe(2);
    expect(c.values).toEqual([{ node: -1, plain: 7, group: -1 }]);
    expect(p.values.map((v) => v.plain)).toEqual([1, 3]);
    expect(q.values.map((v) => v.plain)).toEqual([2, 4]);
    expect(p.values.map((v) => ip.tape.groups[v.group].label)).toEqual(["row[0]", "row[1]"]);
    // Rows that are plain numbers open no group.
    expect(x.values.map((v) => [v.plain, v.group])).toEqual([[10, -1], [20, -1], [30, -1]]);
  });

  it("records nothing when the run keeps no log (training re-runs)", () => {
    const { ip, ev } = run(text, false);
    expect(ev).toBeDefined();
    expect(bindingLog(ip)).toBeUndefined();
  });

  it("keeps at most MAX_BOUND_VALUES values per name but counts every binding", () => {
    const n = MAX_BOUND_VALUES * 3;
    const { kept } = run(`let s = 0;\nfor (const [i] of [${Array.from({ length: n }, (_, k) => `[${k}]`).join(", ")}]) s += i;\n`, true);
    const [i] = kept?.all() ?? [];
    expect(i.count).toBe(n);
    expect(i.values).toHaveLength(MAX_BOUND_VALUES);
    expect(i.values.map((v) => v.plain)).toEqual(Array.from({ length: MAX_BOUND_VALUES }, (_, k) => k));
  });
});
