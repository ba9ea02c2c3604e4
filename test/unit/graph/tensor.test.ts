// Runs on Node (vitest): the graph at tensor granularity. Seed 000's matrix MLP as a view model and Mermaid text:
// kinds, shapes, summaries, gradient norms against central differences, shape labels on edges, escaping, NaN marks,
// caps on the arrays sent, and folding of a deep tensor network; scalar graphs keep their old model.
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { buildViewModel } from "../../../src/graph/model";
import { MAX_MODEL_CELLS } from "../../../src/graph/tensor";
import { escapeMermaid } from "../../../src/view/escape";
import { MAX_MATRIX_CELLS, type ViewModel, type ViewNode } from "../../../src/view/graph";
import { edgeShapeLabel, toMermaid } from "../../../src/view/mermaid";
import { HOSTILE } from "../../webview/fixtures";
import { deepTensorNet, seed000 } from "./tensor-tapes";
import { example1, xor } from "./tapes";

const byTape = (m: ViewModel, i: number): ViewNode => {
  const n = m.nodes.find((x) => x.tapeId === i && x.kind !== "group");
  if (!n) throw new Error(`no node for tape id ${i}`);
  return n;
};

describe("graph at tensor granularity: seed 000", () => {
  const { tape, target, ids } = seed000();
  const m = buildViewModel(tape, target);

  it("has one node per tensor op, with kinds, titles and shapes", () => {
    const rows = ["X", "W1", "z1", "h", "W2", "z2", "out", "Y", "loss"].map((k) => {
      const n = byTape(m, ids[k]);
      return [k, n.kind, n.title, n.tensor?.shape];
    });
    expect(rows).toEqual([
      ["X", "input", "X", [4, 2]], ["W1", "param", "W1", [2, 3]], ["z1", "op", "matmul", [4, 3]],
      ["h", "op", "sigmoid", [4, 3]], ["W2", "param", "W2", [3, 1]], ["z2", "op", "matmul", [4, 1]],
      ["out", "op", "sigmoid", [4, 1]], ["Y", "input", "Y", [4, 1]], ["loss", "target", "Σ", []],
    ]);
    // sse = Σ (out - Y)^2: sub and pow nodes too, 11 in all.
    expect(m.nodes).toHaveLength(11);
    expect(m.nodes.every((n) => n.tensor !== undefined)).toBe(true);
  });

  it("summarises values (first few, min, max) and sends the full arrays", () => {
    const w1 = byTape(m, ids.W1).tensor!;
    const v = Array.from(tape.tensorValue(ids.W1));
    expect(w1.head).toEqual(v.slice(0, 3));
    expect(w1.values).toEqual(v);
    expect(w1.grads).toEqual(Array.from(tape.tensorGradient(ids.W1)));
    expect(w1.min).toBe(Math.min(...v));
    expect(w1.max).toBe(Math.max(...v));
    expect(w1.size).toBe(6);
    expect(w1.firstNonFinite).toBe(-1);
    const loss = byTape(m, target);
    expect(loss.value).toBe(tape.val[target]);
    expect(loss.grad).toBe(1);
    // A many-element tensor has no single value: NaN, and its gradient field is ‖grad‖₂.
    expect(byTape(m, ids.h).value).toBeNaN();
  });

  it("gradient norms equal the norm of central differences of the loss", () => {
    const w0 = Float64Array.from(tape.tensorValue(ids.W1));
    const f = (w: Float64Array) => { const r = seed000(w); return r.tape.val[r.target]; };
    const h = 1e-6;
    let sq = 0;
    for (let k = 0; k < 6; k++) {
      const p = w0.slice(), q = w0.slice();
      p[k] += h;
      q[k] -= h;
      const d = (f(p) - f(q)) / (2 * h);
      sq += d * d;
    }
    const w1 = byTape(m, ids.W1);
    expect(w1.tensor!.gradNorm).toBeGreaterThan(1e-3);
    expect(w1.tensor!.gradNorm).toBeCloseTo(Math.sqrt(sq), 7);
    expect(w1.grad).toBe(w1.tensor!.gradNorm);
    // And for W2, recomputed from the gradient array the engine holds.
    expect(byTape(m, ids.W2).tensor!.gradNorm).toBeCloseTo(Math.hypot(...tape.tensorGradient(ids.W2)), 12);
  });

  it("labels tensor edges with their source's shape, and draws shapes and summaries in Mermaid", () => {
    const edge = (a: string, b: string) => m.edges.find((e) => e.from === `n${ids[a]}` && e.to === `n${ids[b]}`);
    expect(edge("X", "z1")?.shape).toEqual([4, 2]);
    expect(edge("W1", "z1")?.shape).toEqual([2, 3]);
    expect(edge("z1", "h")?.shape).toEqual([4, 3]);
    expect(edge("W2", "z2")?.shape).toEqual([3, 1]);
    expect(edge("out", "z2")).toBeUndefined();
    // Every edge here leaves a tensor node, so every edge carries a shape (and no local derivative is drawn).
    expect(m.edges.every((e) => Array.isArray(e.shape))).toBe(true);
    const text = toMermaid(m);
    const labels = [...text.matchAll(/-->\|"([^"]*)"\|/g)].map((x) => x[1]);
    expect(labels).toHaveLength(m.edges.length);
    // Edge labels use only characters Mermaid takes as plain text (it would draw [ as &#91; on an edge).
    expect(new Set(labels)).toEqual(new Set(["4×2", "2×3", "4×3", "3×1", "4×1"]));
    expect(labels.every((l) => l === escapeMermaid(l))).toBe(true);
    expect([edgeShapeLabel([3]), edgeShapeLabel([])]).toEqual(["3-vector", "scalar"]);
    expect(text).not.toMatch(/\|"NaN"\|/);
    const w1 = byTape(m, ids.W1).tensor!;
    const line = text.split("\n").find((l) => l.startsWith(`  n${ids.W1}[`))!;
    expect(line).toContain("W1<br>#91;2,3#93;<br>= ");
    expect(line).toContain(`#8214;∂#8214; ${Number(w1.gradNorm.toPrecision(4))}`);
    expect(line).toContain(", …");
    // The loss reads like a scalar: its value and ∂ 1.
    expect(text.split("\n").find((l) => l.startsWith(`  n${target}(`))).toContain("<br>∂ 1");
    // Edge labels follow the edge-label toggle; no values or gradients when those are off.
    const bare = toMermaid(m, { locals: false, values: false, grads: false });
    expect(bare).not.toMatch(/-->\|/);
    expect(bare).not.toContain("#8214;");
  });
});

