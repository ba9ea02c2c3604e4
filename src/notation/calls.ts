// Runs anywhere: user functions (declarations, arrows, function expressions) and binding of names and
// destructuring patterns. A named function's call is a "call" group labelled like `forward(1, 0)`.
import type * as TS from "typescript";
import type { ClassFn } from "./classes";
import { evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import { bindingLog } from "./locate";
import { ts } from "./parse";
import { Completion, exec, hoist } from "./statements";
import { Fn, Num, brief, typeName, type CallSite, type Value } from "./values";

type FunctionLike = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration | TS.ConstructorDeclaration;

export class Closure extends Fn {
  /** Parameters before the first optional, defaulted or rest one: fewer arguments than this is an error. */
  readonly required: number;
  readonly arity: number;
  /** A method's or constructor's class (classes.ts): its calls bind `this` to the receiver and `super` to the class. */
  home: ClassFn | undefined;
  /** A plain `function` made where `this` is bound: it gets its own `this` (the receiver, else undefined), as in JS. */
  private readonly ownThis: boolean;

  constructor(
    name: string,
    readonly decl: FunctionLike,
    readonly env: Scope,
  ) {
    super(name);
    const ps = decl.parameters;
    let req = 0;
    while (req < ps.length && !ps[req].initializer && !ps[req].questionToken && !ps[req].dotDotDotToken) req++;
    this.required = req;
    this.arity = ps.some((p) => p.dotDotDotToken) ? Infinity : ps.length;
    this.ownThis = decl.kind !== ts().SyntaxKind.ArrowFunction && env.lookup("this") !== undefined;
  }

  // No try/finally here: an error ends the whole evaluation, so the state need not be restored on that path, and
  // the smaller frame lets more nested calls fit on the JavaScript stack.
  call(ip: Interp, args: Value[], site: CallSite, self?: Value): Value {
    this.check(ip, args, site);
    const savedScope = ip.scope, savedPath = ip.namePath, tape = ip.tape, grouped = this.name !== "";
    if (grouped) tape.beginGroup("call", `${this.name}(${args.map(brief).join(", ")})`);
    if (++ip.depth > ip.deepest) ip.deepest = ip.depth;
    ip.namePath = undefined;
    const scope = this.bindParams(ip, args, self);
    const body = this.decl.body;
    let r: Value = undefined;
    if (body === undefined) r = undefined;
    else if (!ts().isBlock(body)) r = evalExpr(ip, body);
    else {
      // The body's statements run here rather than through execBlock: one frame less per nested call.
      const stmts = body.statements;
      hoist(stmts, scope);
      ip.returnValue = undefined;
      for (let i = 0; i < stmts.length; i++) {
        const c = exec(ip, stmts[i]);
        if (c === Completion.Return) {
          r = ip.returnValue;
          break;
        }
        if (c !== Completion.Normal) throw ip.error("`break`/`continue` outside a loop", stmts[i]);
      }
      ip.returnValue = undefined;
    }
    ip.depth--;
    ip.scope = savedScope;
    ip.namePath = savedPath;
    if (grouped && tape === ip.tape) tape.endGroup();
    return r;
  }

  private check(ip: Interp, args: Value[], site: CallSite): void {
    if (args.length < this.required || args.length > this.arity) {
      const want = this.required === this.arity ? `${this.arity}` : this.arity === Infinity ? `at least ${this.required}` : `${this.required} to ${this.arity}`;
      throw ip.error(`\`${this.name || "function"}\` expects ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`, site);
    }
    if (ip.depth >= ip.bounds.maxDepth) throw ip.error(`call depth limit reached (${ip.bounds.maxDepth} nested calls; see gradlens.maxCallDepth)`, site);
  }

  /** A new scope under the closure's environment with the parameters bound (defaults evaluated in it). */
  private bindParams(ip: Interp, args: Value[], self: Value): Scope {
    const scope = new Scope(this.env, true);
    if (this.home !== undefined) {
      scope.declare("this", self, true);
      scope.declare("super", this.home, true);
    } else if (this.ownThis || (self !== undefined && this.decl.kind !== ts().SyntaxKind.ArrowFunction)) scope.declare("this", self, true);
    ip.scope = scope;
    const ps = this.decl.parameters;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p.dotDotDotToken) ip.allocate(Math.max(args.length - i, 0), p);
      let v: Value = p.dotDotDotToken ? args.slice(i) : args[i];
      if (v === undefined && p.initializer) v = evalExpr(ip, p.initializer);
      bind(ip, scope, p.name, v, false);
      // A pattern's names have no node of their own to hover: log them (only when the document run keeps a log).
      if (!ts().isIdentifier(p.name)) bindingLog(ip)?.record(ip, p.name, scope);
    }
    return scope;
  }
}

/** Bind a name or destructuring pattern in scope. */
export function bind(ip: Interp, scope: Scope, name: TS.BindingName, v: Value, constant: boolean): void {
  const t = ts();
  if (t.isIdentifier(name)) {
    if (v instanceof Num && v.tape === ip.tape && !ip.tape.names.has(v.node)) ip.tape.setName(v.node, name.text);
    if (v instanceof Fn && v.name === "" && v instanceof Closure) v.name = name.text;
    scope.declare(name.text, v, constant);
    return;
  }
  if (t.isArrayBindingPattern(name)) {
    if (!Array.isArray(v)) throw ip.error(`cannot destructure ${typeName(v)} as an array`, name);
    name.elements.forEach((e, i) => {
      if (t.isOmittedExpression(e)) return;
      if (e.dotDotDotToken) ip.allocate(Math.max(v.length - i, 0), e);
      let x: Value = e.dotDotDotToken ? v.slice(i) : v[i];
      if (x === undefined && e.initializer) x = evalExpr(ip, e.initializer);
      bind(ip, scope, e.name, x, constant);
    });
    return;
  }
  for (const e of name.elements) {
    const key = e.propertyName ?? e.name;
    if (e.dotDotDotToken || !(t.isIdentifier(key) || t.isStringLiteral(key))) throw ip.error("this destructuring is not supported", e);
    if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Fn || v instanceof Num) {
      throw ip.error(`cannot destructure ${typeName(v)} as an object`, name);
    }
    let x = v.props.get(key.text);
    if (x === undefined && e.initializer) x = evalExpr(ip, e.initializer);
    bind(ip, scope, e.name, x, constant);
  }
}
