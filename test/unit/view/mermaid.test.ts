// Runs on Node (vitest): Mermaid text. Golden files for the notation examples (test/unit/view/golden/*.mmd, read
// them by eye when they change: GRADLENS_UPDATE_GOLDEN=1 npx vitest run test/unit/view rewrites them), plus the
// rules every text must follow: ids from our counters, classes per kind, label toggles, direction, colours.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { renderMermaid } from "../../../src/graph/index";
import { buildViewModel } from "../../../src/graph/model";
import { toMermaid } from "../../../src/view/mermaid";
import { DEFAULT_COLORS, safeColor, sanitizeColors } from "../../../src/view/theme";
import { example1, example2, example3, example4, mlp, xor, type Built } from "../graph/tapes";

const GOLDEN = join(__dirname, "golden");

function golden(name: string, text: string): void {
  const file = join(GOLDEN, `${name}.mmd`);
  if (process.env.GRADLENS_UPDATE_GOLDEN) writeFileSync(file, text);
  expect(existsSync(file), `missing golden file ${file}`).toBe(true);
  expect(text).toBe(readFileSync(file, "utf8"));
}

const cases: [string, () => Built, object][] = [
  ["example1", example1, {}],
  ["example2", example2, { direction: "TB" }],
  ["example3", example3, {}],
  ["example4", example4, { maxVisibleNodes: 12 }],
  ["xor-folded", xor, { maxVisibleNodes: 40 }],
  ["mlp-2-4-1", () => mlp([2, 4, 1]), { maxVisibleNodes: 30 }],
];

describe("Mermaid text", () => {
  for (const [name, build, opts] of cases) {
    it(`matches the golden file for ${name}`, () => {
      const { tape, target } = build();
      golden(name, renderMermaid(tape, target, opts));
    });
  }

  it("uses only our own ids and one line per node and edge", () => {
    const { tape, target } = xor();
    const m = buildViewModel(tape, target);
    const text = toMermaid(m);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("flowchart LR");
    expect(lines.filter((l) => /^ {2}[ngbh]\d+[[(]/.test(l))).toHaveLength(m.nodes.length);
    expect(lines.filter((l) => l.includes("-->"))).toHaveLength(m.edges.length);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}([ngbh]\d+|classDef|linkStyle)/);
  });

  it("gives each kind its class and a classDef, the target and NaN origin their own", () => {
    const t = new Tape();
    const x = t.input(-1, "x"), w = t.param(2, "w");
    const y = t.mul(t.add(t.log(x), t.const(1)), w);
    t.backward(y);
    const text = renderMermaid(t, y);
    expect(text).toContain(`n${x}["x<br>= -1<br>∂ -2"]:::input`);
    // w's gradient is log(x) + 1 = NaN: a NaN flowing back marks it too.
    expect(text).toContain(`n${w}["w<br>= 2<br>∂ NaN"]:::nanflow`);
    expect(text).toMatch(/n2\("log<br>= NaN<br>∂ 2"\):::nan/);
    expect(text).toMatch(/n\d+\(\["×<br>= NaN<br>∂ 1"\]\):::nanflow/);
    for (const cls of ["input", "const", "nan", "nanflow"]) expect(text).toMatch(new RegExp(`classDef ${cls} fill:#`));
    expect(text).not.toMatch(/classDef (op|target|param) /);
  });

  it("toggles values, gradients and local derivatives, and switches direction", () => {
    const { tape, target } = example3();
    const m = buildViewModel(tape, target);
    expect(toMermaid(m, { values: false, grads: false, locals: false, direction: "TB" })).toBe(
      "flowchart TB\n  n0[\"x\"]:::input\n  n1([\"×\"]):::target\n  n0 --> n1\n  n0 --> n1\n" +
      "  classDef input fill:#dcfce7,stroke:#15803d,color:#111111,stroke-width:1px\n" +
      "  classDef target fill:#fef3c7,stroke:#b45309,color:#111111,stroke-width:3px\n");
    expect(toMermaid(m, { digits: 2 })).toContain('-->|"-4"|');
  });

  it("escapes hostile names so they cannot break out of a label", () => {
    const t = new Tape();
    const a = t.param(1, '"]-->x[<script>alert(1)</script>');
    const b = t.param(1, "`md` %%{init: {\"securityLevel\":\"loose\"}}%%");
    const y = t.add(a, b);
    t.backward(y);
    const text = renderMermaid(t, y);
    const labels = [...text.matchAll(/^ {2}n\d+\[?\(?\[?"(.*)"\]?\)?\]?:::/gm)].map((m) => m[1]);
    expect(labels).toHaveLength(3);
    for (const l of labels) expect(l.replace(/<br>/g, "")).not.toMatch(/["<>`%{}[\]]/);
    expect(text).not.toContain("%%{");
    expect(text).not.toContain("<script");
  });

  it("clips long names in the drawing (the hover keeps them whole)", () => {
    const t = new Tape();
    const a = t.param(1, "w".repeat(500));
    const y = t.exp(a);
    t.backward(y);
    const text = renderMermaid(t, y);
    expect(text).toContain(`n0["${"w".repeat(47)}…<br>= 1<br>∂ 2.718"]:::param`);
    expect(buildViewModel(t, y).nodes[0].title).toHaveLength(500);
  });

  it("takes theme colours only when they are safe for classDef", () => {
    expect(safeColor("rgb(55, 148, 255)")).toBe("#3794ff");
    expect(safeColor("rgba(0, 0, 0, 0.5)")).toBe("#00000080");
    expect(safeColor("#abc")).toBe("#abc");
    expect(safeColor("red;stroke:url(javascript:x)")).toBeUndefined();
    expect(safeColor("var(--x)")).toBeUndefined();
    const c = sanitizeColors({ param: { fill: "#123456", stroke: "},x{", text: "white" } });
    expect(c.param).toEqual({ fill: "#123456", stroke: DEFAULT_COLORS.param.stroke, text: "white" });
    const { tape, target } = example3();
    expect(toMermaid(buildViewModel(tape, target), { colors: c })).toContain("classDef input fill:#dcfce7");
  });

  it("shades borders by gradient magnitude when asked", () => {
    const { tape, target } = example1();
    const text = toMermaid(buildViewModel(tape, target), { shade: true });
    // x has the largest gradient (596144): 6 px; y (1) stays at 1 px; the target is left alone.
    expect(text).toContain("style n0 stroke-width:6px");
    expect(text).toContain("style n1 stroke-width:1px");
    expect(text).not.toContain(`style n${target} `);
    expect(toMermaid(buildViewModel(tape, target))).not.toContain("style ");
  });

  it("highlights explained paths with a class and linkStyle", () => {
    const { tape, target } = example2();
    const m = buildViewModel(tape, target);
    const text = toMermaid(m, { highlight: { nodes: new Set(["n0", "n5"]), edges: new Set([5, 0, 99]) } });
    expect(text).toContain(":::hl");
    expect(text).toContain("linkStyle 0,5 stroke:#ca8a04,stroke-width:3px");
  });
});
