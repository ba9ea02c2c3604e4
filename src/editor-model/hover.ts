// Runs anywhere (extension host, tests): the text of a hover in a `.nn.ts` file, as Markdown: the value and
// ∂target/∂it of what is under the pointer, local derivatives of an operator's inputs, a per-call table for names
// evaluated several times (and per-iteration values of loop variables and destructured names and parameters), a
// constant's value or preview; for a tensor its shape, a preview and the gradient's norm and preview. Kept free of
// `vscode` so it is unit-tested; the provider adds the graph link.
import type { DocumentResult } from "../notation";
import { escapeMarkdown } from "../view/escape";
import { formatNumber } from "../view/format";
import { subjectAt } from "./query";
import type { Source } from "./source";
import { resolveSubject } from "./subject-values";
import type { Reading, Resolved } from "./readings";
import { tensorMarkdown } from "./tensor-view";

export interface HoverModel {
  /** Range of the word or operator the hover is about (document offsets). */
  start: number;
  end: number;
  markdown: string;
  /** The node the graph link should reveal (-1: none, e.g. a parameter's plain arguments). */
  node: number;
}

export const MAX_CALL_ROWS = 8;
/** Tensors shown in one hover (a name evaluated per call, or several params of that name). */
export const MAX_TENSORS = 2;

export function hoverAt(r: DocumentResult, src: Source, offset: number, digits: number): HoverModel | undefined {
  const s = subjectAt(src, offset);
  if (s === undefined) return undefined;
  const res = resolveSubject(r, src, s);
  if (res === undefined) return undefined;
  const f = (v: number) => formatNumber(v, digits);
  const target = escapeMarkdown(r.targetName ?? "target");
  const d = (of: string) => `∂${target}/∂${of}`;
  const lines: string[] = [];
  const label = escapeMarkdown(s.kind === "operator" ? s.op : s.name);
  let node: number;
  switch (res.kind) {
    case "param":
      lines.push(`**${escapeMarkdown(res.name)}** (param)`, "", `value ${f(res.value)} · ${d(escapeMarkdown(res.name))} = ${f(res.grad)}`);
      node = res.node;
      break;
    case "params":
      lines.push(`**${label}**: ${res.items.length} params`, "", "| param | value | " + d("") + " |", "|---|---:|---:|");
      for (const p of res.items.slice(0, MAX_CALL_ROWS)) lines.push(`| ${escapeMarkdown(p.name)} | ${f(p.value)} | ${f(p.grad)} |`);
      if (res.items.length > MAX_CALL_ROWS) lines.push(`| … ${res.items.length - MAX_CALL_ROWS} more | | |`);
      node = res.items[0].node;
      break;
    case "target":
      lines.push(`**${label}** (the target)`, "", `value ${f(res.value)} · ${d(label)} = 1`);
      node = res.node;
      break;
    case "arguments":
      lines.push(`**${label}** (parameter of ${escapeMarkdown(res.fn)}): ${res.values.length} call${res.values.length === 1 ? "" : "s"}`, "", `| call | ${label} |`, "|---|---:|");
      for (const v of res.values.slice(0, MAX_CALL_ROWS)) lines.push(`| ${escapeMarkdown(v.call)} | ${escapeMarkdown(v.value)} |`);
      if (res.values.length > MAX_CALL_ROWS) lines.push(`| … ${res.values.length - MAX_CALL_ROWS} more | |`);
      node = -1;
      break;
    case "constant": {
      const v = typeof res.value === "number" ? f(res.value) : escapeMarkdown(res.value);
      const why = "no gradient (nothing trainable reaches it)";
      lines.push(`**${label}**`, "", res.final ? `value at the end of the run ${v} · plain data: ${why}` : `value ${v} · a constant: ${why}`);
      node = -1;
      break;
    }
    case "bound": {
      lines.push(...boundMarkdown(res, label, f, d(label)));
      node = res.rows.find((x) => x.reading !== undefined)?.reading?.node ?? -1;
      break;
    }
    case "readings": {
      const kind = res.what === "operator" ? `operator \`${s.kind === "operator" ? s.op : ""}\`` : res.what === "call" ? "call" : "";
      const title = res.what === "operator" ? `**${kind}**` : `**${label}**${kind ? ` (${kind})` : ""}`;
      node = res.readings[0].node;
      if (res.readings.length === 1) {
        const one = res.readings[0];
        lines.push(title, "", `value ${f(one.value)} · ${d(res.what === "operator" ? "(this)" : label)} = ${f(one.grad)}`);
        for (const l of res.locals[0] ?? []) lines.push("", `∂(this)/∂${escapeMarkdown(l.input)} = ${f(l.derivative)}`);
      } else {
        lines.push(`${title}: evaluated ${res.readings.length} times`, "", ...table(res.readings, res.locals.length > 0 ? res.locals.map((ls) => ls.map((l) => `∂/∂${escapeMarkdown(l.input)} ${f(l.derivative)}`).join(", ")) : undefined, f, d(label)));
      }
      break;
    }
    case "tensor": {
      const what = res.what === "param" ? " (param)" : res.what === "target" ? " (the target)" : res.what === "call" ? " (call)" : "";
      const title = res.what === "operator" ? `**operator \`${s.kind === "operator" ? s.op : ""}\`**` : `**${label}**${what}`;
      node = res.items[0].node;
      const shown = res.items.slice(0, MAX_TENSORS);
      if (res.items.length > 1) lines.push(`${title}: ${res.items.length} ${res.what === "param" ? "tensor params" : "evaluations"}`);
      else lines.push(title);
      for (const it of shown) {
        const of = res.what === "param" ? escapeMarkdown(it.name ?? label) : res.what === "operator" ? "(this)" : label;
        if (res.items.length > 1) lines.push("", `*${escapeMarkdown(it.name ?? "")}*`);
        lines.push("", ...tensorMarkdown(r.tape, it.node, d(of), digits, res.what === "target"));
      }
      if (res.items.length > MAX_TENSORS) lines.push("", `… ${res.items.length - MAX_TENSORS} more`);
      break;
    }
  }
  return { start: s.start, end: s.end, markdown: lines.join("\n"), node };
}

