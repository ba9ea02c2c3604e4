// Runs anywhere (extension host, tests): from a name, operator or call of a `.nn.ts` file to the values and
// gradients the evaluation gave it: a param, the target, or one reading per evaluation (a name inside `forward`
// is evaluated once per data row).
import type * as TS from "typescript";
import { Op } from "../engine";
import type { DocumentResult } from "../notation";
import { ts } from "../notation/parse";
import { boundSite, declaringIdentifier, functionName, localSite, type BoundSite } from "./bound";
import { bareExpression, callLabel, callResults, declarationFor, lastOfRuns, nodesWithRange, type Subject } from "./query";

/** One evaluation of something: its node, value, gradient, and the call it happened in. */
export interface Reading {
  node: number;
  value: number;
  grad: number;
  call: string | undefined;
}

export interface Local {
  /** Source text of the input (or its op when it has none). */
  input: string;
  node: number;
  derivative: number;
}

export type Resolved =
  | { kind: "param"; name: string; node: number; value: number; grad: number }
  | { kind: "params"; items: { name: string; node: number; value: number; grad: number }[] }
  | { kind: "target"; name: string; node: number; value: number }
  | { kind: "readings"; what: "name" | "call" | "operator"; readings: Reading[]; locals: Local[][] }
  /** A function's parameter: the argument each call got, as the call's label shows it. */
  | { kind: "arguments"; fn: string; values: { call: string; value: string }[] }
  /**
   * A loop variable, destructured name or destructured function parameter's element (of `fn`, when named) bound
   * several times, or once to a plain value: one row per binding. A "local" is a `const` declared in a function's
   * body (of `fn`, when named), bound once per call (more often when `loop`).
   */
  | { kind: "bound"; how: "loop variable" | "destructured" | "parameter" | "local"; fn?: string; loop?: boolean; count: number; rows: BoundRow[] }
  /** A declared name holding plain data (`const k = 3`, `const rows = XOR.length`): its value or a preview; no gradient. */
  | { kind: "constant"; value: number | string; final: boolean }
  /** Tensor nodes: a tensor param (one leaf, many slots), a tensor target, or one tensor per evaluation. */
  | { kind: "tensor"; what: "param" | "target" | "name" | "call" | "operator"; items: TensorItem[] };

export interface BoundRow {
  /** The row or call it was bound in (`XOR[2]`, `forward(0, 1)`), when it was bound inside one. */
  label: string | undefined;
  /** A graph value's value and gradient; undefined for a plain value. */
  reading: Reading | undefined;
  /** A plain value: the number, else its text (`[1, 2]`, `tensor[2,3]`). */
  plain: number | string;
}

export interface TensorItem {
  /** The param's name (`model.W1`) or the call the value was made in. */
  name: string | undefined;
  node: number;
}

/** Readings that are all tensor nodes as a "tensor" result; undefined when any is a plain number. */
function tensorReadings(r: DocumentResult, what: "name" | "call" | "operator", readings: Reading[]): Resolved | undefined {
  if (readings.length === 0 || !readings.every((x) => r.tape.tensors.isTensor(x.node))) return undefined;
  return { kind: "tensor", what, items: readings.map((x) => ({ name: x.call, node: x.node })) };
}

/** Tensor params whose name is `name` or ends in `.name` (`this.W1`, `model.W1` → `model.W1`). */
function tensorParams(r: DocumentResult, name: string): TensorItem[] {
  const out: TensorItem[] = [];
  for (const p of r.params) {
    if (p.node < 0 || !r.tape.tensors.isTensor(p.node)) continue;
    const base = p.name.replace(/(\[\d+\])+$/, "");
    if (base === name || base.endsWith(`.${name}`)) out.push({ name: base, node: p.node });
  }
  return out;
}

/** Right-hand sides of `obj.name = …` anywhere in the file (a field set in a constructor or method). */
function fieldAssignments(sf: TS.SourceFile, name: string): TS.Expression[] {
  const t = ts(), out: TS.Expression[] = [];
  const visit = (n: TS.Node): void => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.name.text === name) out.push(n.right);
    t.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Top-level calls named `name` (`f(…)`, `obj.name(…)`), in source order, not inside functions or classes. */
