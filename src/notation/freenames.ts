// Runs anywhere: the free names of a selection, and where the document gives them a value: the nearest earlier
// assignment whose right side is a constant (`x = 53`, `const x = 53`, `let x: number = 53`, `x: float = 53.0`).
import { GLOBAL_NAMES } from "./builtins";
import { pythonBuiltins } from "./py-builtins";
import type { Expr, FunctionExpr, Name, Program, Target } from "./tree";
import { walk, type TreeNode } from "./tree-walk";
import { patternNames, targetNames } from "./walk";

export interface FoundName {
  name: string;
  value: number;
  /** 1-based line of the assignment in the document. */
  line: number;
}

/** A name a selection uses without declaring it: its first use, and whether that use calls it (`f(x)`). */
export interface FreeName {
  name: string;
  first: Name;
  called: boolean;
}

/** Names a lowered selection uses without declaring them, in order of first use, with that first use. */
export function collectFree(program: Program): FreeName[] {
  return collectNames(program).free;
}

/**
 * The selection's free names (as collectFree) and the built-in names (`E`, `max`) it uses without declaring them:
 * a value given for a built-in (`--at E=2`, a prompt) or a constant the document assigns it shadows the built-in,
 * as a name the file defines does. One walk of the tree for both.
 */
export function collectNames(program: Program): { free: FreeName[]; builtins: FreeName[] } {
  const all = undeclared(program);
  return {
    free: all.filter(({ name }) => !GLOBAL_NAMES.has(name) && !(program.lang === "py" && pythonNames().has(name))),
    builtins: all.filter(({ name }) => GLOBAL_NAMES.has(name)),
  };
}

let pyNames: ReadonlySet<string> | undefined;
/** Python's own built-ins (`print`, `len`, `range`, …): no free names in a Python selection. */
const pythonNames = (): ReadonlySet<string> => (pyNames ??= new Set(pythonBuiltins().map((f) => f.name)));

function undeclared(program: Program): FreeName[] {
  const declared = new Set<string>();
  const used = new Map<string, Name>();
  const callees = new Set<Name>();
  const py = program.lang === "py";
  const declare = (n: Name): void => {
    declared.add(n.name);
  };
  // `z = x * y` in a selection declares z, unless z was read before.
  const assigned = (n: Name): void => {
    if (!used.has(n.name)) declared.add(n.name);
  };
  const fn = (f: FunctionExpr, named: boolean): void => {
    if (named && f.name !== undefined && f.nameSpan !== undefined) declared.add(f.name);
    for (const p of f.params) {
      for (const id of patternNames(p.target)) declare(id);
      if (p.default !== undefined) visit(p.default);
    }
    if (Array.isArray(f.body)) for (const s of f.body) visit(s);
    else visit(f.body as Expr);
  };
  /** An assignment's target, after its value: plain names are assigned, the rest (`o.x`, `a[i]`) are reads. */
  const written = (t: Target): void => {
    if (t.kind === "name") assigned(t);
    else if (t.kind === "unpack") for (const e of t.elements) if (e !== undefined) written(e.target);
    else visit(t);
  };
  const enter = (n: TreeNode): boolean => {
    switch (n.kind) {
      case "name":
        if (!used.has(n.name)) used.set(n.name, n);
        return false;
      case "call":
        if (n.callee.kind === "name") callees.add(n.callee);
        return true;
      case "declare":
        for (const d of n.decls) {
          for (const id of patternNames(d.target)) declare(id);
          if (d.init !== undefined) visit(d.init);
        }
        return false;
      case "function": fn(n, !n.arrow); return false;
      case "functionDecl": fn(n.fn, true); return false;
      case "classDecl": case "class": {
        const c = n.kind === "class" ? n : n.cls;
        if (c.name !== undefined) declared.add(c.name);
        if (c.base !== undefined) visit(c.base);
        if (c.ctor !== undefined) fn(c.ctor, false);
        for (const m of c.methods) fn(m, false);
        for (const f of c.fields) if (f.value !== undefined) visit(f.value);
        return false;
      }
      case "assignExpr":
        if (n.op !== undefined) return true;
        visit(n.value);
        written(n.target);
        return false;
      case "assignStmt":
        if (n.op !== undefined) return true;
        visit(n.value);
        for (const t of n.targets) written(t);
        return false;
      case "forOf":
        visit(n.iter);
        if (n.mode === "assign" && py) written(n.target as Target);
        else if (n.mode === "assign") visit(n.target as Target);
        else for (const id of patternNames(n.target as Parameters<typeof patternNames>[0])) declare(id);
        for (const s of n.body) visit(s);
        for (const s of n.otherwise ?? []) visit(s);
        return false;
      case "comprehension":
        for (const c of n.clauses) if (c.kind === "for") for (const id of targetNames(c.target)) declare(id);
        return true;
      case "import":
        if (n.names === undefined) declared.add(n.alias ?? n.module.split(".")[0]);
        for (const x of n.names ?? []) declared.add(x.alias ?? x.name);
        return false;
      case "global": case "nonlocal": case "break": case "continue":
        return false;
      default:
        return true;
    }
  };
  function visit(n: TreeNode): void {
    walk(n, enter);
  }
  visit(program);
  const out: FreeName[] = [];
  for (const [name, first] of used) if (!declared.has(name)) out.push({ name, first, called: callees.has(first) });
  return out;
}

const escape = (s: string): string => s.replace(/[$]/g, "\\$");

/**
 * The nearest assignment to `name` that ends before `before` in the document, whose right side `constant` can
 * evaluate to a plain number (it returns undefined for anything else, and the search goes on upwards).
 */
export function findConstant(
  doc: string, name: string, before: number, constant: (rhs: string) => number | undefined,
): FoundName | undefined {
  const re = new RegExp(
    `^[ \\t]*(?:(?:export[ \\t]+)?(?:const|let|var)[ \\t]+)?${escape(name)}[ \\t]*(?::[ \\t]*[A-Za-z_][\\w.\\[\\] ,]*?)?[ \\t]*=(?![=>])(.*?)(?:;[ \\t]*)?(?:(?:#|//).*)?$`,
  );
  const lines = doc.slice(0, Math.max(0, before)).split("\n");
  // The selection may start mid-line: that line's text before the selection still counts as earlier.
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i].replace(/\r$/, ""));
    if (!m || m[1].trim() === "") continue;
    const value = constant(m[1].trim());
    if (value !== undefined) return { name, value, line: i + 1 };
  }
  return undefined;
}