function table(rs: Reading[], locals: string[] | undefined, f: (v: number) => string, dHead: string): string[] {
  const head = locals ? "| call | value | ∂ | local derivatives |" : `| call | value | ${dHead} |`;
  const out = [head, locals ? "|---|---:|---:|---|" : "|---|---:|---:|"];
  rs.slice(0, MAX_CALL_ROWS).forEach((x, k) => {
    const call = escapeMarkdown(x.call ?? `#${k + 1}`);
    out.push(`| ${call} | ${f(x.value)} | ${f(x.grad)} |${locals ? ` ${locals[k]} |` : ""}`);
  });
  if (rs.length > MAX_CALL_ROWS) out.push(`| … ${rs.length - MAX_CALL_ROWS} more | | |${locals ? " |" : ""}`);
  return out;
}

/**
 * A loop variable's, destructured name's or function's local's values: one (a plain value), or a table of one row per binding with
 * ∂target/∂ of graph values; plain values (data) get no gradient column.
 */
function boundMarkdown(res: Extract<Resolved, { kind: "bound" }>, label: string, f: (v: number) => string, dHead: string): string[] {
  const plain = (x: number | string) => (typeof x === "number" ? f(x) : escapeMarkdown(x));
  const of = (what: string, link: string) => (res.fn !== undefined ? `${what} ${link} ${escapeMarkdown(res.fn)}` : what);
  const how = res.how === "parameter" ? of("parameter", "of") : res.how === "local" ? of("local", "in") : res.how;
  const title = `**${label}** (${how})`;
  const first = res.rows[0];
  if (res.count === 1) return [title, "", `value ${first.reading !== undefined ? f(first.reading.value) : plain(first.plain)}`];
  // A local bound once per call is listed by call; one in a loop inside its function, by binding (rows name the call).
  const what = res.how === "loop variable" ? "iteration" : res.how === "parameter" || (res.how === "local" && !res.loop) ? "call" : "binding";
  // A parameter's title counts calls, as a plain parameter's does.
  const out = [res.how === "parameter" ? `${title}: ${res.count} calls` : `${title}: ${res.count} values, one per ${what}`, ""];
  const graph = res.rows.some((x) => x.reading !== undefined);
  out.push(graph ? `| ${what} | value | ${dHead} |` : `| ${what} | ${label} |`, graph ? "|---|---:|---:|" : "|---|---:|");
  res.rows.slice(0, MAX_CALL_ROWS).forEach((x, k) => {
    const at = escapeMarkdown(x.label ?? `#${k + 1}`);
    if (!graph) out.push(`| ${at} | ${plain(x.plain)} |`);
    else if (x.reading === undefined) out.push(`| ${at} | ${plain(x.plain)} | |`);
    else out.push(`| ${at} | ${f(x.reading.value)} | ${f(x.reading.grad)} |`);
  });
  if (res.count > MAX_CALL_ROWS) out.push(`| … ${res.count - MAX_CALL_ROWS} more | |${graph ? " |" : ""}`);
  return out;
}
