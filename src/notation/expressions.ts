// Runs anywhere: evaluation of the tree's expressions. Every number a graph value is a tape node tagged with its
// source range (a node's span).
import { arith, compare, negate } from "./arith";
import { Closure } from "./calls";
import { assign, index, withName } from "./assign";
import { Instance, callInstance, classExpression, construct, instanceOf, superCall, superMethod, thisValue } from "./classes";
import type { Interp } from "./interp";
import { elementsOf, objectLiteral, template } from "./literals";
import { member } from "./members";
import { pyArguments, pyExpr } from "./py-expressions";
import { pyElement } from "./py-members";
import { pyFloat, pyTypeName } from "./py-values";
import { namesInScope, unknownFunction } from "./suggest";
import { pyDefine } from "./statements";
import { row } from "./tensors";
import type { Arg, AssignExpr, Binary, Call, Compare, Expr, Logic, Name, Sequence, Span, Unary, Update } from "./tree";
import { Fn, Tensor, append, isNumber, typeName, type Value } from "./values";

// Kept small (cases with locals live in helpers), and the conditional loops instead of recursing: every nested
// interpreted call passes through this frame.
export function evalExpr(ip: Interp, n: Expr): Value {
  for (;;) {
    ip.tick(n);
    switch (n.kind) {
      case "number": return n.int || ip.lang !== "py" || !Number.isInteger(n.value) ? n.value : pyFloat(ip, n.value);
      case "string": return n.value;
      case "const": return n.value;
      case "name": return lookup(ip, n);
      case "this": return thisValue(ip, n);
      case "conditional":
        n = ip.truthy(evalExpr(ip, n.test)) ? n.then : n.otherwise;
        continue;
      case "unary": return unary(ip, n);
      case "update": return update(ip, n);
      case "binary": return binary(ip, n);
      case "compare": return comparison(ip, n);
      case "logic": return logic(ip, n);
      case "assignExpr": return assignment(ip, n);
      case "sequence": return sequence(ip, n);
      case "call": return call(ip, n);
      case "member": return member(ip, evalExpr(ip, n.object), n.name, n);
      case "index": return element(ip, evalExpr(ip, n.object), evalExpr(ip, n.index), n);
      case "array": return elementsOf(ip, n);
      case "object": return objectLiteral(ip, n);
      case "function": return ip.lang === "py" ? pyDefine(ip, n) : new Closure(n.name ?? "", n, ip.scope);
      case "template": return template(ip, n);
      case "new": return construct(ip, n);
      case "class": return classExpression(ip, n);
      case "superCall": return superCall(ip, n);
      case "superMember": return superMethod(ip, n);
      case "unsupported": throw ip.error(n.what, n);
      default: return pyExpr(ip, n);
    }
  }
}

function assignment(ip: Interp, a: AssignExpr): Value {
  const v = a.op === undefined ? withName(ip, a.target, () => evalExpr(ip, a.value))
    : arith(ip, a.op, evalExpr(ip, a.target as Expr), evalExpr(ip, a.value), a);
  assign(ip, a.target, v);
  return v;
}

function sequence(ip: Interp, n: Sequence): Value {
  let v: Value;
  for (const e of n.exprs) v = evalExpr(ip, e);
  return v;
}

export function lookup(ip: Interp, id: Name, callee = false): Value {
  const b = ip.scope.lookup(id.name);
  if (b !== undefined) return b.value;
  if (callee) throw ip.error(unknownFunction(id.name, namesInScope(ip.scope)), id);
  throw ip.error(ip.lang === "py" ? `name \`${id.name}\` is not defined` : `unknown name \`${id.name}\``, id);
}

function unary(ip: Interp, n: Unary): Value {
  switch (n.op) {
    case "-": return negate(ip, evalExpr(ip, n.arg), n);
    case "+": {
      const v = evalExpr(ip, n.arg);
      if (!isNumber(v)) throw ip.error(`unary \`+\` needs a number, got ${typeName(v)}`, n);
      return v;
    }
    case "not": return !ip.truthy(evalExpr(ip, n.arg));
  }
}

/** `++x`, `x--`: through the graph like `x = x + 1`. */
function update(ip: Interp, n: Update): Value {
  const old = evalExpr(ip, n.target as Expr);
  if (!isNumber(old)) throw ip.error(`\`++\`/\`--\` need a number, got ${typeName(old)}`, n);
  const next = arith(ip, n.op, old, 1, n);
  assign(ip, n.target, next);
  return n.prefix ? next : old;
}

/**
 * `a + b - c + …` as a loop: a 10,000-term sum is one node. Each link after the first is ticked as a node of its own
 * (the steps a nested tree would take), and each operation's source range runs from the chain's start to its link's end.
 */
function binary(ip: Interp, n: Binary): Value {
  if (n.rest.length !== 1) return chain(ip, n);
  return arith(ip, n.rest[0].op, evalExpr(ip, n.first), evalExpr(ip, n.rest[0].right), n);
}

