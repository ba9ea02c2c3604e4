// Runs anywhere (extension host, tests): where CodeLenses stand in a `.nn.ts` file: above the target's statement
// and above each gradcheck(...) call, with the check's verdict.
import type { DocumentResult } from "../notation";
import type { Stmt } from "../notation/tree";
import { targetNames } from "../notation/walk";
import { formatNumber } from "../view/format";
import type { Source } from "./source";

export interface LensModel {
  /** Offset of the statement the lens stands above. */
  offset: number;
  kind: "target" | "gradcheck";
  /** For gradcheck lenses: "✓ gradcheck passed" or "✗ gradcheck failed (x)". */
  verdict?: string;
}

/** The top-level statement that declares `name` (or the last top-level statement holding the target node). */
export function targetStatement(r: DocumentResult, src: Source): Stmt | undefined {
  if (r.target === undefined) return undefined;
  const name = r.targetName, body = src.program.body;
  if (name !== undefined) {
    const decl = body.find((s) => (s.kind === "declare" && s.decls.some((d) => d.target.kind === "name" && d.target.name === name))
      || (s.kind === "assignStmt" && s.targets.some((t) => targetNames(t).some((n) => n.name === name))));
    if (decl !== undefined) return decl;
  }
  const at = r.tape.source(r.target);
  if (at === undefined) return undefined;
  return body.find((s) => s.start <= at.start && at.start < s.end);
}

export function lensesOf(r: DocumentResult, src: Source, digits: number): LensModel[] {
  const out: LensModel[] = [];
  const st = targetStatement(r, src);
  if (st !== undefined) out.push({ offset: st.start, kind: "target" });
  for (const g of r.gradchecks) {
    const worst = g.rows.reduce((m, x) => Math.max(m, x.relError), 0);
    const bad = g.rows.filter((x) => !x.pass).map((x) => x.name);
    const verdict = g.pass ? `✓ gradcheck passed (max rel. error ${formatNumber(worst, Math.min(digits, 3))})` : `✗ gradcheck failed (${bad.join(", ")})`;
    out.push({ offset: g.start, kind: "gradcheck", verdict });
  }
  return out;
}
