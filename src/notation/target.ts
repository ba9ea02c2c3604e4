// Runs anywhere: running a whole program (a selection or a `.nn.ts` file) and choosing its gradient target: the
// top-level `loss`, else the last top-level declaration or expression statement whose value is a number; a
// `// @target` comment on the line above a declaration overrides both.
import { backwardCall, checkAutograd } from "./autograd-check";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { Completion, exec, hoist } from "./statements";
import { asNumber } from "./tensors";
import type { Program, Span, Stmt, Target as AssignTarget } from "./tree";
import { patternNames, targetNames } from "./walk";
import { Tensor, isNumber, type Num, type Value } from "./values";

export interface Target {
  value: number | Num;
  /** The variable it is bound to, when it is one. */
  name: string | undefined;
  /** The statement it comes from. */
  site: Span;
}

type Candidate = { kind: "expr"; value: Value; site: Span } | { kind: "decl"; names: string[]; site: Span };

/** Why a program has no target, when a better word than "nothing evaluates to a number" applies. */
export interface NoTarget {
  /** "`loss` is a [4,1] tensor, not a number; …" */
  reason: string;
  site: Span;
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

/** The names a top-level statement binds (a declaration's, a Python assignment's), or undefined for others. */
function boundNames(s: Stmt): string[] | undefined {
  if (s.kind === "declare") return s.decls.flatMap((d) => patternNames(d.target).map((n) => n.name));
  if (s.kind === "assignStmt") return s.targets.flatMap((t: AssignTarget) => targetNames(t).map((n) => n.name));
  return undefined;
}

/** Run the program's top-level statements, then pick the target (undefined when nothing is a number). */
export function runProgram(ip: Interp, program: Program): Target | undefined {
  const scope = ip.scope;
  hoist(program.body, scope);
  const candidates: Candidate[] = [];
  let marked: Candidate | undefined;
  for (let k = 0; k < program.body.length; k++) {
    const s = program.body[k];
    if (s.kind === "expr") {
      ip.tick(s);
      candidates.push({ kind: "expr", value: evalExpr(ip, s.expr), site: s });
      // `root.backward()` on the file's own autograd objects: check their gradients (a plain name is read again).
      const recv = backwardCall(s);
      if (recv !== undefined && recv.kind === "name") checkAutograd(ip, program, k, evalExpr(ip, recv));
      continue;
    }
    const c = exec(ip, s);
    if (c === Completion.Break || c === Completion.Continue) throw ip.error("`break`/`continue` outside a loop", s);
    const names = boundNames(s);
    if (names !== undefined) {
      const cand: Candidate = { kind: "decl", names, site: s };
      candidates.push(cand);
      if (s.kind !== "unsupported" && s.marked === true) marked = cand;
    }
  }
  const read = (c: Candidate): Target | undefined => {
    if (c.kind === "expr") {
      const v = asNumber(ip, c.value);
      return isNumber(v) ? { value: v, name: undefined, site: c.site } : undefined;
    }
    for (let i = c.names.length - 1; i >= 0; i--) {
      const v0 = scope.vars.get(c.names[i])?.value, v = v0 === undefined ? v0 : asNumber(ip, v0);
      if (v !== undefined && isNumber(v)) return { value: v, name: c.names[i], site: c.site };
    }
    return undefined;
  };
  /** A tensor where the target would be: the reason there is none. */
  const tensorIn = (c: Candidate): string | undefined => {
    if (c.kind === "expr") return tensorReason(c.value, undefined);
    for (const n of c.names) {
      const why = tensorReason(scope.vars.get(n)?.value, n);
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
  const loss0 = scope.vars.get("loss")?.value, loss = loss0 === undefined ? loss0 : asNumber(ip, loss0);
  const lossSite = candidates.find((c) => c.kind === "decl" && c.names.includes("loss"))?.site ?? program;
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
