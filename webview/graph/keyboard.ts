// Runs in the graph webview (browser): the graph from the keyboard and for screen readers. Every drawn node is a
// focusable button labelled from the view model; one of them (a roving tabindex) is the graph's Tab stop.
// Keys on a focused node (the flow axis is the layout direction, LR or TB; edges run from an input to a consumer):
//   Enter/Space        what a click does (shift as with shift-click)
//   Right (LR) / Down (TB)  along an edge to a consumer; Left (LR) / Up (TB)  along an edge back to an input.
//     Of several, the one you came from, else the one drawn nearest across the flow axis.
//   Up/Down (LR) / Left/Right (TB)  the nearest node above/below (left/right) in the same rank (column or row).
//   Home               the target.
// Focus moving to a node outside the view pans it to the middle (the zoom is kept); a redraw keeps the focused node.
import type { ViewModel, ViewNode } from "../../src/view/graph";
import { nodeAriaLabel } from "./aria";
import { viewIdOf } from "./interact";
import type { Page } from "./dom";

export interface KeyboardOptions {
  model(): ViewModel | undefined;
  direction(): "LR" | "TB";
  digits(): number | undefined;
  /** What Enter/Space does: the click handler. */
  activate(node: ViewNode, e: { shiftKey: boolean }): void;
  /** Pan the drawing by screen pixels (svg-pan-zoom's panBy), keeping the zoom. */
  panBy(dx: number, dy: number): void;
}

export interface KeyboardNav {
  /** Before a redraw clears the drawing: whether a node has focus (so decorate puts it back). */
  hasFocus(): boolean;
  /** After a redraw: label the new nodes, set the Tab stop, and focus it again if a node had focus before. */
  decorate(hadFocus: boolean): void;
  /** Focus a node by view id (e.g. when the matrix panel it opened closes); false if it is not drawn. */
  focus(id: string): boolean;
}

type Move = "forward" | "back" | "prev" | "next";

const MOVES: Record<"LR" | "TB", Record<string, Move>> = {
  LR: { ArrowRight: "forward", ArrowLeft: "back", ArrowUp: "prev", ArrowDown: "next" },
  TB: { ArrowDown: "forward", ArrowUp: "back", ArrowLeft: "prev", ArrowRight: "next" },
};

