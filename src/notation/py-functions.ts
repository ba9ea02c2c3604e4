// Runs anywhere: Python's calls: parameters bound from positional, keyword, `*args` and `**kwargs` arguments (a
// method's receiver first), with Python's messages for a call that does not fit.
import type { Closure } from "./calls";
import { bind } from "./calls";
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
  const ps = f.decl.params;
  // The keyword arguments not yet bound (a copy: the caller's map stays whole).
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
      if (left.has(pname)) throw ip.error(`${called(f)} got multiple values for argument '${pname}'`, site);
    } else if (left.has(pname)) {
      v = left.get(pname);
      left.delete(pname);
      has = true;
    }
    // Every Python function is made by pyDefine, which evaluated each default where the `def` ran.
    if (p.default !== undefined) {
      if (!has) v = f.defaults[d];
      d++;
    } else if (!has) {
      throw ip.error(`${called(f)} missing 1 required ${p.keywordOnly ? "keyword-only" : "positional"} argument: '${pname}'`, site);
    }
    values.push(v);
  }
  if (k < args.length) {
    const most = ps.filter((p) => p.rest === undefined && !p.keywordOnly).length;
    throw ip.error(`${called(f)} takes ${most} positional argument${most === 1 ? "" : "s"} but ${args.length} ${args.length === 1 ? "was" : "were"} given`, site);
  }
  if (left.size > 0) throw ip.error(`${called(f)} got an unexpected keyword argument '${left.keys().next().value as string}'`, site);
  ip.scope = scope;
  ps.forEach((p, i) => bind(ip, scope, p.target, values[i], false));
  return scope;
}

/** The function as Python's messages name it: `f()`, a method without its class, `<lambda>()`. */
function called(f: Closure): string {
  return `${(f.name || "<lambda>").replace(/^.*\./, "")}()`;
}
