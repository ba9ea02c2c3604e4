// Runs anywhere: walking TypeScript syntax trees without recursion (the editor-model queries still read them). A left-deep chain (`x + x + … + x`, `a.b.c.d…`) is as deep
// as it is long, so every walk over user text keeps its own stack instead of the JavaScript one.
import type * as TS from "typescript";
import { ts } from "../parse";

/** A node to visit, or an action to run when the walk reaches that point (after the items scheduled before it). */
export type WalkItem = TS.Node | (() => void);

/**
 * Depth first from root, in source order. `visit` returns what to do next for its node, in order: child nodes (each
 * visited the same way) and actions; undefined means every child (ts.forEachChild's), an empty list none.
 */
export function walk(root: TS.Node, visit: (n: TS.Node) => readonly WalkItem[] | undefined): void {
  const t = ts(), stack: WalkItem[] = [root];
  const kids: TS.Node[] = [];
  const collect = (c: TS.Node): undefined => {
    kids.push(c);
    return undefined;
  };
  while (stack.length > 0) {
    const item = stack.pop() as WalkItem;
    if (typeof item === "function") {
      item();
      continue;
    }
    const next = visit(item);
    if (next !== undefined) {
      for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]);
      continue;
    }
    kids.length = 0;
    t.forEachChild(item, collect);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
}

/** Every node under root (root included), depth first in source order; `enter` returns false to skip a node's children. */
export function eachNode(root: TS.Node, enter: (n: TS.Node) => boolean | void): void {
  const t = ts(), stack: TS.Node[] = [root];
  const push = (c: TS.Node): undefined => {
    stack.push(c);
    return undefined;
  };
  while (stack.length > 0) {
    const n = stack.pop() as TS.Node;
    if (enter(n) === false) continue;
    // The children land in source order; reversed in place, the first is popped first.
    const from = stack.length;
    t.forEachChild(n, push);
    for (let i = from, j = stack.length - 1; i < j; i++, j--) {
      const c = stack[i];
      stack[i] = stack[j];
      stack[j] = c;
    }
  }
}

/** The names a binding pattern declares (`[p, { q }, ...r]`: p, q, r), in source order. */
export function patternNames(b: TS.BindingName): TS.Identifier[] {
  const t = ts(), out: TS.Identifier[] = [], stack: TS.BindingName[] = [b];
  while (stack.length > 0) {
    const x = stack.pop() as TS.BindingName;
    if (t.isIdentifier(x)) {
      out.push(x);
      continue;
    }
    const els = x.elements;
    for (let k = els.length - 1; k >= 0; k--) {
      const e = els[k];
      if (!t.isOmittedExpression(e)) stack.push(e.name);
    }
  }
  return out;
}
