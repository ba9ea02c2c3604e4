// Runs anywhere: Python's tuples, lists, sets, dicts, comprehensions and subscripts (`a[i]`, `a[i, j]`, `a[1:3, ::2]`)
// → GradLens's tree.
import type { Comprehension, Element, Expr, ObjectLit, Pattern, PatternElement, SliceRange, Span } from "../tree";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";

/** An element of a tuple, list or set display: a value or a starred `*xs`. */
function element(cx: PyLowering, item: PyNode[]): Element {
  if (item[0].name === "*") return { kind: "spread", value: lowerExpr(cx, item[1]), start: cx.start(item[0]), end: cx.end(item[1]) };
  return lowerExpr(cx, item[0]);
}

/** Comma-separated expressions without brackets (`return a, b`, `x = 1, 2`): a tuple when there is a comma or a star. */
export function lowerExprList(cx: PyLowering, nodes: PyNode[]): Expr {
  const { items, commas } = splitCommas(nodes);
  if (!commas && items.length === 1 && items[0][0].name !== "*") return lowerExpr(cx, items[0][0]);
  return { kind: "tuple", elements: items.map((i) => element(cx, i)), ...cx.spanOf(nodes[0], nodes[nodes.length - 1]) };
}

export function lowerCollection(cx: PyLowering, n: PyNode): Expr {
  const inner = kids(n).slice(1, -1), span = cx.span(n);
  if (n.name === "DictionaryExpression") {
    const entries = splitCommas(inner).items.map((e): ObjectLit["entries"][number] => {
      if (e[0].name === "**") return { kind: "spread", value: lowerExpr(cx, e[1]), span: cx.spanOf(e[0], e[1]) };
      return { kind: "entry", key: lowerExpr(cx, e[0]), keySpan: cx.span(e[0]), value: lowerExpr(cx, e[2]) };
    });
    return { kind: "object", dict: true, entries, ...span };
  }
  const elements = splitCommas(inner).items.map((i) => element(cx, i));
  return { kind: n.name === "TupleExpression" ? "tuple" : n.name === "ArrayExpression" ? "array" : "set", elements, ...span };
}

const OF: Record<string, Comprehension["of"]> = {
  ArrayComprehensionExpression: "list", SetComprehensionExpression: "set", DictionaryComprehensionExpression: "dict", ComprehensionExpression: "generator",
};

/** `[e for x in xs if c]` and its kin; `parts` are the nodes inside the brackets (element, then clauses). */
export function lowerComprehension(cx: PyLowering, n: PyNode, parts: PyNode[], span: Span, of: Comprehension["of"] = OF[n.name]): Comprehension {
  let i = 0;
  const head: PyNode[] = [];
  while (i < parts.length && parts[i].name !== "for" && parts[i].name !== "async") head.push(parts[i++]);
  if (head[0].name === "*" || head[0].name === "**") cx.reject("unpacking in a comprehension is not supported", head[0], head[1]);
  const clauses: Comprehension["clauses"][number][] = [];
  while (i < parts.length) {
    const kw = parts[i++];
    if (kw.name === "async") cx.reject("`async for` is not supported", kw);
    if (kw.name === "if") {
      clauses.push({ kind: "if", test: lowerExpr(cx, parts[i++]) });
      continue;
    }
    const targets: PyNode[] = [];
    while (parts[i].name !== "in") targets.push(parts[i++]);
    i++;
    clauses.push({ kind: "for", target: forTarget(cx, targets), iter: lowerExpr(cx, parts[i++]) });
  }
  const element = lowerExpr(cx, head[0]);
  const value = of === "dict" ? { value: lowerExpr(cx, head[2]) } : {};
  return { kind: "comprehension", of, element, ...value, clauses, ...span };
}

/** The names a comprehension's `for` binds: `x`, `i, (a, b)`, `[p, *rest]`. */
function forTarget(cx: PyLowering, nodes: PyNode[]): Pattern {
  const { items, commas } = splitCommas(nodes);
  if (!commas && items.length === 1 && items[0][0].name !== "*") return pattern(cx, items[0][0]);
  return { kind: "arrayPattern", elements: items.map((i) => patternElement(cx, i)), ...cx.spanOf(nodes[0], nodes[nodes.length - 1]) };
}

function patternElement(cx: PyLowering, item: PyNode[]): PatternElement {
  return item[0].name === "*" ? { target: pattern(cx, item[1]), rest: true } : { target: pattern(cx, item[0]) };
}

function pattern(cx: PyLowering, n: PyNode): Pattern {
  if (n.name === "VariableName") return { kind: "name", name: cx.text(n), ...cx.span(n) };
  if (n.name === "ParenthesizedExpression") return pattern(cx, kids(n)[1]);
  if (n.name !== "TupleExpression" && n.name !== "ArrayExpression") return cx.reject("a comprehension's `for` can only bind names", n);
  return cx.lw.nest(cx.start(n), cx.end(n), () => ({
    kind: "arrayPattern" as const, elements: splitCommas(kids(n).slice(1, -1)).items.map((i) => patternElement(cx, i)), ...cx.span(n),
  }));
}

/** `o[…]`: an index, a tuple of indexes (`a[i, j]`), or a slice with ranges (`a[1:3, ::2]`). */
export function lowerSubscript(cx: PyLowering, n: PyNode, object: PyNode, inner: PyNode[]): Expr {
  const { items, commas } = splitCommas(inner);
  const o = lowerExpr(cx, object);
  if (items.some((i) => i.some((x) => x.name === ":"))) {
    return { kind: "slice", object: o, parts: items.map((i) => (i.some((x) => x.name === ":") ? range(cx, i) : index(cx, i))), ...cx.span(n) };
  }
  const index1 = !commas && items.length === 1 ? index(cx, items[0])
    : { kind: "tuple" as const, elements: items.map((i) => index(cx, i)), ...cx.spanOf(inner[0], inner[inner.length - 1]) };
  return { kind: "index", object: o, index: index1, ...cx.span(n) };
}

function index(cx: PyLowering, item: PyNode[]): Expr {
  if (item[0].name === "*") return cx.reject("a starred index is not supported", item[0], item[1]);
  return lowerExpr(cx, item[0]);
}

/** `lo:hi:step`, any part missing. */
function range(cx: PyLowering, item: PyNode[]): SliceRange {
  const parts: (Expr | undefined)[] = [undefined];
  for (const x of item) {
    if (x.name === ":") parts.push(undefined);
    else parts[parts.length - 1] = lowerExpr(cx, x);
  }
  const [lo, hi, step] = parts;
  return {
    kind: "range", ...cx.spanOf(item[0], item[item.length - 1]),
    ...(lo !== undefined ? { lo } : {}), ...(hi !== undefined ? { hi } : {}), ...(step !== undefined ? { step } : {}),
  };
}
