// Runs anywhere (extension host, tests): which binding a name in a `.nn.ts` file refers to when the tape cannot name
// it: an element of a destructuring pattern (`const [a, b] = pair`, `function f([x1, x2])`) or a `for … of`
// variable. Syntax only, by lexical scope; subject-values.ts and logged-values.ts turn the answer into values.
import type * as TS from "typescript";
import { ts } from "../notation/parse";
import { patternNames } from "../notation/typescript/walk";

export type BoundSite =
  /** Bound by a declaration the document run logs (DocumentResult.bound), keyed by the binding identifier. */
  | { kind: "logged"; how: "loop variable" | "destructured"; binding: TS.Identifier }
  /**
   * An element of a destructured function parameter, logged per call like a pattern (keyed by `binding`); when the
   * log has nothing (a failed run), read from call labels: the `index`-th argument of each call of `fn` (undefined:
   * an unnamed function), then `path` into it (array positions; undefined for a step call labels cannot follow: an
   * object key, a rest element).
   */
  | { kind: "parameter"; fn: string | undefined; index: number; path: (number | undefined)[]; binding: TS.Identifier }
  /**
   * A `const` name declared inside a function or method body (`const n = xs.length`), logged once per binding; `fn` is
   * the function's name when it has one, `loop` says a loop inside the function binds it more than once per call.
   */
  | { kind: "local"; fn: string | undefined; loop: boolean; binding: TS.Identifier };

/** The name a function-like node is called by (`function f`, `const f = (…) => …`), or undefined. */
export function functionName(n: TS.SignatureDeclaration): string | undefined {
  const t = ts();
  if (t.isFunctionDeclaration(n)) return n.name?.text;
  return n.parent !== undefined && t.isVariableDeclaration(n.parent) && t.isIdentifier(n.parent.name) ? n.parent.name.text : undefined;
}

/** The pattern binding or loop variable `id` refers to; undefined for any other name (left to subject-values.ts). */
export function boundSite(id: TS.Identifier): BoundSite | undefined {
  const t = ts();
  const binding = declaringIdentifier(id);
  if (binding === undefined) return undefined;
  const d = binding.parent;
  if (t.isVariableDeclaration(d)) return isLoopHead(d) ? { kind: "logged", how: "loop variable", binding } : undefined;
  if (!t.isBindingElement(d)) return undefined;
  // Up through nested patterns to the declaration or parameter, noting each step's array position.
  const path: (number | undefined)[] = [];
  let n: TS.Node = d;
  while (t.isBindingElement(n)) {
    const pattern: TS.BindingPattern = n.parent;
    path.unshift(t.isArrayBindingPattern(pattern) && n.dotDotDotToken === undefined ? pattern.elements.indexOf(n) : undefined);
    n = pattern.parent;
  }
  if (t.isVariableDeclaration(n)) return { kind: "logged", how: isLoopHead(n) ? "loop variable" : "destructured", binding };
  if (t.isParameter(n) && t.isFunctionLike(n.parent)) {
    return { kind: "parameter", fn: functionName(n.parent), index: n.parent.parameters.indexOf(n), path, binding };
  }
  return undefined;
}

/** The local site of a plain `const` name declared inside a function body; undefined at the top level. */
export function localSite(binding: TS.Identifier): BoundSite | undefined {
  const t = ts();
  let loop = false;
  for (let n: TS.Node | undefined = binding.parent; n !== undefined; n = n.parent) {
    if (t.isIterationStatement(n, false)) loop = true;
    if (!t.isFunctionLike(n)) continue;
    // A method is called by its own name (`forward`), which functionName does not cover.
    const fn = functionName(n) ?? (t.isMethodDeclaration(n) && t.isIdentifier(n.name) ? n.name.text : undefined);
    return { kind: "local", fn, loop, binding };
  }
  return undefined;
}

/** `const x` in `for (const x of xs)`. */
function isLoopHead(d: TS.VariableDeclaration): boolean {
  const list = d.parent, t = ts();
  return t.isVariableDeclarationList(list) && list.parent !== undefined && t.isForOfStatement(list.parent);
}

/** The identifier that declares `id`'s name in the nearest enclosing scope that declares it (itself at a binding). */
export function declaringIdentifier(id: TS.Identifier): TS.Identifier | undefined {
  for (let n: TS.Node | undefined = id.parent; n !== undefined; n = n.parent) {
    const found = declaredIn(n, id.text);
    if (found !== undefined) return found;
  }
  return undefined;
}

function declaredIn(n: TS.Node, name: string): TS.Identifier | undefined {
  const t = ts();
  if (t.isFunctionLike(n)) {
    for (const p of n.parameters) {
      const hit = inBindingName(p.name, name);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (t.isForOfStatement(n) || t.isForInStatement(n) || t.isForStatement(n)) {
    const init = n.initializer;
    return init !== undefined && t.isVariableDeclarationList(init) ? inDeclarations(init, name) : undefined;
  }
  if (t.isCatchClause(n)) return n.variableDeclaration !== undefined ? inBindingName(n.variableDeclaration.name, name) : undefined;
  if (!t.isBlock(n) && !t.isSourceFile(n) && !t.isModuleBlock(n) && !t.isCaseClause(n) && !t.isDefaultClause(n)) return undefined;
  for (const s of n.statements) {
    if (t.isVariableStatement(s)) {
      const hit = inDeclarations(s.declarationList, name);
      if (hit !== undefined) return hit;
    } else if ((t.isFunctionDeclaration(s) || t.isClassDeclaration(s)) && s.name?.text === name) return s.name;
  }
  return undefined;
}

function inDeclarations(list: TS.VariableDeclarationList, name: string): TS.Identifier | undefined {
  for (const d of list.declarations) {
    const hit = inBindingName(d.name, name);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function inBindingName(b: TS.BindingName, name: string): TS.Identifier | undefined {
  return patternNames(b).find((id) => id.text === name);
}
