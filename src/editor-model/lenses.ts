// Runs anywhere (extension host, tests): where CodeLenses stand in a `.nn.ts` file: above the target's statement
// and above each gradcheck(...) call, with the check's verdict.
import type * as TS from "typescript";
import type { DocumentResult } from "../notation";
import { ts } from "../notation/parse";
import { formatNumber } from "../view/format";

export interface LensModel {
  /** Offset of the statement the lens stands above. */
  offset: number;
  kind: "target" | "gradcheck";
  /** For gradcheck lenses: "✓ gradcheck passed" or "✗ gradcheck failed (x)". */
  verdict?: string;
}

/** The top-level statement that declares `name` (or the last top-level statement holding the target node). */
export function targetStatement(r: DocumentResult, sf: TS.SourceFile): TS.Statement | undefined {
  const t = ts();
  if (r.target === undefined) return undefined;
  const name = r.targetName;
  if (name !== undefined) {
    const decl = sf.statements.find((s) => t.isVariableStatement(s) && s.declarationList.declarations.some((d) => t.isIdentifier(d.name) && d.name.text === name));
    if (decl !== undefined) return decl;
  }
  const src = r.tape.source(r.target);
  if (src === undefined) return undefined;
  return sf.statements.find((s) => s.getStart(sf) <= src.start && src.start < s.end);
}

export function lensesOf(r: DocumentResult, sf: TS.SourceFile, digits: number): LensModel[] {
  const out: LensModel[] = [];
  const st = targetStatement(r, sf);
  if (st !== undefined) out.push({ offset: st.getStart(sf), kind: "target" });
  for (const g of r.gradchecks) {
    const worst = g.rows.reduce((m, x) => Math.max(m, x.relError), 0);
    const bad = g.rows.filter((x) => !x.pass).map((x) => x.name);
    const verdict = g.pass ? `✓ gradcheck passed (max rel. error ${formatNumber(worst, Math.min(digits, 3))})` : `✗ gradcheck failed (${bad.join(", ")})`;
    out.push({ offset: g.start, kind: "gradcheck", verdict });
  }
  return out;
}
