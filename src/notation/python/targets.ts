// Runs anywhere: what Python assignments, `for` loops and `del` write: names, attributes, elements, slices, and
// unpacking of several (`a, (b, *c) = v`, `[x, self.y] = v`).
import { Rejected } from "../lowering";
import type { Target, Unpack } from "../tree";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";

/** Comma-separated targets without brackets (`a, b = …`, `for i, x in …`): an Unpack when there is a comma or a star. */
export function lowerTargetList(cx: PyLowering, nodes: PyNode[]): Target {
  const { items, commas } = splitCommas(nodes);
  if (!commas && items.length === 1 && items[0][0].name !== "*") return lowerTarget(cx, items[0][0]);
  return unpack(cx, items, nodes[0], nodes[nodes.length - 1]);
}

function unpack(cx: PyLowering, items: PyNode[][], from: PyNode, to: PyNode): Unpack {
  return cx.lw.nest(cx.start(from), cx.end(to), () => ({
    kind: "unpack" as const, ...cx.spanOf(from, to),
    elements: items.map((i) => (i[0].name === "*" ? { target: lowerTarget(cx, i[1]), starred: true } : { target: lowerTarget(cx, i[0]), starred: false })),
  }));
}

export function lowerTarget(cx: PyLowering, n: PyNode): Target {
  switch (n.name) {
    case "VariableName": return { kind: "name", name: cx.text(n), ...cx.span(n) };
    case "ParenthesizedExpression": return lowerTarget(cx, kids(n)[1]);
    case "TupleExpression":
    case "ArrayExpression": {
      const inner = kids(n).slice(1, -1);
      return unpack(cx, splitCommas(inner).items, n, n);
    }
    case "MemberExpression": {
      const e = lowerExpr(cx, n);
      if (e.kind === "member" || e.kind === "index" || e.kind === "slice") return e;
      if (e.kind === "unsupported") throw new Rejected(e);
      break;
    }
  }
  return cx.reject("invalid assignment target", n);
}
