// Runs on Node (vitest): Graphviz DOT text (`gradlens graph --format dot`). Parsed back by a small DOT reader below:
// one digraph, one statement per node and edge, every edge between declared nodes, labels that read back as the
// Mermaid generator's lines, and hostile names that stay inside their quoted label.
import { describe, expect, it } from "vitest";
import { Tape } from "../../../src/engine/tape";
import { renderDot } from "../../../src/graph/index";
import { buildViewModel } from "../../../src/graph/model";
import { toDot } from "../../../src/view/dot";
import { nodeLines } from "../../../src/view/mermaid";
import { example1, mlp, xor } from "../graph/tapes";

interface Stmt { kind: "node" | "edge"; ids: string[]; attrs: Map<string, string> }

/** Attribute list `a=b, c="d \"e\""` with DOT's escapes undone in quoted values (\\n as a line break). */
function attrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*([A-Za-z_]+)=("((?:[^"\\]|\\.)*)"|[^,\s\]]+)\s*(?:,|$)/gy;
  let m: RegExpExecArray | null, at = 0;
  while (at < text.length && (m = re.exec(text)) !== null) {
    out.set(m[1], m[3] !== undefined ? m[3].replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c)) : m[2]);
    at = re.lastIndex;
  }
  expect(at, `unparsed attributes: ${text.slice(at)}`).toBe(text.length);
  return out;
}

/** A digraph as toDot writes it: header, defaults, then `id [attrs];` and `a -> b [attrs];` lines, then `}`. */
function parseDot(text: string): Stmt[] {
  const lines = text.split("\n");
  expect(lines[0]).toBe("digraph gradlens {");
  expect(lines.at(-1)).toBe("");
  expect(lines.at(-2)).toBe("}");
  const out: Stmt[] = [];
  for (const line of lines.slice(1, -2)) {
    if (/^ {2}(rankdir=(LR|TB)|node \[.*\]|edge \[.*\]);$/.test(line)) continue;
    const edge = /^ {2}([A-Za-z_]\w*) -> ([A-Za-z_]\w*)(?: \[(.*)\])?;$/.exec(line);
    if (edge) {
      out.push({ kind: "edge", ids: [edge[1], edge[2]], attrs: attrs(edge[3] ?? "") });
      continue;
    }
    const node = /^ {2}([A-Za-z_]\w*) \[(.*)\];$/.exec(line);
    expect(node, `not a DOT statement toDot writes: ${line}`).not.toBeNull();
    if (node) out.push({ kind: "node", ids: [node[1]], attrs: attrs(node[2]) });
  }
  return out;
}

describe("Graphviz DOT text", () => {
  it.each([["example1", example1], ["xor", xor], ["mlp", () => mlp([2, 3, 1])]] as const)("%s: one statement per node and edge of the view model", (_, build) => {
    const { tape, target } = build();
    const model = buildViewModel(tape, target, { maxVisibleNodes: 40 });
    const stmts = parseDot(toDot(model));
    const nodes = stmts.filter((s) => s.kind === "node"), edges = stmts.filter((s) => s.kind === "edge");
    expect(nodes.map((s) => s.ids[0])).toEqual(model.nodes.map((n) => n.id));
    expect(edges.map((s) => s.ids)).toEqual(model.edges.map((e) => [e.from, e.to]));
    const declared = new Set(nodes.map((s) => s.ids[0]));
    for (const e of edges) expect(declared.has(e.ids[0]) && declared.has(e.ids[1])).toBe(true);
    model.nodes.forEach((n, i) => expect(nodes[i].attrs.get("label")).toBe(nodeLines(n).join("\n")));
    expect(nodes.find((s) => s.attrs.get("shape") === "doubleoctagon")?.ids[0]).toBe(model.nodes.find((n) => n.isTarget)?.id);
  });

  it("labels edges with local derivatives as the Mermaid text does, and follows the direction", () => {
    const { tape, target } = example1();
    const text = renderDot(tape, target, { direction: "TB" });
    expect(text).toContain("  rankdir=TB;");
    const labelled = parseDot(text).filter((s) => s.kind === "edge" && s.attrs.has("label"));
    expect(labelled.length).toBeGreaterThan(0);
    for (const e of labelled) expect(Number.isFinite(Number(e.attrs.get("label")))).toBe(true);
  });

  it("escapes hostile names: quotes, backslashes, braces and line breaks stay inside the label", () => {
    const t = new Tape();
    const name = 'a"]; evil -> x [label="\\N\\G" }\n{ digraph';
    const x = t.input(2, name), y = t.mul(x, x);
    t.backward(y);
    const text = renderDot(t, y);
    const stmts = parseDot(text);
    const leaf = stmts.find((s) => s.kind === "node" && s.attrs.get("label")?.startsWith("a\""));
    expect(leaf?.attrs.get("label")?.startsWith(`${name}\n= 2`)).toBe(true);
    expect(stmts.filter((s) => s.kind === "node")).toHaveLength(2);
    for (const e of stmts.filter((s) => s.kind === "edge")) expect(e.ids).toEqual(["n0", "n1"]);
  });
});
