// Runs anywhere: classes of the notation. A class is a ClassFn (fields, methods, an optional constructor, a parent);
// `new C(…)` (Python: `C(…)`) makes an Instance whose own fields are its props and whose methods are found through
// the class chain. Methods are Closures with a home class: their scope binds `this` (the receiver) and `super` (the
// home class), keywords no user name can shadow, so arrow functions capture both lexically. The built-in `Module` is
// seed 002's base class: calling an instance stores its inputs and output, `backward()` calls the hand-written `bwd`.
import { Closure, depthError } from "./calls";
import { pyDefine } from "./statements";
import { argumentsOf, evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import type { ClassExpr, Expr, FunctionExpr, New, Span, SuperCall, SuperMember } from "./tree";
import { Fn, Obj, brief, typeName, type CallSite, type Value } from "./values";

/** An object made by `new`: own fields in props, methods from its class chain. */
export class Instance extends Obj {
  /** Classes whose fields are initialised (a derived constructor must call `super(…)` exactly once). */
  readonly ready = new Set<ClassFn>();
  constructor(
    readonly cls: ClassFn,
    /** Binding path (`lin`, `mlp.sigmoid`): params made in its fields and methods are named `lin.W`. */
    readonly path: string,
    /** The expression that made it (the autograd check names its line). */
    readonly site?: Span,
  ) {
    super();
  }
}

export class ClassFn extends Fn {
  readonly methods = new Map<string, Fn>();
  readonly fields: ClassExpr["fields"][number][] = [];
  /** Python: class attributes (shared by every instance; an instance's own attribute hides one). */
  readonly attrs = new Map<string, Value>();
  ctor: Closure | undefined;
  constructor(
    name: string,
    readonly parent: ClassFn | undefined,
    /** The scope methods and field initialisers close over (undefined for built-in classes). */
    readonly env: Scope | undefined,
    /** The built-in Module: instances are callable. */
    readonly module = false,
  ) {
    super(name);
  }

  call(ip: Interp, args: Value[], site: CallSite, _self?: Value, kw?: Map<string, Value>): Value {
    if (ip.lang === "py") return make(ip, this, args, site, kw);
    throw ip.error(`class \`${this.name}\` cannot be called without \`new\``, site);
  }

  /** A method of this class or an ancestor (a loop: a file can chain classes as long as it likes). */
  method(name: string): Fn | undefined {
    const own = this.methods.get(name);
    if (own !== undefined) return own;
    for (let c = this.parent; c !== undefined; c = c.parent) {
      const m = c.methods.get(name);
      if (m !== undefined) return m;
    }
    return undefined;
  }

  /** A class attribute of this class or an ancestor. */
  attr(name: string): Value {
    if (this.attrs.has(name)) return this.attrs.get(name);
    for (let c = this.parent; c !== undefined; c = c.parent) if (c.attrs.has(name)) return c.attrs.get(name);
    return undefined;
  }

  isModule(): boolean {
    if (this.module) return true;
    for (let c = this.parent; c !== undefined; c = c.parent) if (c.module) return true;
    return false;
  }
}

/** A method of a built-in class: gets the receiver. */
class NativeMethod extends Fn {
  constructor(
    name: string,
    readonly impl: (ip: Interp, self: Instance, args: Value[], site: CallSite) => Value,
  ) {
    super(name);
  }
  call(ip: Interp, args: Value[], site: CallSite, self?: Value): Value {
    if (!(self instanceof Instance)) throw ip.error(`\`this\` is undefined: call \`${this.name}\` on an instance (\`obj.m(…)\`)`, site);
    return this.impl(ip, self, args, site);
  }
}

/** A fresh `Module` for one evaluation (seed 002's `__call__`, `forward` and `backward`). */
export function moduleClass(): ClassFn {
  const m = new ClassFn("Module", undefined, undefined, true);
  m.methods.set("forward", new NativeMethod("Module.forward", (ip, self, _a, site) => {
    throw ip.error(`\`${self.cls.name}.forward\` is not defined`, site);
  }));
  m.methods.set("backward", new NativeMethod("Module.backward", (ip, self, _a, site) => {
    const bwd = instanceMember(self, "bwd"), args = self.props.get("args");
    if (!(bwd instanceof Fn)) throw ip.error(`\`${self.cls.name}.bwd\` is not defined (\`backward()\` calls \`this.bwd(this.out, ...this.args)\`)`, site);
    if (!Array.isArray(args)) throw ip.error(`\`backward()\` before the ${self.cls.name} was called (no \`this.args\`)`, site);
    return bwd.call(ip, [self.props.get("out"), ...args], site, self);
  }));
  return m;
}

/** Calling an instance `lin(x, y)`: a Module stores args and out and returns out; Python's `__call__`; else an error. */
export function callInstance(ip: Interp, self: Instance, args: Value[], site: CallSite & { readonly callee: Expr }, kw?: Map<string, Value>): Value {
  const dunder = ip.lang === "py" ? self.cls.method("__call__") : undefined;
  if (dunder !== undefined) return dunder.call(ip, args, site, self, kw);
  if (!self.cls.isModule()) {
    throw ip.error(`\`${ip.text(site.callee)}\` is not callable (an instance of \`${self.cls.name}\`, which does not extend \`Module\`)`, site.callee);
  }
  self.props.set("args", args);
  const f = instanceMember(self, "forward");
  if (!(f instanceof Fn)) throw ip.error(`\`${self.cls.name}.forward\` is not defined`, site);
  ip.current = site;
  const out = f.call(ip, args, site, self);
  self.props.set("out", out);
  return out;
}

/** `obj.name`: an own field, else a method of its class chain (unbound, as in JavaScript), else a class attribute. */
export function instanceMember(self: Instance, name: string): Value {
  return self.props.has(name) ? self.props.get(name) : self.cls.method(name) ?? self.cls.attr(name);
}

/** `this` where it is bound (methods, constructors, field initialisers and the arrows in them). */
export function thisValue(ip: Interp, n: Span): Value {
  const v = ip.scope.lookup("this")?.value;
  if (v === undefined) throw ip.error("`this` is undefined here (outside a method, or a method called without its object: `obj.m(…)`)", n);
  return v;
}

/** Binding path of `this` (for param names like `lin.W`). */
export function thisPath(ip: Interp): string | undefined {
  const v = ip.scope.lookup("this")?.value;
  return v instanceof Instance ? v.path : undefined;
}

function home(ip: Interp, n: Span): ClassFn {
  const h = ip.scope.lookup("super")?.value;
  if (!(h instanceof ClassFn)) throw ip.error("`super` outside a method", n);
  return h;
}

/** The function `super.m` (`super().m`) names. */
export function superMethod(ip: Interp, n: SuperMember): Value {
  const parent = home(ip, n).parent, f = parent?.method(n.name);
  if (f === undefined) throw ip.error(`\`super.${n.name}\` is not defined${parent ? ` (\`${parent.name}\` has no method \`${n.name}\`)` : " (the class has no `extends`)"}`, n);
  return f;
}

/** `super(…)` in a derived constructor: the parent's construction, then this class's fields (as in JavaScript). */
export function superCall(ip: Interp, n: SuperCall): Value {
  const cls = home(ip, n), self = thisValue(ip, n);
  if (!(self instanceof Instance) || cls.parent === undefined) throw ip.error("`super(…)` outside the constructor of a class with `extends`", n);
  const args = argumentsOf(ip, n.args);
  initialise(ip, cls.parent, self, args, n);
  initFields(ip, cls, self, n);
  return undefined;
}

/** `new C(…)`. Counts as one nested call (field initialisers can recurse without any closure). */
export function construct(ip: Interp, n: New): Value {
  const cls = evalExpr(ip, n.callee);
  if (!(cls instanceof ClassFn)) throw ip.error(`\`${ip.text(n.callee)}\` is not a class (it is ${typeName(cls)})`, n.callee);
  return make(ip, cls, argumentsOf(ip, n.args), n);
}

function make(ip: Interp, cls: ClassFn, args: Value[], n: CallSite, kw?: Map<string, Value>): Instance {
  const path = ip.namePath;
  if (ip.depth >= ip.bounds.maxDepth) throw depthError(ip, n);
  if (++ip.depth > ip.deepest) ip.deepest = ip.depth;
  const self = new Instance(cls, path ?? cls.name, n), tape = ip.tape;
  ip.traced?.push(self);
  const init = ip.lang === "py" ? cls.method("__init__") : undefined;
  const grouped = ip.lang === "py" ? init === undefined : cls.ctor === undefined;
  ip.current = n;
  if (grouped) tape.beginGroup("call", `new ${cls.name}(${args.map(brief).join(", ")})`);
  if (ip.lang === "py") {
    if (init !== undefined) init.call(ip, args, n, self, kw);
    else if (args.length > 0) throw ip.error(`\`${cls.name}()\` takes no arguments, got ${args.length}`, n);
  } else initialise(ip, cls, self, args, n);
  if (grouped && tape === ip.tape) tape.endGroup();
  ip.depth--;
  return self;
}

function initialise(ip: Interp, cls: ClassFn, self: Instance, args: Value[], site: CallSite): void {
  if (cls.env === undefined) return; // a built-in class: nothing to set up
  const ctor = cls.ctor;
  if (ctor === undefined) {
    if (cls.parent !== undefined) initialise(ip, cls.parent, self, args, site);
    initFields(ip, cls, self, site);
    return;
  }
  if (cls.parent === undefined) initFields(ip, cls, self, site);
  ctor.call(ip, args, site, self);
  if (!self.ready.has(cls)) throw ip.error(`the constructor of \`${cls.name}\` must call \`super(…)\``, ctor.decl);
}

/** Field initialisers, in order, with `this` bound. */
function initFields(ip: Interp, cls: ClassFn, self: Instance, site: CallSite): void {
  if (self.ready.has(cls)) throw ip.error("`super(…)` called twice", site);
  self.ready.add(cls);
  if (cls.fields.length === 0) return;
  const savedScope = ip.scope, savedPath = ip.namePath;
  const scope = new Scope(cls.env, true);
  scope.declare("this", self, true);
  scope.declare("super", cls, true);
  ip.scope = scope;
  for (const f of cls.fields) {
    ip.namePath = `${self.path}.${f.name}`;
    self.props.set(f.name, f.value !== undefined ? evalExpr(ip, f.value) : undefined);
  }
  ip.scope = savedScope;
  ip.namePath = savedPath;
}

/** `class A {…}` as a statement: binds A in the current scope (in order, like `let`). */
export function declareClass(ip: Interp, c: ClassExpr): ClassFn {
  return defineClass(ip, c, c.name ?? "anonymous");
}

/** `class {…}` as a value: named by its own name, else by what it is bound to (`const A = class {…}`). */
export function classExpression(ip: Interp, c: ClassExpr): ClassFn {
  return defineClass(ip, c, c.name ?? ip.namePath ?? "anonymous");
}

function defineClass(ip: Interp, c: ClassExpr, name: string): ClassFn {
  let parent: ClassFn | undefined;
  if (c.base !== undefined) {
    const p = evalExpr(ip, c.base);
    if (!(p instanceof ClassFn)) throw ip.error(`\`${ip.text(c.base)}\` is not a class (it is ${typeName(p)}), so it cannot be extended`, c.base);
    parent = p;
  }
  const env = new Scope(ip.scope);
  const cls = new ClassFn(name, parent, env);
  // Python's methods do not see the class body's names; TypeScript's see the class's own name.
  if (c.name !== undefined && ip.lang !== "py") env.declare(c.name, cls, true);
  if (c.ctor !== undefined) cls.ctor = method(`new ${name}`, c.ctor, env, cls);
  for (const m of c.methods) cls.methods.set(m.name ?? "", method(`${name}.${m.name ?? ""}`, m, ip.lang === "py" ? ip.scope : env, cls, ip));
  if (ip.lang === "py") {
    for (const f of c.fields) if (f.value !== undefined) cls.attrs.set(f.name, evalExpr(ip, f.value));
  } else cls.fields.push(...c.fields);
  return cls;
}

function method(name: string, decl: FunctionExpr, env: Scope, cls: ClassFn, ip?: Interp): Closure {
  const f = ip?.lang === "py" ? pyDefine(ip, decl, name, env) : new Closure(name, decl, env);
  f.home = cls;
  return f;
}

/** `x instanceof C`: C in x's class chain. */
export function instanceOf(ip: Interp, x: Value, c: Value, site: Span): boolean {
  if (!(c instanceof ClassFn)) throw ip.error(`the right side of \`instanceof\` must be a class, got ${typeName(c)}`, site);
  if (!(x instanceof Instance)) return false;
  for (let k: ClassFn | undefined = x.cls; k !== undefined; k = k.parent) if (k === c) return true;
  return false;
}
