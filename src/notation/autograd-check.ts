// Runs anywhere: "check my autograd". After a top-level `root.backward()` on an object of a class the file defines
// (holding a number in `value`/`data`/`v`/`val` and a gradient in `grad`/`g`), every such object's gradient is
// compared with the engine's derivative of root's number with respect to that object's number. The file is run a
// second time, on a scratch tape, with every number stored in such a field made a graph node (the first run keeps
// its exact numbers: ints stay ints), up to and including that statement; the engine's backward from root's node
// then gives the true derivatives. The result is a "backward" check at the call (report, CodeLens, `gradlens
// check`), and the first object where the learner's backward went wrong is named at the line that made it.
import { Rng } from "../engine";
import { GRADCHECK_ATOL, GRADCHECK_RTOL, closeEnough } from "../engine/gradcheck";
import { ClassFn, Instance } from "./classes";
import { GradLensError, lineCol, warning } from "./errors";
import { evalExpr } from "./expressions";
import type { Interp } from "./interp";
import { newInterp } from "./run";
import { exec, hoist } from "./statements";
import type { Call, Expr, Program, Stmt } from "./tree";
import { Num, type Value } from "./values";

export const VALUE_FIELDS = ["value", "data", "v", "val"];
export const GRAD_FIELDS = ["grad", "g"];

/** `root.backward()` as a top-level statement: the receiver, else undefined. */
export function backwardCall(s: Stmt): Expr | undefined {
  if (s.kind !== "expr" || s.expr.kind !== "call") return undefined;
  const c: Call = s.expr;
  return c.callee.kind === "member" && c.callee.name === "backward" && c.args.length === 0 ? c.callee.object : undefined;
}

function field(o: Instance, names: readonly string[]): string | undefined {
  return names.find((n) => o.props.has(n));
}

/** An object of a class the file defines, with a number field and a gradient field. */
function isUserObject(v: Value): v is Instance {
  return v instanceof Instance && v.cls.env !== undefined && !v.cls.isModule() && field(v, VALUE_FIELDS) !== undefined && field(v, GRAD_FIELDS) !== undefined;
}

/** The program's statement k was `root.backward()` on a user object (in ip's run): check it. */
export function checkAutograd(ip: Interp, program: Program, k: number, root: Value): void {
  if (!ip.runChecks || !isUserObject(root)) return;
  const s = program.body[k], recv = backwardCall(s) as Expr;
  let t: Interp;
  let rootObj: Value;
  try {
    t = newInterp(program, ip.doc, ip.bounds);
    if (ip.seedOverride !== undefined) {
      t.seedOverride = ip.seedOverride;
      t.rng = new Rng(ip.seedOverride);
    }
    t.runChecks = false;
    t.traced = [];
    hoist(program.body, t.scope);
    for (let i = 0; i < k; i++) exec(t, program.body[i]);
    rootObj = evalExpr(t, recv);
    if (!isUserObject(rootObj)) return;
    const node = valueNode(t, rootObj);
    if (node === undefined) return;
    exec(t, s);
    t.tape.backward(node);
    report(ip, t, s, node);
  } catch (e) {
    // The check's own run failing (a bound, a difference in what the program does) leaves the check out.
    if (!(e instanceof GradLensError) && !(e instanceof RangeError)) throw e;
  }
}

function valueNode(t: Interp, o: Instance): number | undefined {
  const v = o.props.get(field(o, VALUE_FIELDS) as string);
  return v instanceof Num && v.tape === t.tape ? v.node : undefined;
}

function plainOf(v: Value): number {
  return typeof v === "number" ? v : v instanceof Num ? v.value : typeof v === "boolean" ? Number(v) : NaN;
}

