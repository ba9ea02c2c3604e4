// Runs anywhere (extension host, tests): what is under an offset of a file (a name, an operator, a call) and which
// tape nodes came from it. Works on the notation's public results: the file's tree (either language) and the tape's
// source ranges and groups.
import type { Tape } from "../engine";
import type { Call, Declare, Expr, FunctionExpr, Member, Name, Assign, Program, Stmt } from "../notation/tree";
import { nodeAt, walk, type TreeNode } from "../notation/tree-walk";
import { parentMap, type Source } from "./source";

export type Subject =
  /** A name; `field` when it is the name of a member (`this.z`), `node` then the member. */
  | { kind: "name"; name: string; start: number; end: number; node: Name | Member | FunctionExpr; element?: number }
  | { kind: "operator"; op: string; start: number; end: number; expr: { start: number; end: number }; operands: string[] }
  | { kind: "call"; name: string; start: number; end: number; expr: Call };

function within(s: { start: number; end: number } | undefined, offset: number): boolean {
  return s !== undefined && s.start <= offset && offset < s.end;
}

/** The name a call calls (`f(…)`, `obj.name(…)`), or undefined. */
export function calleeName(e: Expr): string | undefined {
  return e.kind === "name" ? e.name : e.kind === "member" || e.kind === "superMember" ? e.name : undefined;
}

/** The name, operator or call under `offset`, or undefined (whitespace, comments, literals, keywords). */
export function subjectAt(src: Source, offset: number): Subject | undefined {
  const at = nodeAt(src.program, offset);
  if (at === undefined) return undefined;
  const n = at.node, p = at.ancestors[at.ancestors.length - 1];
  const text = (a: number, b: number) => src.text.slice(a, b).trim();
  switch (n.kind) {
    case "name": {
      if (p !== undefined && p.kind === "call" && p.callee === n) return { kind: "call", name: n.name, start: n.start, end: n.end, expr: p };
      let element: number | undefined;
      if (p !== undefined && p.kind === "index" && p.object === n && p.index.kind === "number") element = p.index.value;
      return { kind: "name", name: n.name, start: n.start, end: n.end, node: n, element };
    }
    case "member":
      if (!within(n.nameSpan, offset)) return undefined;
      if (p !== undefined && p.kind === "call" && p.callee === n) return { kind: "call", name: n.name, ...n.nameSpan, expr: p };
      return { kind: "name", name: n.name, ...n.nameSpan, node: n };
    case "function":
      if (n.name === undefined || !within(n.nameSpan, offset)) return undefined;
      return { kind: "name", name: n.name, ...(n.nameSpan as { start: number; end: number }), node: n };
    case "call":
      if (within(n.parenSpan, offset)) {
        const name = calleeName(n.callee);
        if (name !== undefined) return { kind: "call", name, ...n.parenSpan, expr: n };
      }
      return undefined;
    case "binary": case "compare": case "logic":
      for (let k = 0; k < n.rest.length; k++) {
        const link = n.rest[k];
        if (!within(link.opSpan, offset)) continue;
        const end = "end" in link ? link.end : k === n.rest.length - 1 ? n.end : n.rest[k + 1].opSpan.start;
        const linkEnd = n.kind === "compare" ? link.right.end : end;
        return {
          kind: "operator", op: text(link.opSpan.start, link.opSpan.end), ...link.opSpan, expr: { start: n.start, end: linkEnd },
          operands: [text(n.start, link.opSpan.start), text(link.opSpan.end, linkEnd)],
        };
      }
      return undefined;
    case "assignExpr":
      if (!within(n.opSpan, offset)) return undefined;
      return { kind: "operator", op: text(n.opSpan.start, n.opSpan.end), ...n.opSpan, expr: n, operands: [text(n.start, n.opSpan.start), text(n.opSpan.end, n.end)] };
    case "unary": case "update":
      if (!within(n.opSpan, offset)) return undefined;
      return {
        kind: "operator", op: text(n.opSpan.start, n.opSpan.end), ...n.opSpan, expr: n,
        operands: [n.kind === "update" && !n.prefix ? text(n.start, n.opSpan.start) : text(n.opSpan.end, n.end)],
      };
    default:
      return undefined;
  }
}

/** The function or program that holds n. */
export function container(program: Program, n: TreeNode): TreeNode {
  const map = parentMap(program);
  let c = map.get(n);
  while (c !== undefined && c.kind !== "function" && c.kind !== "program") c = map.get(c);
  return c ?? program;
}

