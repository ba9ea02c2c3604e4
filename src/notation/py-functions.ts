// Runs anywhere: Python's calls: parameters bound from positional, keyword, `*args` and `**kwargs` arguments (a
// method's receiver first), with Python's messages for a call that does not fit.
import type { Closure } from "./calls";
import { bind } from "./calls";
import { evalExpr } from "./expressions";
import { Scope, type Interp } from "./interp";
import { PyDict, tuple } from "./py-values";
import type { CallSite, Value } from "./values";

/** A new scope under the closure's environment with the parameters bound; `self` comes first for a method. */
export function bindPyParams(ip: Interp, f: Closure, given: Value[], kw: Map<string, Value> | undefined, site: CallSite, self: Value): Scope {
  const scope = new Scope(f.env, true);
  const args = f.home !== undefined && self !== undefined ? [self, ...given] : given;
  if (f.home !== undefined) {
    scope.declare("this", self, true);
    scope.declare("super", f.home, true);
  }
  const ps = f.decl.params, name = `${(f.name || "<lambda>").replace(/^.*\./, "")}()`;
  const left = new Map(kw ?? []);
  let k = 0, d = 0;
  const values: Value[] = [];
  for (const p of ps) {
    const pname = p.target.kind === "name" ? p.target.name : "";
    if (p.rest === "positional") {
      values.push(tuple(args.slice(k)));
      k = args.length;
      continue;
    }
    if (p.rest === "keywords") {
      const extra = new PyDict();
      for (const [key, v] of left) extra.set(ip, key, v, site);
      left.clear();
      values.push(extra);
      continue;
    }
    let v: Value | undefined;
    let has = false;
    if (!p.keywordOnly && k < args.length) {
      v = args[k++];
      has = true;
      if (left.has(pname)) throw ip.error(`${name} got multiple values for argument '${pname}'`, site);
    } else if (left.has(pname)) {
      v = left.get(pname);
      left.delete(pname);
      has = true;
    }
    if (p.default !== undefined) {
      const dv = f.defaults.length > d ? f.defaults[d] : undefined;
      d++;
      if (!has) v = f.defaults.length >= d ? dv : evalDefault(ip, f, p.default);
    } else if (!has) {
      throw ip.error(`${name} missing 1 required ${p.keywordOnly ? "keyword-only" : "positional"} argument: '${pname}'`, site);
    }
    values.push(v);
  }
  if (k < args.length) {
    const most = ps.filter((p) => p.rest === undefined && !p.keywordOnly).length;
    throw ip.error(`${name} takes ${most} positional argument${most === 1 ? "" : "s"} but ${args.length} ${args.length === 1 ? "was" : "were"} given`, site);
  }
  if (left.size > 0) throw ip.error(`${name} got an unexpected keyword argument '${left.keys().next().value as string}'`, site);
  ip.scope = scope;
  ps.forEach((p, i) => bind(ip, scope, p.target, values[i], false));
  return scope;
}

/** A default of a lambda or method (evaluated where it was defined: its closure's environment). */
function evalDefault(ip: Interp, f: Closure, e: Parameters<typeof evalExpr>[1]): Value {
  const saved = ip.scope;
  ip.scope = f.env;
  try {
    return evalExpr(ip, e);
  } finally {
    ip.scope = saved;
  }
}
