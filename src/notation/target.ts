// Runs anywhere: running a whole program (a selection or a `.nn.ts` file) and choosing its gradient target: the
// top-level `loss`, else the last top-level declaration or expression statement whose value is a number; a
// `// @target` comment on the line above a declaration overrides both.
import type * as TS from "typescript";
import { lineCol } from "./errors";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { ts } from "./parse";
import { Completion, exec, hoist } from "./statements";
import { asNumber } from "./tensors";
import { Tensor, isNumber, type Value } from "./values";

export interface Target {
  value: number | import("./values").Num;
  /** The variable it is bound to, when it is one. */
  name: string | undefined;
  /** The statement it comes from. */
  site: TS.Node;
}

function declaredNames(b: TS.BindingName, out: string[]): string[] {
  const t = ts();
  if (t.isIdentifier(b)) out.push(b.text);
  else for (const e of b.elements) if (!t.isOmittedExpression(e)) declaredNames(e.name, out);
  return out;
}

function markedTarget(sf: TS.SourceFile, s: TS.Statement): boolean {
  const ranges = ts().getLeadingCommentRanges(sf.text, s.pos) ?? [];
  const line = lineCol(sf.text, s.getStart(sf)).line;
  return ranges.some((r) => /^\/\/\s*@target\b/.test(sf.text.slice(r.pos, r.end)) && lineCol(sf.text, r.pos).line === line - 1);
}

type Candidate = { kind: "expr"; value: Value; site: TS.Node } | { kind: "decl"; names: string[]; site: TS.Node };

/** Why a program has no target, when a better word than "nothing evaluates to a number" applies. */
export interface NoTarget {
  /** "`loss` is a [4,1] tensor, not a number; …" */
  reason: string;
  site: TS.Node;
}

const noTargets = new WeakMap<Interp, NoTarget>();

/** Why the last runProgram on ip found no target, when a tensor stood where a number was wanted. */
export function noTargetReason(ip: Interp): NoTarget | undefined {
  return noTargets.get(ip);
}

/** "`loss` is a [4,1] tensor, …" for a tensor of more than one element (one element reads as a number). */
function tensorReason(v: Value | undefined, name: string | undefined): string | undefined {
  if (!(v instanceof Tensor) || v.size === 1) return undefined;
  const what = name === undefined ? "the value" : `\`${name}\``, arg = name ?? "…";
  return `${what} is a [${v.shape.join(",")}] tensor, not a number: reduce it to one with \`sum(${arg})\` or \`mean(${arg})\``;
}

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
      for (const d of s.declarationList.declarations) declaredNames(d.name, names);
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
  /** A tensor where the target would be: the reason there is none. */
  const tensorIn = (c: Candidate): string | undefined => {
    if (c.kind === "expr") return tensorReason(c.value, undefined);
    for (const n of c.names) {
      const why = tensorReason(program.vars.get(n)?.value, n);
      if (why !== undefined) return why;
    }
    return undefined;
  };
  if (marked !== undefined) {
    const m = read(marked);
    if (m === undefined) {
      const why = tensorIn(marked);
      throw ip.error(`the \`// @target\` declaration is not a number${why === undefined ? "" : ` (${why})`}`, marked.site);
    }
    return m;
  }
  const loss0 = program.vars.get("loss")?.value, loss = loss0 === undefined ? loss0 : asNumber(ip, loss0);
  const lossSite = candidates.find((c) => c.kind === "decl" && c.names.includes("loss"))?.site ?? sf;
  if (loss !== undefined && isNumber(loss)) return { value: loss, name: "loss", site: lossSite };
  for (let i = candidates.length - 1; i >= 0; i--) {
    const r = read(candidates[i]);
    if (r !== undefined) return r;
  }
  const lossWhy = tensorReason(loss0, "loss");
  if (lossWhy !== undefined) noTargets.set(ip, { reason: lossWhy, site: lossSite });
  else {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const why = tensorIn(candidates[i]);
      if (why === undefined) continue;
      noTargets.set(ip, { reason: why, site: candidates[i].site });
      break;
    }
  }
  return undefined;
}
