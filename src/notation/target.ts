// Runs anywhere: running a whole program (a selection or a `.nn.ts` file) and choosing its gradient target: the
// top-level `loss`, else the last top-level declaration or expression statement whose value is a number; a
// `// @target` comment on the line above a declaration overrides both.
import type * as TS from "typescript";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { ts } from "./parse";
import { Completion, exec, hoist } from "./statements";
import { asNumber } from "./tensors";
import { isNumber, type Value } from "./values";
import { patternNames } from "./walk";

export interface Target {
  value: number | import("./values").Num;
  /** The variable it is bound to, when it is one. */
  name: string | undefined;
  /** The statement it comes from. */
  site: TS.Node;
}


/** A `// @target` comment on the line just above s (counted between the two: a file of 10,000 statements stays linear). */
function markedTarget(sf: TS.SourceFile, s: TS.Statement): boolean {
  const text = sf.text, ranges = ts().getLeadingCommentRanges(text, s.pos) ?? [];
  return ranges.some((r) => /^\/\/\s*@target\b/.test(text.slice(r.pos, r.end)) && newlines(text, r.pos, s.getStart(sf)) === 1);
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

type Candidate = { kind: "expr"; value: Value; site: TS.Node } | { kind: "decl"; names: string[]; site: TS.Node };

/** Run the program's top-level statements, then pick the target (undefined when nothing is a number). */
export function runProgram(ip: Interp, sf: TS.SourceFile): Target | undefined {
  const t = ts();
  const program = ip.scope;
  hoist(sf.statements, program);
  const candidates: Candidate[] = [];
  let marked: Candidate | undefined;
  for (const s of sf.statements) {
    if (t.isExpressionStatement(s)) {
      ip.tick(s);
      candidates.push({ kind: "expr", value: evalExpr(ip, s.expression), site: s });
      continue;
    }
    const c = exec(ip, s);
    if (c === Completion.Break || c === Completion.Continue) throw ip.error("`break`/`continue` outside a loop", s);
    if (t.isVariableStatement(s)) {
      const names: string[] = [];
      for (const d of s.declarationList.declarations) for (const id of patternNames(d.name)) names.push(id.text);
      const cand: Candidate = { kind: "decl", names, site: s };
      candidates.push(cand);
      if (markedTarget(sf, s)) marked = cand;
    }
  }
  const read = (c: Candidate): Target | undefined => {
    if (c.kind === "expr") {
      const v = asNumber(ip, c.value);
      return isNumber(v) ? { value: v, name: undefined, site: c.site } : undefined;
    }
    for (let i = c.names.length - 1; i >= 0; i--) {
      const v0 = program.vars.get(c.names[i])?.value, v = v0 === undefined ? v0 : asNumber(ip, v0);
      if (v !== undefined && isNumber(v)) return { value: v, name: c.names[i], site: c.site };
    }
    return undefined;
  };
  if (marked !== undefined) {
    const m = read(marked);
    if (m === undefined) throw ip.error("the `// @target` declaration is not a number", marked.site);
    return m;
  }
  const loss0 = program.vars.get("loss")?.value, loss = loss0 === undefined ? loss0 : asNumber(ip, loss0);
  if (loss !== undefined && isNumber(loss)) {
    const site = candidates.find((c) => c.kind === "decl" && c.names.includes("loss"))?.site ?? sf;
    return { value: loss, name: "loss", site };
  }
  for (let i = candidates.length - 1; i >= 0; i--) {
    const r = read(candidates[i]);
    if (r !== undefined) return r;
  }
  return undefined;
}