/** A declaration of a name: a variable (`const x = …`, Python's `x = …`) or a function. */
export type Declaration =
  | { kind: "var"; target: Name; init: Expr | undefined; stmt: Declare | Assign; constant: boolean }
  | { kind: "fn"; fn: FunctionExpr; stmt: Stmt };

/** Declarations by name, once per program (a hover asks for one name; inlay hints ask for all). */
const declarationIndex = new WeakMap<Program, Map<string, Declaration[]>>();

export function declarationsOf(program: Program, name: string): Declaration[] {
  let index = declarationIndex.get(program);
  if (index === undefined) {
    const built = new Map<string, Declaration[]>();
    const add = (n: string, d: Declaration) => {
      const list = built.get(n);
      if (list === undefined) built.set(n, [d]);
      else list.push(d);
    };
    walk(program, (n) => {
      if (n.kind === "declare") {
        for (const d of n.decls) if (d.target.kind === "name") add(d.target.name, { kind: "var", target: d.target, init: d.init, stmt: n, constant: n.mode === "const" });
      } else if (n.kind === "assignStmt" && n.op === undefined) {
        for (const t of n.targets) if (t.kind === "name") add(t.name, { kind: "var", target: t, init: n.value, stmt: n, constant: false });
      } else if (n.kind === "functionDecl" && n.fn.name !== undefined) add(n.fn.name, { kind: "fn", fn: n.fn, stmt: n });
    });
    index = built;
    declarationIndex.set(program, index);
  }
  return index.get(name) ?? [];
}

/** The declaration a use of a name refers to: one in the same function or an enclosing one, the nearest first. */
export function declarationFor(src: Source, id: Name): Declaration | undefined {
  const program = src.program, decls = declarationsOf(program, id.name);
  if (decls.length === 0) return undefined;
  const own = decls.find((d) => d.kind === "var" && d.target === id);
  if (own !== undefined) return own;
  const where = (d: Declaration) => container(program, d.kind === "var" ? d.target : d.stmt);
  for (let c: TreeNode | undefined = container(program, id); c !== undefined; c = c === program ? undefined : container(program, c)) {
    const here = decls.find((d) => where(d) === c);
    if (here !== undefined) return here;
  }
  return decls[0];
}

/** Every statement of the program outside functions and classes, visited with `enter` (false skips children). */
export function topLevel(program: Program, enter: (n: TreeNode) => void): void {
  walk(program, (n) => {
    if (n.kind === "function" || n.kind === "class") return false;
    enter(n);
    return true;
  });
}


/** Node ids whose source range is exactly [start, end). */
export function nodesWithRange(tape: Tape, start: number, end: number): number[] {
  const out: number[] = [];
  const s = tape.srcStart, e = tape.srcEnd;
  for (let i = 0; i < tape.n; i++) if (s[i] === start && e[i] === end) out.push(i);
  return out;
}

/**
 * One node per evaluation: an expression can record several nodes under one range (a loss over rows); each run of
 * consecutive ids is one evaluation and its last node is the result.
 */
export function lastOfRuns(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < ids.length; k++) if (k === ids.length - 1 || ids[k + 1] !== ids[k] + 1) out.push(ids[k]);
  return out;
}

/** The label of the nearest enclosing "call" group of node i (`forward(1, 0)`), or undefined at top level. */
export function callLabel(tape: Tape, i: number): string | undefined {
  for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (tape.groups[g].kind === "call") return tape.groups[g].label;
  return undefined;
}

/**
 * For each call group of a function `name` (labels `name(…)`, or `Class.name(…)` for a method), its label, group and
 * last node: the call's result.
 */
export function callResults(tape: Tape, name: string): { label: string; node: number; group: number }[] {
  const want = new Map<number, number>();
  tape.groups.forEach((g, k) => {
    if (g.kind === "call" && (g.label.startsWith(`${name}(`) || isMethodLabel(g.label, name))) want.set(k, -1);
  });
  if (want.size === 0) return [];
  // Every wanted group a node is inside: a method's result can come from a nested call of the same name.
  for (let i = 0; i < tape.n; i++) {
    for (let g = tape.group[i]; g >= 0; g = tape.groups[g].parent) if (want.has(g)) want.set(g, i);
  }
  return [...want].filter(([, node]) => node >= 0).map(([g, node]) => ({ label: tape.groups[g].label, node, group: g }));
}

/** `Class.name(…)`: a method call's group label. */
function isMethodLabel(label: string, name: string): boolean {
  const dot = label.indexOf(".");
  return dot > 0 && /^[\w$]+$/.test(label.slice(0, dot)) && label.startsWith(`${name}(`, dot + 1);
}
