// Runs anywhere: user functions (declarations, arrows, function expressions, Python's `def` and `lambda`) and
// binding of names and destructuring patterns. A named function's call is a "call" group labelled like `forward(1, 0)`.
import type { ClassFn } from "./classes";
import { evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import { bindingLog } from "./locate";
import { bindPyParams } from "./py-functions";
import { Completion, exec, hoist } from "./statements";
import type { FunctionExpr, Pattern, Stmt } from "./tree";
import { Fn, Num, brief, typeName, type CallSite, type Value } from "./values";

export class Closure extends Fn {
  /** Parameters before the first optional, defaulted or rest one: fewer arguments than this is an error. */
  readonly required: number;
  readonly arity: number;
  /** A method's or constructor's class (classes.ts): its calls bind `this` to the receiver and `super` to the class. */
  home: ClassFn | undefined;
  /** A plain `function` made where `this` is bound: it gets its own `this` (the receiver, else undefined), as in JS. */
  private readonly ownThis: boolean;
  /** Python: defaults, evaluated once where the `def` runs. */
  readonly defaults: Value[] = [];

  constructor(
    name: string,
    readonly decl: FunctionExpr,
    readonly env: Scope,
  ) {
    super(name);
    const ps = decl.params;
    let req = 0;
    while (req < ps.length && ps[req].default === undefined && !ps[req].optional && ps[req].rest === undefined && !ps[req].keywordOnly) req++;
    this.required = req;
    this.arity = ps.some((p) => p.rest !== undefined) ? Infinity : ps.filter((p) => !p.keywordOnly).length;
    this.ownThis = !decl.arrow && env.lookup("this") !== undefined;
  }

  // No try/finally here: an error ends the whole evaluation, so the state need not be restored on that path, and
  // the smaller frame lets more nested calls fit on the JavaScript stack.
  call(ip: Interp, args: Value[], site: CallSite, self?: Value, kw?: Map<string, Value>): Value {
    if (ip.lang !== "py") this.check(ip, args, site);
    else if (ip.depth >= ip.bounds.maxDepth) throw depthError(ip, site);
    const savedScope = ip.scope, savedPath = ip.namePath, tape = ip.tape, grouped = this.name !== "";
    if (grouped) tape.beginGroup("call", `${this.name}(${args.map(brief).join(", ")})`);
    if (++ip.depth > ip.deepest) ip.deepest = ip.depth;
    ip.namePath = undefined;
    const scope = ip.lang === "py" ? bindPyParams(ip, this, args, kw, site, self) : this.bindParams(ip, args, self);
    const body = this.decl.body;
    let r: Value = undefined;
    if (!Array.isArray(body)) r = evalExpr(ip, body as Exclude<FunctionExpr["body"], readonly Stmt[]>);
    else {
      // The body's statements run here rather than through execBlock: one frame less per nested call.
      const stmts = body as readonly Stmt[];
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
      if (ip.lang === "py" && r === undefined) r = null;
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
    if (ip.depth >= ip.bounds.maxDepth) throw depthError(ip, site);
  }

  /** A new scope under the closure's environment with the parameters bound (defaults evaluated in it). */
  private bindParams(ip: Interp, args: Value[], self: Value): Scope {
    const scope = new Scope(this.env, true);
    if (this.home !== undefined) {
      scope.declare("this", self, true);
      scope.declare("super", this.home, true);
    } else if (this.ownThis || (self !== undefined && !this.decl.arrow)) scope.declare("this", self, true);
    ip.scope = scope;
    const ps = this.decl.params;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i], rest = p.rest !== undefined;
      if (rest) ip.allocate(Math.max(args.length - i, 0), p);
      let v: Value = rest ? args.slice(i) : args[i];
      if (v === undefined && p.default !== undefined) v = evalExpr(ip, p.default);
      bind(ip, scope, p.target, v, false);
      // A pattern's names have no node of their own to hover: log them (only when the document run keeps a log).
      if (p.target.kind !== "name") bindingLog(ip)?.record(ip, p.target, scope);
    }
    return scope;
  }
}

export function depthError(ip: Interp, site: CallSite): Error {
  return ip.error(`call depth limit reached (${ip.bounds.maxDepth} nested calls; see gradlens.maxCallDepth)`, site);
}

/** Bind a name or destructuring pattern in scope. */
export function bind(ip: Interp, scope: Scope, name: Pattern, v: Value, constant: boolean): void {
  if (name.kind === "name") {
    if (v instanceof Num && v.tape === ip.tape && !ip.tape.names.has(v.node)) ip.tape.setName(v.node, name.name);
    if (v instanceof Closure && v.name === "") v.name = name.name;
    scope.declare(name.name, v, constant);
    return;
  }
  if (name.kind === "arrayPattern") {
    if (!Array.isArray(v)) throw ip.error(`cannot destructure ${typeName(v)} as an array`, name);
    name.elements.forEach((e, i) => {
      if (e === undefined) return;
      if (e.rest) ip.allocate(Math.max(v.length - i, 0), e.target);
      let x: Value = e.rest ? v.slice(i) : v[i];
      if (x === undefined && e.default !== undefined) x = evalExpr(ip, e.default);
      bind(ip, scope, e.target, x, constant);
    });
    return;
  }
  for (const e of name.props) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Fn || v instanceof Num) {
      throw ip.error(`cannot destructure ${typeName(v)} as an object`, name);
    }
    let x = v.props.get(e.key);
    if (x === undefined && e.default !== undefined) x = evalExpr(ip, e.default);
    bind(ip, scope, e.target, x, constant);
  }
}
