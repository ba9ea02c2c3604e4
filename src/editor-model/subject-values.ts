// Runs anywhere (extension host, tests): from a name, operator or call of a `.nn.ts` file to the values and
// gradients the evaluation gave it: a param, the target, or one reading per evaluation (a name inside `forward`
// is evaluated once per data row).
import type * as TS from "typescript";
import { Op } from "../engine";
import type { DocumentResult } from "../notation";
import { ts } from "../notation/parse";
import { eachNode } from "../notation/typescript/walk";
import { boundSite, functionName } from "./binding-sites";
import { bareExpression, callResults, declarationFor, lastOfRuns, nodesWithRange, type Subject } from "./query";
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
function fieldAssignments(sf: TS.SourceFile, name: string): TS.Expression[] {
  const t = ts(), out: TS.Expression[] = [];
  eachNode(sf, (n) => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.name.text === name) out.push(n.right);
  });
  return out;
}

/** Top-level calls named `name` (`f(…)`, `obj.name(…)`), in source order, not inside functions or classes. */
function topLevelCalls(sf: TS.SourceFile, name: string): TS.CallExpression[] {
  const t = ts(), out: TS.CallExpression[] = [];
  eachNode(sf, (n) => {
    if (t.isFunctionLike(n) || t.isClassLike(n)) return false;
    if (t.isCallExpression(n) && calleeText(n) === name) out.push(n);
    return true;
  });
  return out;
}

function calleeText(c: TS.CallExpression): string | undefined {
  const t = ts(), e = c.expression;
  return t.isIdentifier(e) ? e.text : t.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

/**
 * The result of a top-level call such as `model.forward(X)`, which records no node under its own range: the k-th
 * top-level call group of that name, when the file's top-level calls of that name and the groups match one to one.
 */
function topLevelCallResult(r: DocumentResult, sf: TS.SourceFile, call: TS.CallExpression): Reading[] {
  const name = calleeText(call);
  if (name === undefined) return [];
  const sites = topLevelCalls(sf, name), k = sites.indexOf(call);
  const results = callResults(r.tape, name).filter((c) => r.tape.groups[c.group].parent === -1);
  return k >= 0 && sites.length === results.length ? [reading(r, results[k].node, results[k].label)] : [];
}

/** The function whose parameter `id` names, with the parameter's index; undefined when it is not one. */
function parameterOf(id: TS.Identifier): { fn: string; index: number } | undefined {
  const t = ts();
  for (let n: TS.Node | undefined = id.parent; n !== undefined; n = n.parent) {
    if (!t.isFunctionLike(n)) continue;
    const index = n.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === id.text);
    if (index < 0) continue;
    const fn = functionName(n);
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

function isFunctionValue(e: TS.Expression): boolean {
  const t = ts();
  return t.isArrowFunction(e) || t.isFunctionExpression(e);
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

export function resolveSubject(r: DocumentResult, sf: TS.SourceFile, s: Subject): Resolved | undefined {
  const text = sf.text;
  if (s.kind === "operator") {
    const readings = readingsOf(r, s.expr.getStart(sf), s.expr.end);
    const t = ts(), e = s.expr;
    const operands = t.isBinaryExpression(e) ? [e.left.getText(sf), e.right.getText(sf)]
      : t.isPrefixUnaryExpression(e) || t.isPostfixUnaryExpression(e) ? [e.operand.getText(sf)] : [];
    return tensorReadings(r, "operator", readings)
      ?? (readings.length ? { kind: "readings", what: "operator", readings, locals: readings.map((x) => localsOf(r, x.node, text, operands)) } : undefined);
  }
  if (s.kind === "call") {
    let readings = readingsOf(r, s.expr.getStart(sf), s.expr.end);
    if (readings.length === 0) readings = topLevelCallResult(r, sf, s.expr);
    if (readings.length === 0) readings = callResults(r.tape, s.name).map((c) => reading(r, c.node, c.label));
    return tensorReadings(r, "call", readings) ?? paramsMade(r, readings)
      ?? (readings.length ? { kind: "readings", what: "call", readings, locals: [] } : undefined);
  }
  return resolveName(r, sf, s.node, s.element);
}

export function resolveName(r: DocumentResult, sf: TS.SourceFile, id: TS.Identifier, element?: number): Resolved | undefined {
  const name = id.text;
  // A pattern's element or a loop variable (lexically the nearest binding of the name): the values the run logged.
  const site = boundSite(id);
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
  const param = parameterOf(id);
  if (param !== undefined) {
    const values = callResults(r.tape, param.fn).map((c) => ({ call: c.label, value: labelArguments(c.label)[param.index] ?? "undefined" }));
    return values.length ? { kind: "arguments", fn: param.fn, values } : undefined;
  }
  const t = ts();
  if (id.parent !== undefined && t.isPropertyAccessExpression(id.parent) && id.parent.name === id) {
    // A field (`this.z`): what the file assigned to it, when that made tensor nodes.
    const readings = fieldAssignments(sf, name).flatMap((e) => readingsOf(r, e.getStart(sf), e.end));
    return tensorReadings(r, "name", readings);
  }
  const decl = declarationFor(sf, id);
  if (decl === undefined) return undefined;
  let readings: Reading[] = [];
  if (t.isFunctionDeclaration(decl) || (decl.initializer !== undefined && isFunctionValue(bareExpression(decl.initializer)))) {
    readings = callResults(r.tape, name).map((c) => reading(r, c.node, c.label));
  } else if (decl.initializer !== undefined) {
    const e = bareExpression(decl.initializer);
    readings = readingsOf(r, e.getStart(sf), e.end);
    if (readings.length === 0 && t.isCallExpression(e)) readings = topLevelCallResult(r, sf, e).filter((x) => r.tape.isTensor(x.node));
    if (readings.every((x) => r.tape.op[x.node] === Op.Param && !r.tape.isTensor(x.node))) {
      // A model or a structure of params: the params whose leaves were made inside the initializer.
      const from = e.getStart(sf), to = e.end;
      const inside = r.params.filter((p) => {
        const src = p.node >= 0 ? r.tape.source(p.node) : undefined;
        return src !== undefined && src.start >= from && src.end <= to;
      });
      if (inside.length > 0) return { kind: "params", items: inside.map(({ name: n, node, value, grad }) => ({ name: n, node, value, grad })) };
      readings = [];
    }
  }
  if (readings.length === 0 && t.isVariableDeclaration(decl)) return declaredValue(r, decl, id);
  return tensorReadings(r, "name", readings) ?? (readings.length ? { kind: "readings", what: "name", readings, locals: [] } : undefined);
}

