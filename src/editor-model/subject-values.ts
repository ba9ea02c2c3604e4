// Runs anywhere (extension host, tests): from a name, operator or call of a `.nn.ts` file to the values and
// gradients the evaluation gave it: a param, the target, or one reading per evaluation (a name inside `forward`
// is evaluated once per data row).
import { Op } from "../engine";
import type { DocumentResult } from "../notation";
import type { Call, Expr, FunctionExpr, Member, Name, Program } from "../notation/tree";
import { walk } from "../notation/tree-walk";
import { boundSite, functionName } from "./binding-sites";
import { calleeName, callResults, declarationFor, lastOfRuns, nodesWithRange, topLevel, type Subject } from "./query";
import { ancestorsOf, type Source } from "./source";
import { declaredValue, resolveBound } from "./logged-values";
import { labelArguments, reading, type Local, type Reading, type Resolved, type TensorItem } from "./readings";

/** Readings that are all tensor nodes as a "tensor" result; undefined when any is a plain number. */
function tensorReadings(r: DocumentResult, what: "name" | "call" | "operator", readings: Reading[]): Resolved | undefined {
  if (readings.length === 0 || !readings.every((x) => r.tape.isTensor(x.node))) return undefined;
  return { kind: "tensor", what, items: readings.map((x) => ({ name: x.call, node: x.node })) };
}

/** Tensor params whose name is `name` or ends in `.name` (`this.W1`, `model.W1` → `model.W1`). */
function tensorParams(r: DocumentResult, name: string): TensorItem[] {
  const out: TensorItem[] = [];
  for (const p of r.params) {
    if (p.node < 0 || !r.tape.isTensor(p.node)) continue;
    const base = p.name.replace(/(\[\d+\])+$/, "");
    if (base === name || base.endsWith(`.${name}`)) out.push({ name: base, node: p.node });
  }
  return out;
}

/** Right-hand sides of `obj.name = …` anywhere in the file (a field set in a constructor or method). */
function fieldAssignments(program: Program, name: string): Expr[] {
  const out: Expr[] = [];
  walk(program, (n) => {
    if (n.kind === "assignExpr" && n.op === undefined && n.target.kind === "member" && n.target.name === name) out.push(n.value);
    if (n.kind === "assignStmt" && n.op === undefined && n.targets.some((t) => t.kind === "member" && t.name === name)) out.push(n.value);
  });
  return out;
}

/** Top-level calls named `name` (`f(…)`, `obj.name(…)`), in source order, not inside functions or classes. */
function topLevelCalls(program: Program, name: string): Call[] {
  const out: Call[] = [];
  topLevel(program, (n) => {
    if (n.kind === "call" && calleeName(n.callee) === name) out.push(n);
  });
  return out;
}

/**
 * The result of a top-level call such as `model.forward(X)`, which records no node under its own range: the k-th
 * top-level call group of that name, when the file's top-level calls of that name and the groups match one to one.
 */
function topLevelCallResult(r: DocumentResult, program: Program, call: Call): Reading[] {
  const name = calleeName(call.callee);
  if (name === undefined) return [];
  const sites = topLevelCalls(program, name), k = sites.indexOf(call);
  const results = callResults(r.tape, name).filter((c) => r.tape.groups[c.group].parent === -1);
  return k >= 0 && sites.length === results.length ? [reading(r, results[k].node, results[k].label)] : [];
}

/** The function whose parameter `id` names, with the parameter's index; undefined when it is not one. */
function parameterOf(program: Program, id: Name): { fn: string; index: number } | undefined {
  for (const n of ancestorsOf(program, id)) {
    if (n.kind !== "function") continue;
    const index = n.params.findIndex((p) => p.target.kind === "name" && p.target.name === id.name);
    if (index < 0) continue;
    const fn = functionName(program, n);
    return fn === undefined ? undefined : { fn, index };
  }
  return undefined;
}

function readingsOf(r: DocumentResult, start: number, end: number): Reading[] {
  const T = r.tape, ids = nodesWithRange(r.tape, start, end);
  // A tensor op records its constant operands (the 2 of `sse(…) / 2`) under the same range: they are not its result.
  const isConst = (i: number) => T.isTensor(i) && T.opName(i) === "const";
  const kept = ids.some((i) => !isConst(i)) ? ids.filter((i) => !isConst(i)) : ids;
  return lastOfRuns(kept).map((n) => reading(r, n));
}

function isFunctionValue(e: Expr): boolean {
  return e.kind === "function";
}

/** Local derivatives ∂node/∂input of a node's inputs, each named by its operand's source text when known. */
export function localsOf(r: DocumentResult, node: number, text: string, operands: readonly string[] = []): Local[] {
  const t = r.tape, out: Local[] = [];
  const own = t.source(node);
  for (let k = t.start[node], j = 0; k < t.start[node + 1]; k++, j++) {
    const input = t.in[k], src = t.source(input);
    const fromSource = src !== undefined && !(own !== undefined && src.start === own.start && src.end === own.end) ? text.slice(src.start, src.end) : undefined;
    const name = operands[j] ?? t.names.get(input) ?? fromSource ?? String(t.val[input]);
    out.push({ input: name.length > 40 ? `${name.slice(0, 37)}…` : name, node: input, derivative: t.local[k] });
  }
  return out;
}