describe("graph at tensor granularity: marks, caps, escaping, folding", () => {
  it("marks where a NaN first appears in a tensor and where it flows", () => {
    const t = new Tape();
    const a = t.tensorParam([[1, -1], [4, 2]], "a");
    const lg = t.log(a), s = t.sum(lg);
    t.backward(s);
    const m = buildViewModel(t, s);
    expect(byTape(m, a).nonFinite).toBeUndefined();
    expect(byTape(m, lg).nonFinite).toBe("origin");
    expect(byTape(m, lg).tensor!.firstNonFinite).toBe(1);
    expect(byTape(m, s).nonFinite).toBe("flow");
    expect(toMermaid(m)).toContain(escapeMermaid("NaN/Infinity at [0][1]"));
    // Through mul(log(a), a) the NaN reaches a's gradient: a is marked as inherited, at the element it hit.
    const u = new Tape();
    const b = u.tensorParam([[1, -1], [4, 2]], "b");
    const s2 = u.sum(u.mul(u.log(b), b));
    u.backward(s2);
    const mb = byTape(buildViewModel(u, s2), b);
    expect(mb.nonFinite).toBe("flow");
    expect(mb.tensor!.firstNonFinite).toBe(-1);
    expect(mb.tensor!.gradNonFinite).toBe(1);
  });

  it("leaves out arrays over the cap and keeps the message small", () => {
    const t = new Tape();
    const big = t.tensorParam({ shape: [100, 100], data: new Float64Array(10000).fill(0.5) }, "big");
    const l = t.mean(big);
    t.backward(l);
    const n = byTape(buildViewModel(t, l), big).tensor!;
    expect(n.size).toBeGreaterThan(MAX_MATRIX_CELLS);
    expect(n.omitted).toBe("large");
    expect(n.values).toBeUndefined();
    expect(n.gradNorm).toBeCloseTo(Math.sqrt(10000 * 1e-8), 12);
    // Many matrices under the per-matrix cap: the model's total stays under its own budget.
    const u = new Tape();
    const ps = Array.from({ length: 20 }, (_, k) => u.tensorParam({ shape: [40, 40], data: new Float64Array(1600).fill(k) }, `P${k}`));
    const sum = u.sum(ps.reduce((acc, p) => u.add(acc, p)));
    u.backward(sum);
    const model = buildViewModel(u, sum);
    const cells = model.nodes.reduce((a, x) => a + (x.tensor?.values?.length ?? 0) + (x.tensor?.grads?.length ?? 0), 0);
    expect(cells).toBeLessThanOrEqual(MAX_MODEL_CELLS);
    expect(model.nodes.filter((x) => x.tensor?.omitted === "budget").length).toBeGreaterThan(0);
    // Params get their arrays first.
    expect(byTape(model, ps[0]).tensor!.values).toHaveLength(1600);
  });

  it("escapes a hostile tensor name in node labels", () => {
    const t = new Tape();
    const W = t.tensorParam([[1, 2]], HOSTILE);
    const l = t.sum(t.mul(W, W));
    t.backward(l);
    const m = buildViewModel(t, l);
    expect(byTape(m, W).title).toBe(HOSTILE);
    const text = toMermaid(m);
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("%%{");
    expect(text).not.toContain("`");
    for (const line of text.trim().split("\n").slice(1)) expect(line).toMatch(/^ {2}(n\d+|classDef|style|linkStyle)/);
    expect(text.split("\n").find((l2) => l2.startsWith(`  n${W}[`))).toMatch(/^ {2}n\d+\["[^"]*"\]:::param$/);
  });

  it("folds a deep tensor network to the budget, with tensor summaries on folded groups", () => {
    const { tape, target, ids } = deepTensorNet(60);
    const m = buildViewModel(tape, target);
    expect(m.totalNodes).toBeGreaterThan(300);
    expect(m.nodes.length).toBeLessThanOrEqual(m.maxVisibleNodes);
    const accounted = m.nodes.filter((n) => n.kind !== "hidden").reduce((a, n) => a + n.size, 0) + m.hiddenNodes;
    expect(accounted).toBe(m.totalNodes);
    const groups = m.nodes.filter((n) => n.kind === "group");
    expect(groups.length).toBeGreaterThan(0);
    // A folded layer's output is its tanh: [8,4], summarised on the group node.
    expect(groups[0].tensor?.shape).toEqual([8, 4]);
    expect(groups[0].tensor?.op).toBe("tanh");
    expect(groups[0].tensor?.values).toBeUndefined();
    const ids2 = new Set(m.nodes.map((n) => n.id));
    for (const e of m.edges) expect(ids2.has(e.from) && ids2.has(e.to)).toBe(true);
    const text = toMermaid(m);
    expect(text).toContain("#91;8,4#93;");
    expect(text).toContain('-->|"8×4"|');
    // Expanding one layer shows its W with shape [4,4].
    const g = groups[groups.length - 1].groupId;
    const opened = buildViewModel(tape, target, { folded: m.groups.filter((x) => x.folded && x.id !== g).map((x) => x.id) });
    const w = opened.nodes.find((n) => n.tapeId === ids[`W${g}`]);
    expect(w?.kind).toBe("param");
    expect(w?.tensor?.shape).toEqual([4, 4]);
  });

  it("bundles tensor leaves by kind: a param and an input feeding one matmul never bundle as constants", () => {
    const t = new Tape();
    const prods = Array.from({ length: 10 }, (_, k) => t.matmul(t.tensorInput([[k, 1]], `x${k}`), t.tensorParam([[1], [k]], `w${k}`)));
    const s = prods.reduce((a, b) => t.add(a, b));
    t.backward(s);
    const m = buildViewModel(t, s, { maxVisibleNodes: 12 });
    expect(m.totalNodes).toBe(39);
    expect(m.nodes.length).toBeLessThanOrEqual(12);
    // Each exact consumer set holds one param and one input: bundling by op code would have merged them.
    expect(m.nodes.filter((n) => n.kind === "bundle")).toEqual([]);
    expect(m.hiddenNodes).toBeGreaterThan(0);
    // Scalar leaves still bundle as before (kinds param/input/const from their ops).
    const u = new Tape();
    const ps = Array.from({ length: 30 }, (_, k) => u.param(k, `p${k}`));
    const y = u.sum(ps);
    u.backward(y);
    const b = buildViewModel(u, y, { maxVisibleNodes: 10 }).nodes.filter((n) => n.kind === "bundle");
    expect(b.map((n) => n.title)).toEqual(["30 params"]);
  });

  it("leaves scalar graphs exactly as they were: no tensor fields, local derivatives on edges", () => {
    for (const build of [example1, xor]) {
      const { tape, target } = build();
      const m = buildViewModel(tape, target, { maxVisibleNodes: 40 });
      expect(m.nodes.some((n) => "tensor" in n)).toBe(false);
      expect(m.edges.some((e) => "shape" in e)).toBe(false);
    }
  });
});