export function keyboardNav(page: Page, o: KeyboardOptions): KeyboardNav {
  let els = new Map<string, SVGGElement>();
  /** The Tab stop: the last node focused or clicked, kept as the view node so a redraw can find its successor. */
  let current: ViewNode | undefined;
  let cameFrom: { from: string; to: string } | undefined;

  const nodeOf = (id: string | undefined) => (id ? o.model()?.nodes.find((n) => n.id === id) : undefined);
  const targetOf = (m: ViewModel) => m.nodes.find((n) => n.kind === "target") ?? m.nodes.find((n) => n.isTarget);

  function setCurrent(n: ViewNode): void {
    if (current) els.get(current.id)?.setAttribute("tabindex", "-1");
    current = n;
    els.get(n.id)?.setAttribute("tabindex", "0");
  }

  function focus(id: string): boolean {
    const el = els.get(id);
    const n = nodeOf(id);
    if (!el || !n) return false;
    setCurrent(n);
    // focusin reveals a node that takes focus; one that has it already may have been panned away since.
    if (document.activeElement === el) reveal(el);
    else el.focus({ preventScroll: true });
    return true;
  }

  /** Pan a node outside the view (or partly) to the middle; the zoom stays. */
  function reveal(el: Element): void {
    const box = page.graph.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    if (inside || box.width === 0) return;
    o.panBy(box.left + box.width / 2 - (r.left + r.width / 2), box.top + box.height / 2 - (r.top + r.height / 2));
  }

  /** The node a move leads to, or undefined. */
  function step(from: ViewNode, move: Move, m: ViewModel): string | undefined {
    const horizontal = o.direction() === "LR";
    const center = (id: string) => {
      const r = els.get(id)?.getBoundingClientRect();
      return r ? { flow: horizontal ? r.left + r.width / 2 : r.top + r.height / 2, cross: horizontal ? r.top + r.height / 2 : r.left + r.width / 2, r } : undefined;
    };
    const here = center(from.id);
    if (!here) return undefined;
    if (move === "forward" || move === "back") {
      const ids = new Set<string>();
      for (const e of m.edges) {
        if (move === "forward" && e.from === from.id && e.to !== from.id) ids.add(e.to);
        if (move === "back" && e.to === from.id && e.from !== from.id) ids.add(e.from);
      }
      if (cameFrom?.to === from.id && ids.has(cameFrom.from)) return cameFrom.from;
      let best: string | undefined, dist = Infinity;
      for (const id of ids) {
        const c = center(id);
        const d = c ? Math.abs(c.cross - here.cross) : Infinity;
        if (best === undefined || d < dist) { best = id; dist = d; }
      }
      return best;
    }
    // Same rank: centres on the flow axis within this node's extent (dagre aligns a rank's centres).
    const lo = horizontal ? here.r.left : here.r.top, hi = horizontal ? here.r.right : here.r.bottom;
    let best: string | undefined, dist = Infinity;
    for (const id of els.keys()) {
      const c = id === from.id ? undefined : center(id);
      if (!c || c.flow < lo || c.flow > hi) continue;
      const d = move === "next" ? c.cross - here.cross : here.cross - c.cross;
      if (d > 0 && d < dist) { best = id; dist = d; }
    }
    return best;
  }

  function onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const g = e.target instanceof Element ? e.target.closest("g.node") : null;
    const m = o.model();
    const node = g ? nodeOf(viewIdOf(g)) : undefined;
    if (!node || !m) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      return o.activate(node, { shiftKey: e.shiftKey });
    }
    if (e.key === "Home") {
      e.preventDefault();
      const t = targetOf(m);
      if (t) focus(t.id);
      return;
    }
    const move = MOVES[o.direction()][e.key];
    if (!move) return;
    e.preventDefault();
    const to = step(node, move, m);
    if (!to) return;
    // Remember the edge just walked, so the opposite key walks it back even when the node has other inputs.
    cameFrom = move === "forward" || move === "back" ? { from: node.id, to } : undefined;
    focus(to);
  }

  const onFocus = (e: FocusEvent) => {
    const g = e.target instanceof Element ? e.target.closest("g.node") : null;
    const n = g ? nodeOf(viewIdOf(g)) : undefined;
    if (g && n) {
      setCurrent(n);
      reveal(g);
    }
  };
  // svg-pan-zoom cancels mousedown, so a click does not focus; it still makes the node the Tab stop.
  const onClick = (e: MouseEvent) => {
    const g = e.target instanceof Element ? e.target.closest("g.node") : null;
    const n = g ? nodeOf(viewIdOf(g)) : undefined;
    if (n) setCurrent(n);
  };
  page.graph.addEventListener("keydown", onKey);
  page.graph.addEventListener("focusin", onFocus);
  page.graph.addEventListener("click", onClick);

  /** The node to keep after a redraw: the same id, else the same tape node (a group just expanded into its output,
   * a node folded into its group), else the target. */
  function successor(m: ViewModel, old: ViewNode | undefined): ViewNode | undefined {
    if (old) {
      const same = m.nodes.find((n) => n.id === old.id)
        ?? (old.tapeId >= 0 ? m.nodes.find((n) => n.tapeId === old.tapeId) : undefined)
        ?? (old.parentGroup >= 0 ? m.nodes.find((n) => n.kind === "group" && n.groupId === old.parentGroup) : undefined);
      if (same) return same;
    }
    return targetOf(m) ?? m.nodes[0];
  }

  return {
    // Only focus the webview already has: a redraw while the user types in the editor must not take focus.
    hasFocus: () => document.hasFocus() && page.graph.contains(document.activeElement),
    decorate(hadFocus) {
      const m = o.model();
      els = new Map();
      if (!m) return;
      const byId = new Map(m.nodes.map((n) => [n.id, n]));
      const digits = o.digits();
      for (const g of page.graph.querySelectorAll<SVGGElement>("g.node")) {
        const id = viewIdOf(g);
        const n = id ? byId.get(id) : undefined;
        if (!id || !n) continue;
        els.set(id, g);
        g.setAttribute("tabindex", "-1");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", nodeAriaLabel(n, digits));
      }
      const next = successor(m, current);
      current = undefined;
      if (!next) return;
      if (hadFocus) focus(next.id);
      else setCurrent(next);
    },
    focus,
  };
}