/** A `param(…)` call that made several params (in a loop, per instance): each by its name, not by its call. */
function paramsMade(r: DocumentResult, readings: Reading[]): Resolved | undefined {
  if (readings.length < 2 || !readings.every((x) => r.tape.op[x.node] === Op.Param)) return undefined;
  const byNode = new Map(r.params.map((p) => [p.node, p]));
  const items = readings.map((x) => byNode.get(x.node));
  if (items.some((p) => p === undefined)) return undefined;
  return { kind: "params", items: items.map((p) => ({ name: p!.name, node: p!.node, value: p!.value, grad: p!.grad })) };
}

export function resolveSubject(r: DocumentResult, src: Source, s: Subject): Resolved | undefined {
  const text = src.text;
  if (s.kind === "operator") {
    const readings = readingsOf(r, s.expr.start, s.expr.end);
    return tensorReadings(r, "operator", readings)
      ?? (readings.length ? { kind: "readings", what: "operator", readings, locals: readings.map((x) => localsOf(r, x.node, text, s.operands)) } : undefined);
  }
  if (s.kind === "call") {
    let readings = readingsOf(r, s.expr.start, s.expr.end);
    if (readings.length === 0) readings = topLevelCallResult(r, src.program, s.expr);
    if (readings.length === 0) readings = callResults(r.tape, s.name).map((c) => reading(r, c.node, c.label));
    return tensorReadings(r, "call", readings) ?? paramsMade(r, readings)
      ?? (readings.length ? { kind: "readings", what: "call", readings, locals: [] } : undefined);
  }
  return resolveName(r, src, s.node, s.element);
}

export function resolveName(r: DocumentResult, src: Source, id: Name | Member | FunctionExpr, element?: number): Resolved | undefined {
  const program = src.program, name = id.kind === "function" ? id.name ?? "" : id.name;
  // A pattern's element or a loop variable (lexically the nearest binding of the name): the values the run logged.
  const site = id.kind === "name" ? boundSite(program, id) : undefined;
  const bound = site === undefined ? undefined : resolveBound(r, site);
  if (bound !== undefined) return bound;
  const exact = r.params.find((p) => p.name === (element !== undefined ? `${name}[${element}]` : name));
  if (exact !== undefined) return { kind: "param", name: exact.name, node: exact.node, value: exact.value, grad: exact.grad };
  if (r.targetName === name && r.target !== undefined && r.value !== undefined) {
    if (r.tape.isTensor(r.target)) return { kind: "tensor", what: "target", items: [{ name, node: r.target }] };
    return { kind: "target", name, node: r.target, value: r.value };
  }
  const tensors = tensorParams(r, name);
  if (tensors.length > 0) return { kind: "tensor", what: "param", items: tensors };
  const items = r.params.filter((p) => p.name.startsWith(`${name}[`) || p.name.startsWith(`${name}.`));
  if (items.length > 0) return { kind: "params", items: items.map(({ name: n, node, value, grad }) => ({ name: n, node, value, grad })) };
  const param = id.kind === "name" ? parameterOf(program, id) : undefined;
  if (param !== undefined) {
    const values = callResults(r.tape, param.fn).map((c) => ({ call: c.label, value: labelArguments(c.label)[param.index] ?? "undefined" }));
    return values.length ? { kind: "arguments", fn: param.fn, values } : undefined;
  }
  if (id.kind === "member") {
    // A field (`this.z`): what the file assigned to it, when that made tensor nodes.
    const readings = fieldAssignments(program, name).flatMap((e) => readingsOf(r, e.start, e.end));
    return tensorReadings(r, "name", readings);
  }
  if (id.kind === "function") return callReadings(r, name);
  const decl = declarationFor(src, id);
  if (decl === undefined) return undefined;
  if (decl.kind === "fn" || (decl.init !== undefined && isFunctionValue(decl.init))) {
    // One reading per call; a variable holding a function never called reads as its declared value.
    return callReadings(r, name) ?? (decl.kind === "var" ? declaredValue(r, program, decl, id) : undefined);
  }
  let readings: Reading[] = [];
  if (decl.init !== undefined) {
    const e = decl.init;
    readings = readingsOf(r, e.start, e.end);
    if (readings.length === 0 && e.kind === "call") readings = topLevelCallResult(r, program, e).filter((x) => r.tape.isTensor(x.node));
    if (readings.every((x) => r.tape.op[x.node] === Op.Param && !r.tape.isTensor(x.node))) {
      // A model or a structure of params: the params whose leaves were made inside the initializer.
      const from = e.start, to = e.end;
      const inside = r.params.filter((p) => {
        const src2 = p.node >= 0 ? r.tape.source(p.node) : undefined;
        return src2 !== undefined && src2.start >= from && src2.end <= to;
      });
      if (inside.length > 0) return { kind: "params", items: inside.map(({ name: n, node, value, grad }) => ({ name: n, node, value, grad })) };
      readings = [];
    }
  }
  if (readings.length === 0) return declaredValue(r, program, decl, id);
  return tensorReadings(r, "name", readings) ?? (readings.length ? { kind: "readings", what: "name", readings, locals: [] } : undefined);
}

/** A function's name (where it is declared): one reading per call. */
function callReadings(r: DocumentResult, name: string): Resolved | undefined {
  const readings = callResults(r.tape, name).map((c) => reading(r, c.node, c.label));
  return tensorReadings(r, "name", readings) ?? (readings.length ? { kind: "readings", what: "name", readings, locals: [] } : undefined);
}