function chain(ip: Interp, n: Binary): Value {
  const rest = n.rest;
  for (let k = 1; k < rest.length; k++) ip.tick(n);
  let acc = evalExpr(ip, n.first);
  for (let k = 0; k < rest.length; k++) {
    const link = rest[k];
    acc = arith(ip, link.op, acc, evalExpr(ip, link.right), k === rest.length - 1 ? n : { start: n.start, end: link.end });
  }
  return acc;
}

/** `a < b`, Python's `a < b <= c` (each operand once, stopping at the first false). */
function comparison(ip: Interp, n: Compare): Value {
  let left = evalExpr(ip, n.first);
  for (let k = 0; k < n.rest.length; k++) {
    const link = n.rest[k], right = evalExpr(ip, link.right);
    const site = n.rest.length === 1 ? n : link.opSpan;
    const ok = link.op === "instanceof" ? instanceOf(ip, left, right, site) : compare(ip, link.op, left, right, site);
    if (!ok || k === n.rest.length - 1) return ok;
    left = right;
  }
  return true;
}

/** `a && b && …`, `a or b`, `a ?? b`: an operand, by the program's truthiness. */
function logic(ip: Interp, n: Logic): Value {
  for (let k = 1; k < n.rest.length; k++) ip.tick(n);
  let acc = evalExpr(ip, n.first);
  for (const link of n.rest) {
    const take = n.op === "and" ? ip.truthy(acc) : n.op === "or" ? !ip.truthy(acc) : acc === null || acc === undefined;
    if (!take) return acc;
    acc = evalExpr(ip, link.right);
  }
  return acc;
}

export function element(ip: Interp, o: Value, k: Value, n: Span): Value {
  if (ip.lang === "py" && !(o instanceof Tensor)) return pyElement(ip, o, k, n);
  // NumPy's `a[i, j]`: row i, then its element j.
  if (o instanceof Tensor && Array.isArray(k)) return k.reduce((r: Value, i) => element(ip, r, i, n), o);
  if (Array.isArray(o)) return o[index(ip, k, o.length, n)];
  if (o instanceof Tensor && typeof k !== "string") return row(ip, o, k, n);
  if (typeof k === "string") return member(ip, o, k, n);
  throw ip.error(`cannot index ${typeName(o)} with ${typeName(k)}`, n);
}

function call(ip: Interp, n: Call): Value {
  const e = n.callee;
  // `obj.m(…)` and `super.m(…)` pass the receiver as `this` (classes.ts). Method calls go through this same frame:
  // every nested interpreted call passes through it, and one frame more per call would cost a fifth of the depth.
  let self: Value, f: Value;
  if (e.kind === "member") {
    ip.tick(e);
    self = evalExpr(ip, e.object);
    f = member(ip, self, e.name, e);
    if (f === undefined && self instanceof Instance) throw ip.error(`\`${self.cls.name}\` has no method \`${e.name}\``, e);
  } else if (e.kind === "superMember") {
    ip.tick(e);
    self = thisValue(ip, e);
    f = superMethod(ip, e);
  } else if (e.kind === "name") {
    ip.tick(e);
    f = lookup(ip, e, true);
  } else f = evalExpr(ip, e);
  if (ip.lang === "py") return pyCall(ip, n, f, self);
  const args = argumentsOf(ip, n.args);
  if (!(f instanceof Fn)) {
    if (f instanceof Instance) return callInstance(ip, f, args, n); // `lin(x)`: a Module instance
    throw ip.error(`\`${ip.text(e)}\` is not a function (it is ${typeName(f)})`, e);
  }
  ip.current = n;
  return f.call(ip, args, n, self);
}

function pyCall(ip: Interp, n: Call, f: Value, self: Value): Value {
  const { args, kw } = pyArguments(ip, n.args);
  if (!(f instanceof Fn)) {
    if (f instanceof Instance) return callInstance(ip, f, args, n, kw);
    throw ip.error(`'${pyTypeName(f)}' object is not callable`, n.callee);
  }
  ip.current = n;
  return f.call(ip, args, n, self, kw);
}

/** Positional and spread arguments as a list (keywords: see pyCall). */
export function argumentsOf(ip: Interp, list: readonly Arg[]): Value[] {
  const args: Value[] = [];
  const path = ip.namePath;
  ip.namePath = undefined;
  for (const a of list) {
    if (a.kind === "positional") args.push(evalExpr(ip, a.value));
    else if (a.kind === "spread") {
      const v = evalExpr(ip, a.value);
      if (!Array.isArray(v)) throw ip.error(`cannot spread ${typeName(v)} into arguments`, a.span);
      ip.allocate(v.length, a.span);
      append(args, v);
    } else throw ip.error("keyword arguments are not supported here", a.kind === "keyword" ? a.nameSpan : a.span);
  }
  ip.namePath = path;
  return args;
}
