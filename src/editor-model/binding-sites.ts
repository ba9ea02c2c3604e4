// Runs anywhere (extension host, tests): which binding a name refers to when the tape cannot name it: an element of
// a destructuring pattern (`const [a, b] = pair`, `function f([x1, x2])`) or a `for … of` variable. Syntax only, by
// lexical scope, on GradLens's tree; subject-values.ts and logged-values.ts turn the answer into values.
import type { FunctionExpr, Name, Pattern, Program, Stmt } from "../notation/tree";
import type { TreeNode } from "../notation/tree-walk";
import { ancestorsOf, parentMap } from "./source";

export type BoundSite =
  /** Bound by a declaration the document run logs (DocumentResult.bound), keyed by the binding name. */
  | { kind: "logged"; how: "loop variable" | "destructured"; binding: Name }
  /**
   * An element of a destructured function parameter, logged per call like a pattern (keyed by `binding`); when the
   * log has nothing (a failed run), read from call labels: the `index`-th argument of each call of `fn` (undefined:
   * an unnamed function), then `path` into it (array positions; undefined for a step call labels cannot follow: an
   * object key, a rest element).
   */
  | { kind: "parameter"; fn: string | undefined; index: number; path: (number | undefined)[]; binding: Name }
  /**
   * A `const` name declared inside a function or method body (`const n = xs.length`), logged once per binding; `fn` is
   * the function's name when it has one, `loop` says a loop inside the function binds it more than once per call.
   */
  | { kind: "local"; fn: string | undefined; loop: boolean; binding: Name };

/** How a declaring name binds: a declaration's target, a loop head's, a parameter's (with its path into a pattern). */
export type Role =
  | { kind: "declare"; path: (number | undefined)[] | undefined; loop: boolean }
  | { kind: "param"; fn: FunctionExpr; index: number; path: (number | undefined)[] | undefined }
  | { kind: "function" };

export interface Declaring {
  binding: Name | undefined;
  role: Role;
}

/** The name a function is called by (`function f`, `def f`, a method, `const f = (…) => …`), or undefined. */
export function functionName(program: Program, fn: FunctionExpr): string | undefined {
  if (fn.name !== undefined) return fn.name;
  const p = parentMap(program).get(fn);
  if (p !== undefined && p.kind === "declare") {
    const d = p.decls.find((x) => x.init === fn);
    if (d !== undefined && d.target.kind === "name") return d.target.name;
  }
  return undefined;
}

/** `name` in a pattern, with the array positions that lead to it (undefined when it is the pattern itself). */
function inPattern(p: Pattern, name: string): { id: Name; path: (number | undefined)[] | undefined } | undefined {
  if (p.kind === "name") return p.name === name ? { id: p, path: undefined } : undefined;
  if (p.kind === "arrayPattern") {
    for (let k = 0; k < p.elements.length; k++) {
      const e = p.elements[k];
      const hit = e === undefined ? undefined : inPattern(e.target, name);
      if (hit !== undefined) return { id: hit.id, path: [e?.rest === true ? undefined : k, ...(hit.path ?? [])] };
    }
    return undefined;
  }
  for (const e of p.props) {
    const hit = inPattern(e.target, name);
    if (hit !== undefined) return { id: hit.id, path: [undefined, ...(hit.path ?? [])] };
  }
  return undefined;
}

function inStatements(stmts: readonly Stmt[], name: string): Declaring | undefined {
  for (const s of stmts) {
    if (s.kind === "declare") {
      for (const d of s.decls) {
        const hit = inPattern(d.target, name);
        if (hit !== undefined) return { binding: hit.id, role: { kind: "declare", path: hit.path, loop: false } };
      }
    } else if ((s.kind === "functionDecl" && s.fn.name === name) || (s.kind === "classDecl" && s.cls.name === name)) {
      return { binding: undefined, role: { kind: "function" } };
    }
  }
  return undefined;
}

/** The statement lists of n (a block, a branch, a loop's or function's body) that hold `child`. */
function listHolding(n: TreeNode, child: TreeNode): readonly Stmt[] | undefined {
  const lists: (readonly Stmt[] | undefined)[] = [];
  switch (n.kind) {
    case "program": case "block": lists.push(n.body); break;
    case "if": lists.push(n.then, n.otherwise); break;
    case "for": case "forOf": case "while": lists.push(n.body, "otherwise" in n ? n.otherwise : undefined); break;
    case "function": if (Array.isArray(n.body)) lists.push(n.body as readonly Stmt[]); break;
    default: break;
  }
  return lists.find((l) => l !== undefined && l.includes(child as Stmt));
}

function declaredIn(n: TreeNode, child: TreeNode, name: string): Declaring | undefined {
  const list = listHolding(n, child);
  if (list !== undefined) {
    const hit = inStatements(list, name);
    if (hit !== undefined) return hit;
  }
  if (n.kind === "function") {
    for (let i = 0; i < n.params.length; i++) {
      const hit = inPattern(n.params[i].target, name);
      if (hit !== undefined) return { binding: hit.id, role: { kind: "param", fn: n, index: i, path: hit.path } };
    }
  }
  if (n.kind === "forOf" && n.mode !== "assign") {
    const hit = inPattern(n.target as Pattern, name);
    if (hit !== undefined) return { binding: hit.id, role: { kind: "declare", path: hit.path, loop: true } };
  }
  if (n.kind === "for" && n.init !== undefined && n.init.kind === "declare") {
    const hit = inStatements([n.init], name);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** What declares `id`'s name in the nearest enclosing scope that declares it (itself at a binding). */
export function declaringIdentifier(program: Program, id: Name): Declaring | undefined {
  let child: TreeNode = id;
  for (const n of ancestorsOf(program, id)) {
    const found = declaredIn(n, child, id.name);
    if (found !== undefined) return found;
    child = n;
  }
  return undefined;
}

/** The pattern binding or loop variable `id` refers to; undefined for any other name (left to subject-values.ts). */
export function boundSite(program: Program, id: Name): BoundSite | undefined {
  const found = declaringIdentifier(program, id);
  if (found === undefined || found.binding === undefined) return undefined;
  const { binding, role } = found;
  if (role.kind === "declare") {
    if (role.loop) return { kind: "logged", how: "loop variable", binding };
    return role.path === undefined ? undefined : { kind: "logged", how: "destructured", binding };
  }
  if (role.kind === "param" && role.path !== undefined) {
    return { kind: "parameter", fn: functionName(program, role.fn), index: role.index, path: role.path, binding };
  }
  return undefined;
}

/** The local site of a plain `const` name declared inside a function body; undefined at the top level. */
export function localSite(program: Program, binding: Name): BoundSite | undefined {
  let loop = false;
  for (const n of ancestorsOf(program, binding)) {
    if (n.kind === "for" || n.kind === "forOf" || n.kind === "while") loop = true;
    if (n.kind === "function") return { kind: "local", fn: functionName(program, n), loop, binding };
  }
  return undefined;
}
