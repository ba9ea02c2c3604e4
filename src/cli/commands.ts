// Runs on Node (the CLI): `gradlens grad`, `graph` and `check`.
import { writeFileSync } from "node:fs";
import { ParamStore, Tape, checkDerivative, type GradcheckReport } from "../engine";
import { renderMermaid } from "../graph";
import { formatNumber } from "../view/format";
import { choiceOption, numberOption, parseArgs, parseAt, UsageError } from "./args";
import { graphPage, mermaidLibrary } from "./html";
import { evaluate } from "./source";

export type Print = (s: string) => void;

function source(positional: string[], cmd: string): string {
  if (positional.length !== 1) throw new UsageError(`${cmd} takes one source (a file or a quoted expression)`);
  return positional[0];
}

/** Values and gradients to 12 significant digits (0.1 + 0.2 reads 0.3), errors to 3. */
const num = (x: number): string => formatNumber(x, 12);
const err = (x: number): string => formatNumber(x, 3);

export function grad(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at"]);
  const r = evaluate(source(p.positional, "grad"), parseAt(p.options.get("at")));
  if (p.flags.has("json")) {
    const grads: Record<string, number> = {};
    for (const g of r.grads) grads[g.name] = g.grad;
    print(JSON.stringify({ value: r.value, grads }));
    return 0;
  }
  print(`value = ${num(r.value)}`);
  for (const g of r.grads) print(`∂/∂${g.name} = ${num(g.grad)}   (${g.name} = ${num(g.value)})`);
  for (const w of r.warnings) print(w);
  return 0;
}

export function graph(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at", "format"]);
  const format = choiceOption(p, "format", ["mermaid", "markdown", "html"] as const, "mermaid");
  const r = evaluate(source(p.positional, "graph"), parseAt(p.options.get("at")));
  const mermaid = renderMermaid(r.tape, r.target);
  const text = format === "mermaid" ? mermaid
    : format === "markdown" ? "```mermaid\n" + mermaid + "\n```"
    : graphPage(mermaid, r.file ?? "expression", mermaidLibrary());
  const o = p.options.get("o");
  if (o !== undefined) writeFileSync(o, text.endsWith("\n") ? text : text + "\n");
  else print(text);
  return 0;
}

interface Check {
  what: string;
  report: Pick<GradcheckReport, "rows" | "pass">;
}

export function check(argv: string[], print: Print): number {
  const p = parseArgs(argv, ["at", "eps"]);
  const eps = numberOption(p, "eps", 1e-6, (x) => x > 0 && Number.isFinite(x), "a positive number");
  const src = source(p.positional, "check"), at = parseAt(p.options.get("at"));
  const r = evaluate(src, at);
  const checks: Check[] = [];
  if (r.selection !== undefined) {
    // Each free name: the autograd gradient against central differences of the whole expression.
    const sel = r.selection, names = r.grads.map((g) => g.name), point = r.grads.map((g) => g.value);
    const f = (x: number[]): number => sel.evaluate(Object.fromEntries(names.map((n, i) => [n, x[i]]))).value;
    const df = (x: number[]): number[] => {
      const e = sel.evaluate(Object.fromEntries(names.map((n, i) => [n, x[i]])));
      return names.map((n) => e.leaves.find((l) => l.name === n)?.grad ?? NaN);
    };
    if (names.length > 0) checks.push({ what: "gradient", report: checkDerivative(f, df, point, { eps, names }) });
  } else if (r.doc !== undefined) {
    const doc = r.doc;
    if (doc.objective !== undefined && doc.params.length > 0) {
      const objective = doc.objective, store = doc.trainingStore(), tape = new Tape();
      const at0 = Array.from(store.snapshot());
      const run = (x: number[]): ParamStore => {
        store.restore(x);
        tape.clear();
        const out = objective(tape, store);
        tape.backward(out);
        store.gather(tape);
        return store;
      };
      const fv = (x: number[]): number => {
        store.restore(x);
        tape.clear();
        return tape.val[objective(tape, store)];
      };
      const df = (x: number[]): number[] => Array.from(run(x).grads.subarray(0, x.length));
      checks.push({ what: `∂${doc.targetName ?? "target"}/∂params`, report: checkDerivative(fv, df, at0, { eps, names: doc.params.map((q) => q.name) }) });
    }
    for (const g of doc.gradchecks) checks.push({ what: `gradcheck at ${r.file}:${g.line}:${g.column}`, report: g });
  }
  // Analytic and numeric sides may differ at a kink; say so where it happens (rows of gradcheck() calls have notes).
  if (r.warnings.some((w) => /not differentiable/.test(w))) {
    for (const c of checks.slice(0, 1)) {
      c.report = { ...c.report, rows: c.report.rows.map((row) => ({ ...row, note: row.note || "relu/abs at exactly 0: not differentiable there, the convention gives 0" })) };
    }
  }
  const pass = checks.every((c) => c.report.pass);
  if (p.flags.has("json")) {
    print(JSON.stringify({ pass, checks: checks.map((c) => ({ what: c.what, pass: c.report.pass, rows: c.report.rows })) }));
  } else {
    for (const c of checks) {
      print(`${c.report.pass ? "PASS" : "FAIL"}  ${c.what}`);
      for (const row of c.report.rows) {
        print(`  ${row.pass ? "✓" : "✗"} ${row.name}: analytic ${num(row.analytic)}  numeric ${num(row.numeric)}  abs ${err(row.absError)}  rel ${err(row.relError)}${row.note ? `  (${row.note})` : ""}`);
      }
    }
    if (checks.length === 0) print("nothing to check (no free names, params or gradcheck calls)");
  }
  return pass ? 0 : 1;
}
