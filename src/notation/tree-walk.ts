// Runs anywhere: walking GradLens's tree (tree.ts) without recursion, for what reads a whole program (free names,
// hovers, targets): the children of any node in source order, a pre-order walk, and the node at an offset.
import type { Element, Expr, Pattern, Program, Stmt, Target } from "./tree";

/** A node of the tree: what has a kind and a span and stands in the program (wrappers such as Arg are walked through). */
export type TreeNode = Program | Stmt | Expr | Pattern | Target;

type Maybe = TreeNode | undefined;

function elements(out: Maybe[], es: readonly Element[]): void {
  for (const e of es) if (e.kind === "spread") out.push(e.value);
  else if (e.kind !== "hole") out.push(e);
}

/** The nodes directly under n, in source order. */
export function children(n: TreeNode): TreeNode[] {
  const out: Maybe[] = [];
  switch (n.kind) {
    case "program": case "block": out.push(...n.body); break;
    case "expr": out.push(n.expr); break;
    case "declare": for (const d of n.decls) out.push(d.target, d.init); break;
    case "assignStmt": out.push(...n.targets, n.value); break;
    case "if": out.push(n.test, ...n.then, ...(n.otherwise ?? [])); break;
    case "for": out.push(n.init, n.test, n.update, ...n.body); break;
    case "forOf": out.push(n.target, n.iter, ...n.body, ...(n.otherwise ?? [])); break;
    case "while": out.push(n.test, ...n.body, ...(n.otherwise ?? [])); break;
    case "return": case "raise": out.push(n.value); break;
    case "functionDecl": out.push(n.fn); break;
    case "classDecl": out.push(n.cls); break;
    case "global": case "nonlocal": out.push(...n.names); break;
    case "assert": out.push(n.test, n.message); break;
    case "del": out.push(...n.targets); break;
    case "unary": out.push(n.arg); break;
    case "update": out.push(n.target); break;
    case "binary": case "compare": case "logic": out.push(n.first, ...n.rest.map((r) => r.right)); break;
    case "conditional": out.push(n.test, n.then, n.otherwise); break;
    case "assignExpr": out.push(n.target, n.value); break;
    case "sequence": out.push(...n.exprs); break;
    case "call": case "new": out.push(n.callee, ...n.args.map((a) => a.value)); break;
    case "superCall": out.push(...n.args.map((a) => a.value)); break;
    case "member": out.push(n.object); break;
    case "index": out.push(n.object, n.index); break;
    case "slice":
      out.push(n.object);
      for (const p of n.parts) if (p.kind === "range") out.push(p.lo, p.hi, p.step);
      else out.push(p);
      break;
    case "array": case "tuple": case "set": elements(out, n.elements); break;
    case "object": for (const e of n.entries) out.push(...(e.kind === "entry" && typeof e.key !== "string" ? [e.key] : []), e.value); break;
    case "function":
      for (const p of n.params) out.push(p.target, p.default);
      if (Array.isArray(n.body)) out.push(...(n.body as readonly Stmt[]));
      else out.push(n.body as Expr);
      break;
    case "class": out.push(n.base, n.ctor, ...n.methods, ...n.fields.map((f) => f.value)); break;
    case "template": for (const p of n.parts) if (typeof p !== "string") out.push(p.value); break;
    case "comprehension":
      out.push(n.element, n.value);
      for (const c of n.clauses) out.push(...(c.kind === "for" ? [c.target, c.iter] : [c.test]));
      break;
    case "arrayPattern": for (const e of n.elements) if (e !== undefined) out.push(e.target, e.default); break;
    case "objectPattern": for (const p of n.props) out.push(p.target, p.default); break;
    case "unpack": for (const e of n.elements) if (e !== undefined) out.push(e.target); break;
    default: break; // leaves: literals, names, `this`, jumps, imports, Nothing, Unsupported, `super.m`
  }
  const kids = out.filter((c): c is TreeNode => c !== undefined);
  // Python puts some parts before the node's first one in source (`a if c else b`), and class members interleave.
  for (let i = 1; i < kids.length; i++) {
    if (kids[i].start < kids[i - 1].start) return kids.sort((a, b) => a.start - b.start);
  }
  return kids;
}

/**
 * Visit root and every node under it once, each before its children, children in source order. `enter` returning
 * false skips the node's children. An explicit stack: a 10,000-term chain or deep nesting needs no recursion.
 */
export function walk(root: TreeNode, enter: (n: TreeNode, parent: TreeNode | undefined) => boolean | void): void {
  const stack: [TreeNode, TreeNode | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [n, parent] = stack.pop() as [TreeNode, TreeNode | undefined];
    if (enter(n, parent) === false) continue;
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], n]);
  }
}

/** The innermost node whose span holds offset (start ≤ offset < end), with its ancestors, outermost first. */
export function nodeAt(program: Program, offset: number): { node: TreeNode; ancestors: TreeNode[] } | undefined {
  if (offset < program.start || offset >= program.end) return undefined;
  const ancestors: TreeNode[] = [];
  let node: TreeNode = program;
  for (;;) {
    const inner: TreeNode | undefined = children(node).find((c) => c.start <= offset && offset < c.end);
    if (inner === undefined) return { node, ancestors };
    ancestors.push(node);
    node = inner;
  }
}