function topLevelCalls(sf: TS.SourceFile, name: string): TS.CallExpression[] {
  const t = ts(), out: TS.CallExpression[] = [];
  const visit = (n: TS.Node): void => {
    if (t.isFunctionLike(n) || t.isClassLike(n)) return;
    if (t.isCallExpression(n) && calleeText(n) === name) out.push(n);
    t.forEachChild(n, visit);
  };
  visit(sf);
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

/** The arguments in a call label such as `forward(0, [1, 2])`, split at top-level commas. */
export function labelArguments(label: string): string[] {
  const open = label.indexOf("(");
  const inner = label.slice(open + 1, label.endsWith(")") ? -1 : undefined);
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (inner.trim() !== "") out.push(inner.slice(from).trim());
  return out;
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

function reading(r: DocumentResult, node: number, call?: string): Reading {
  return { node, value: r.tape.val[node], grad: r.tape.grad[node], call: call ?? callLabel(r.tape, node) };
}

function readingsOf(r: DocumentResult, start: number, end: number): Reading[] {
  const T = r.tape.tensors, ids = nodesWithRange(r.tape, start, end);
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
    return tensorReadings(r, "call", readings) ?? (readings.length ? { kind: "readings", what: "call", readings, locals: [] } : undefined);
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
    if (r.tape.tensors.isTensor(r.target)) return { kind: "tensor", what: "target", items: [{ name, node: r.target }] };
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
    if (readings.length === 0 && t.isCallExpression(e)) readings = topLevelCallResult(r, sf, e).filter((x) => r.tape.tensors.isTensor(x.node));
    if (readings.every((x) => r.tape.op[x.node] === Op.Param)) {
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

/** The nearest enclosing row or call group's label of a tape group (-1: none). */
function groupLabel(r: DocumentResult, g: number): string | undefined {
  for (; g >= 0; g = r.tape.groups[g].parent) if (r.tape.groups[g].kind === "call" || r.tape.groups[g].kind === "sample") return r.tape.groups[g].label;
  return undefined;
}

function resolveBound(r: DocumentResult, site: BoundSite): Resolved | undefined {
  const entry = r.bound.find((b) => b.end === site.binding.end && b.name === site.binding.text);
  if (entry === undefined || entry.values.length === 0) {
    if (site.kind !== "parameter" || site.fn === undefined) return undefined;
    // No log (the run failed): like a plain parameter's table, values as the call labels show them, one step into the
    // argument per pattern.
    const fn = site.fn;
    const values = callResults(r.tape, fn).map((c) => ({ call: c.label, value: elementAt(labelArguments(c.label)[site.index], site.path) }));
    return values.length ? { kind: "arguments", fn, values } : undefined;
  }
  const T = r.tape.tensors;
  if (entry.values.every((v) => v.node >= 0 && T.isTensor(v.node))) {
    return { kind: "tensor", what: "name", items: entry.values.map((v) => ({ name: groupLabel(r, v.group), node: v.node })) };
  }
  const rows: BoundRow[] = entry.values.map((v) => {
    const label = groupLabel(r, v.group);
    if (v.node < 0) return { label, reading: undefined, plain: v.plain };
    if (T.isTensor(v.node)) return { label, reading: undefined, plain: `tensor[${T.shape(v.node).join(",")}]` };
    return { label, reading: reading(r, v.node, label), plain: NaN };
  });
  // Bound once to a graph value: value and gradient, as a plain declaration shows them.
  const one = rows[0].reading;
  if (entry.count === 1 && one !== undefined) return { kind: "readings", what: "name", readings: [one], locals: [] };
  if (site.kind === "parameter") return { kind: "bound", how: "parameter", fn: site.fn, count: entry.count, rows };
  if (site.kind === "local") return { kind: "bound", how: "local", fn: site.fn, loop: site.loop, count: entry.count, rows };
  return { kind: "bound", how: site.how, count: entry.count, rows };
}

/** A graph value's reading; a param leaf's value and gradient are its param's (summed over all its leaves). */
function nodeReading(r: DocumentResult, node: number): Reading {
  const p = r.tape.op[node] === Op.Param ? r.params.find((x) => x.slot === r.tape.aux[node]) : undefined;
  return p === undefined ? reading(r, node) : { node, value: p.value, grad: p.grad, call: undefined };
}

/** `const k = …` directly in the file, not in a block or function: the run's final scope holds its value. */
function isTopLevel(d: TS.VariableDeclaration): boolean {
  const t = ts(), statement = d.parent.parent;
  return t.isVariableStatement(statement) && statement.parent !== undefined && t.isSourceFile(statement.parent);
}

/** A literal's value, read from the source (`3`, `-0.5`, `"relu"`, `true`); undefined for anything else. */
function literalValue(e: TS.Expression): number | string | undefined {
  const t = ts();
  if (t.isNumericLiteral(e)) return Number(e.text);
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.MinusToken && t.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return JSON.stringify(e.text);
  if (e.kind === t.SyntaxKind.TrueKeyword) return "true";
  if (e.kind === t.SyntaxKind.FalseKeyword) return "false";
  return undefined;
}

/**
 * A declaration whose initializer made no node of its own (`const c = pair[0]`, `const k = 3`, `const n = XOR.length`):
 * at the top level, the graph value or plain data the run left in it; elsewhere, a `const`'s literal, else (inside a
 * function) the values the run logged for it per call. Undefined when
 * `id` is not lexically that declaration's name (another binding of the same name is nearer).
 */
function declaredValue(r: DocumentResult, decl: TS.VariableDeclaration, id: TS.Identifier): Resolved | undefined {
  const t = ts();
  if (!t.isIdentifier(decl.name) || declaringIdentifier(id) !== decl.name) return undefined;
  const name = decl.name.text;
  if (isTopLevel(decl)) {
    const node = r.bindings[name];
    if (node !== undefined) {
      if (r.tape.tensors.isTensor(node)) return { kind: "tensor", what: "name", items: [{ name: undefined, node }] };
      return { kind: "readings", what: "name", readings: [nodeReading(r, node)], locals: [] };
    }
    const plain = r.plain.get(name);
    if (plain !== undefined) return { kind: "constant", value: plain.value, final: !plain.constant };
  }
  const constant = (decl.parent.flags & t.NodeFlags.Const) !== 0;
  const literal = constant && decl.initializer !== undefined ? literalValue(bareExpression(decl.initializer)) : undefined;
  if (literal !== undefined) return { kind: "constant", value: literal, final: false };
  // Inside a function: the values the run logged for it, one per call.
  const local = constant ? localSite(decl.name) : undefined;
  return local === undefined ? undefined : resolveBound(r, local);
}

/** The element of an argument's label text (`[0, 1, 0]`) at an array path; "…" where the label does not show it. */
function elementAt(text: string | undefined, path: readonly (number | undefined)[]): string {
  let x = text;
  for (const k of path) {
    // `[…5]`: a long array's label gives only its length.
    if (x === undefined || k === undefined || !x.startsWith("[") || x.startsWith("[…") || !x.endsWith("]")) return "…";
    // The same top-level split as a call label's arguments.
    x = labelArguments(`(${x.slice(1, -1)})`)[k];
  }
  return x ?? "undefined";
}
