// Runs anywhere: the state of lowering one Python text (from python/parse.ts) to GradLens's tree: spans as document
// offsets, children without comments, and the lowering's shared state (unsupported constructs, nesting bound).
import { Lowering, Rejected } from "../lowering";
import type { Span, Unsupported } from "../tree";
import { parseText, type PyNode, type PythonTree } from "./parse";

export class PyLowering {
  constructor(
    readonly lw: Lowering,
    readonly tree: PythonTree,
  ) {}

  /** The same lowering over another tree (an expression parsed again on its own). */
  within(tree: PythonTree): PyLowering {
    return new PyLowering(this.lw, tree);
  }

  start(n: { from: number }): number {
    return this.lw.base + this.tree.shift + n.from;
  }

  end(n: { to: number }): number {
    return this.lw.base + this.tree.shift + n.to;
  }

  span(n: PyNode): Span {
    return { start: this.start(n), end: this.end(n) };
  }

  /** From the start of `a` to the end of `b`. */
  spanOf(a: PyNode, b: PyNode): Span {
    return { start: this.start(a), end: this.end(b) };
  }

  text(n: PyNode): string {
    return this.tree.text.slice(n.from, n.to);
  }

  /** Reject n: the nearest expression or statement becomes Unsupported. */
  reject(what: string, n: PyNode, last: PyNode = n): never {
    return this.lw.reject(what, this.start(n), this.end(last));
  }

  unsupportedAt(what: string, n: PyNode): Unsupported {
    return this.lw.unsupportedAt(what, this.start(n), this.end(n));
  }

  /** Lower n one level deeper; a rejection inside becomes the slot's Unsupported node. */
  slot<T>(n: PyNode, lower: (cx: PyLowering, n: PyNode) => T): T | Unsupported {
    this.lw.enter(this.start(n), this.end(n));
    try {
      return lower(this, n);
    } catch (e) {
      if (e instanceof Rejected) return e.node;
      throw e;
    } finally {
      this.lw.leave();
    }
  }

  /** Parse text standing for the source at `shift` (chains.ts's operands of a run), in this lowering. */
  fragment(text: string, shift: number): PyLowering {
    return this.within(parseText(text, shift, this.tree.floats, { base: this.lw.base, doc: this.lw.doc }));
  }
}

/** n's children, comments left out. */
export function kids(n: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (let c = n.firstChild; c !== null; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

/** Nodes split at `,` (a trailing comma leaves no empty item); `commas` says whether there was one. */
export function splitCommas(nodes: readonly PyNode[]): { items: PyNode[][]; commas: boolean } {
  const items: PyNode[][] = [[]];
  let commas = false;
  for (const n of nodes) {
    if (n.name === ",") {
      commas = true;
      items.push([]);
    } else items[items.length - 1].push(n);
  }
  if (items[items.length - 1].length === 0) items.pop();
  return { items, commas };
}