/** The nodes root's number was computed from (a reverse walk of the tape's inputs). */
function ancestors(t: Interp, root: number): Set<number> {
  const tape = t.tape, seen = new Set<number>([root]), stack = [root];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let e = tape.start[i]; e < tape.start[i + 1]; e++) {
      const j = tape.in[e];
      if (!seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return seen;
}

/** The method of the file's classes whose body holds offset (`Var.__mul__`), for the message. */
function methodAt(o: Instance, offset: number): { name: string; start: number } | undefined {
  for (let c: ClassFn | undefined = o.cls; c !== undefined; c = c.parent) {
    for (const [name, m] of c.methods) {
      const decl = (m as { decl?: { start: number; end: number } }).decl;
      if (decl !== undefined && decl.start <= offset && offset < decl.end) return { name, start: decl.start };
    }
  }
  return undefined;
}

interface Row {
  obj: Instance;
  node: number;
  learner: number;
  truth: number;
  pass: boolean;
}

function report(ip: Interp, t: Interp, s: Stmt, root: number): void {
  const tape = t.tape, graph = ancestors(t, root), rows: Row[] = [];
  const seen = new Set<number>();
  for (const o of t.traced ?? []) {
    if (!isUserObject(o)) continue;
    const node = valueNode(t, o);
    if (node === undefined || !graph.has(node) || seen.has(node)) continue;
    seen.add(node);
    const learner = plainOf(o.props.get(field(o, GRAD_FIELDS) as string)), truth = tape.grad[node];
    rows.push({ obj: o, node, learner, truth, pass: closeEnough(learner, truth, GRADCHECK_ATOL, GRADCHECK_RTOL) });
  }
  if (rows.length === 0) return;
  rows.sort((a, b) => a.node - b.node);
  ip.learnerGraph ??= { tape, root, claims: new Map(rows.map((r) => [r.node, r.learner])) };
  const line = (o: Instance): number => lineCol(ip.doc, o.site?.start ?? s.start).line;
  // An object a top-level name holds is called by that name (`w1`); others by their binding path or class.
  const byName = new Map<Value, string>();
  for (const [k, b] of t.scope.vars) if (b.value instanceof Instance && !byName.has(b.value)) byName.set(b.value, k);
  const name = (o: Instance, r: Row): string => `${byName.get(o) ?? o.path} (line ${line(o)})${r.node === root ? ", the root" : ""}`;
  ip.recordCheck(s, "backward", rows.map((r) => ({
    name: name(r.obj, r), analytic: r.learner, numeric: r.truth, absError: Math.abs(r.learner - r.truth),
    relError: Math.abs(r.learner - r.truth) / Math.max(Math.abs(r.truth), 1e-12), pass: r.pass,
    note: r.pass ? "" : "your backward's gradient differs from the true derivative",
  })), "your autograd's gradients differ from the engine's: ", "yours");
  // The first wrong gradient going back from the root: where the learner's backward first went wrong.
  const wrong = [...rows].reverse().find((r) => !r.pass);
  if (wrong === undefined) return;
  // The first later row computed from it: one forward pass marks what wrong's node reaches (inputs come first).
  const last = rows[rows.length - 1].node, reach = new Uint8Array(last + 1);
  reach[wrong.node] = 1;
  for (let i = wrong.node + 1; i <= last; i++) {
    for (let e = tape.start[i]; e < tape.start[i + 1]; e++) if (reach[tape.in[e]]) { reach[i] = 1; break; }
  }
  const consumer = rows.find((r) => r.node > wrong.node && reach[r.node] === 1);
  const op = consumer?.obj.site !== undefined ? methodAt(consumer.obj, consumer.obj.site.start) : undefined;
  const gradField = field(wrong.obj, GRAD_FIELDS) as string;
  const who = consumer !== undefined && tape.in[tape.start[consumer.node]] === wrong.node ? "self" : consumer !== undefined ? "other" : "self";
  const at = op !== undefined ? lineCol(ip.doc, op.start).line : line(wrong.obj);
  const fmt = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(Number(x.toPrecision(6))));
  const msg = `${op !== undefined ? `your \`${op.name}\` backward` : "your backward"}: \`${who}.${gradField}\` got ${fmt(wrong.learner)}, the true value is ${fmt(wrong.truth)} (line ${at})`;
  const site = wrong.obj.site ?? s;
  ip.warnings.push(warning(msg, site.start, site.end, ip.doc));
}
