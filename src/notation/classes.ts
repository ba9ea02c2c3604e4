// Runs anywhere: classes of the notation. A class is a ClassFn (fields, methods, an optional constructor, a parent);
// `new` makes an Instance whose own fields are its props and whose methods are found through the class chain.
// Methods are Closures with a home class: their scope binds `this` (the receiver) and `super` (the home class),
// keywords no user name can shadow, so arrow functions capture both lexically. The built-in `Module` is seed 002's
// base class: calling an instance stores its inputs and output, `backward()` calls the hand-written `bwd`.
import type * as TS from "typescript";
import { Closure } from "./calls";
import { argumentsOf, evalExpr, kinds } from "./expressions";
import { Scope, type Interp } from "./interp";
import { member } from "./members";
import { ts } from "./parse";
import { Fn, Obj, brief, typeName, type CallSite, type Value } from "./values";

/** An object made by `new`: own fields in props, methods from its class chain. */
export class Instance extends Obj {
  /** Classes whose fields are initialised (a derived constructor must call `super(…)` exactly once). */
  readonly ready = new Set<ClassFn>();
  constructor(
    readonly cls: ClassFn,
    /** Binding path (`lin`, `mlp.sigmoid`): params made in its fields and methods are named `lin.W`. */
    readonly path: string,
  ) {
    super();
  }
}

export class ClassFn extends Fn {
  readonly methods = new Map<string, Fn>();
  readonly fields: TS.PropertyDeclaration[] = [];
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

  call(ip: Interp, _args: Value[], site: CallSite): Value {
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

/** Calling an instance `lin(x, y)`: a Module stores args and out and returns out; anything else is an error. */
export function callInstance(ip: Interp, self: Instance, args: Value[], site: TS.CallExpression): Value {
  if (!self.cls.isModule()) {
    throw ip.error(`\`${site.expression.getText(ip.sf)}\` is not callable (an instance of \`${self.cls.name}\`, which does not extend \`Module\`)`, site.expression);
  }
  self.props.set("args", args);
  const f = instanceMember(self, "forward");
  if (!(f instanceof Fn)) throw ip.error(`\`${self.cls.name}.forward\` is not defined`, site);
  ip.current = site;
  const out = f.call(ip, args, site, self);
  self.props.set("out", out);
  return out;
}

/** `obj.name`: an own field, else a method of its class chain (unbound, as in JavaScript), else undefined. */
export function instanceMember(self: Instance, name: string): Value {
  return self.props.has(name) ? self.props.get(name) : self.cls.method(name);
}

/** `this` where it is bound (methods, constructors, field initialisers and the arrows in them). */
export function thisValue(ip: Interp, n: TS.Node): Value {
  const v = ip.scope.lookup("this")?.value;
  if (v === undefined) throw ip.error("`this` is undefined here (outside a method, or a method called without its object: `obj.m(…)`)", n);
  return v;
}

/** Binding path of `this` (for param names like `lin.W`). */
export function thisPath(ip: Interp): string | undefined {
  const v = ip.scope.lookup("this")?.value;
  return v instanceof Instance ? v.path : undefined;
}

function home(ip: Interp, n: TS.Node): ClassFn {
  const h = ip.scope.lookup("super")?.value;
  if (!(h instanceof ClassFn)) throw ip.error("`super` outside a method", n);
  return h;
}

/** The receiver of `obj.m(…)` or `super.m(…)` (which becomes `this` in the call). */
export function receiver(ip: Interp, pa: TS.PropertyAccessExpression): Value {
  if (pa.questionDotToken) throw ip.error("optional chaining `?.` is not supported", pa);
  ip.tick(pa);
  return pa.expression.kind === kinds().SuperKeyword ? thisValue(ip, pa.expression) : evalExpr(ip, pa.expression);
}

/** The function `obj.m` or `super.m` names; a method an instance lacks is an error here, at `obj.m`. */
export function methodOf(ip: Interp, self: Value, pa: TS.PropertyAccessExpression): Value {
  const name = pa.name.text;
  if (pa.expression.kind === kinds().SuperKeyword) {
    const parent = home(ip, pa.expression).parent, f = parent?.method(name);
    if (f === undefined) throw ip.error(`\`super.${name}\` is not defined${parent ? ` (\`${parent.name}\` has no method \`${name}\`)` : " (the class has no `extends`)"}`, pa);
    return f;
  }
  const f = member(ip, self, name, pa);
  if (f === undefined && self instanceof Instance) throw ip.error(`\`${self.cls.name}\` has no method \`${name}\``, pa);
  return f;
}

/** `super(…)` in a derived constructor: the parent's construction, then this class's fields (as in JavaScript). */
export function superCall(ip: Interp, n: TS.CallExpression): Value {
  const cls = home(ip, n.expression), self = thisValue(ip, n.expression);
  if (!(self instanceof Instance) || cls.parent === undefined) throw ip.error("`super(…)` outside the constructor of a class with `extends`", n);
  const args = argumentsOf(ip, n);
  initialise(ip, cls.parent, self, args, n);
  initFields(ip, cls, self, n);
  return undefined;
}

/** `new C(…)`. Counts as one nested call (field initialisers can recurse without any closure). */
export function construct(ip: Interp, n: TS.NewExpression): Value {
  const path = ip.namePath;
  const cls = evalExpr(ip, n.expression);
  if (!(cls instanceof ClassFn)) throw ip.error(`\`${n.expression.getText(ip.sf)}\` is not a class (it is ${typeName(cls)})`, n.expression);
  const args = argumentsOf(ip, n);
  if (ip.depth >= ip.bounds.maxDepth) throw ip.error(`call depth limit reached (${ip.bounds.maxDepth} nested calls; see gradlens.maxCallDepth)`, n);
  if (++ip.depth > ip.deepest) ip.deepest = ip.depth;
  const self = new Instance(cls, path ?? cls.name), tape = ip.tape, grouped = cls.ctor === undefined;
  ip.current = n;
  if (grouped) tape.beginGroup("call", `new ${cls.name}(${args.map(brief).join(", ")})`);
  initialise(ip, cls, self, args, n);
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
    const key = memberName(ip, f);
    ip.namePath = `${self.path}.${key}`;
    self.props.set(key, f.initializer ? evalExpr(ip, f.initializer) : undefined);
  }
  ip.scope = savedScope;
  ip.namePath = savedPath;
}

/** `class A {…}` as a statement: binds A in the current scope (in order, like `let`). */
export function declareClass(ip: Interp, d: TS.ClassDeclaration): void {
  if (d.name === undefined) throw ip.error("a class declaration needs a name", d);
  const t = ts();
  if (t.getModifiers(d)?.some((m) => m.kind === t.SyntaxKind.DeclareKeyword)) return; // `declare class`: types only
  ip.scope.declare(d.name.text, defineClass(ip, d, d.name.text), false);
}

/** `class {…}` as a value: named by its own name, else by what it is bound to (`const A = class {…}`). */
export function classExpression(ip: Interp, c: TS.ClassExpression): ClassFn {
  return defineClass(ip, c, c.name?.text ?? ip.namePath ?? "anonymous");
}

function defineClass(ip: Interp, c: TS.ClassLikeDeclaration, name: string): ClassFn {
  const t = ts();
  rejectModifiers(ip, c);
  let parent: ClassFn | undefined;
  for (const h of c.heritageClauses ?? []) {
    if (h.token !== t.SyntaxKind.ExtendsKeyword) continue; // `implements` is type-only
    const e = h.types[0].expression, p = evalExpr(ip, e);
    if (!(p instanceof ClassFn)) throw ip.error(`\`${e.getText(ip.sf)}\` is not a class (it is ${typeName(p)}), so it cannot be extended`, e);
    parent = p;
  }
  const env = new Scope(ip.scope);
  const cls = new ClassFn(name, parent, env);
  if (c.name !== undefined) env.declare(c.name.text, cls, true);
  for (const m of c.members) {
    if (rejectModifiers(ip, m)) continue;
    if (t.isConstructorDeclaration(m)) {
      const prop = m.parameters.find((p) => t.getModifiers(p)?.length);
      if (prop !== undefined) throw ip.error("constructor parameter properties (`public a` in a constructor) are not supported yet", prop);
      if (m.body) cls.ctor = method(`new ${name}`, m, env, cls);
    } else if (t.isMethodDeclaration(m)) {
      if (m.asteriskToken) throw ip.error("generator methods are not supported", m);
      if (m.body) cls.methods.set(memberName(ip, m), method(`${name}.${memberName(ip, m)}`, m, env, cls));
    } else if (t.isPropertyDeclaration(m)) {
      memberName(ip, m);
      cls.fields.push(m);
    } else if (t.isGetAccessor(m) || t.isSetAccessor(m)) {
      throw ip.error("getters and setters are not supported yet", m);
    } else if (t.isClassStaticBlockDeclaration(m)) {
      throw ip.error("`static` is not supported yet", m);
    } else if (!t.isSemicolonClassElement(m) && !t.isIndexSignatureDeclaration(m)) {
      throw ip.error(`${t.SyntaxKind[m.kind]} in a class is not supported`, m);
    }
  }
  return cls;
}

function method(name: string, decl: TS.MethodDeclaration | TS.ConstructorDeclaration, env: Scope, cls: ClassFn): Closure {
  const f = new Closure(name, decl, env);
  f.home = cls;
  return f;
}

/** Errors for modifiers the notation does not support; true for type-only members (`declare x: number`). */
function rejectModifiers(ip: Interp, n: TS.Node): boolean {
  const t = ts(), K = t.SyntaxKind;
  if (!t.canHaveModifiers(n)) return false;
  for (const m of t.getModifiers(n) ?? []) {
    if (m.kind === K.StaticKeyword) throw ip.error("`static` is not supported yet", m);
    if (m.kind === K.AsyncKeyword) throw ip.error("`async` is not supported", m);
    if (m.kind === K.DeclareKeyword || (m.kind === K.AbstractKeyword && !t.isClassLike(n))) return true;
  }
  const deco = t.canHaveDecorators(n) ? t.getDecorators(n)?.[0] : undefined;
  if (deco !== undefined) throw ip.error("decorators are not supported", deco);
  return false;
}

function memberName(ip: Interp, m: TS.ClassElement): string {
  const t = ts(), k = m.name;
  if (k !== undefined && (t.isIdentifier(k) || t.isStringLiteral(k) || t.isNumericLiteral(k))) return k.text;
  if (k !== undefined && t.isPrivateIdentifier(k)) throw ip.error(`private \`${k.text}\` members are not supported yet (use \`${k.text.slice(1)}\`)`, k);
  throw ip.error("computed member names are not supported", k ?? m);
}

/** `x instanceof C`: C in x's class chain. */
export function instanceOf(ip: Interp, x: Value, c: Value, site: TS.Node): boolean {
  if (!(c instanceof ClassFn)) throw ip.error(`the right side of \`instanceof\` must be a class, got ${typeName(c)}`, site);
  if (!(x instanceof Instance)) return false;
  for (let k: ClassFn | undefined = x.cls; k !== undefined; k = k.parent) if (k === c) return true;
  return false;
}
