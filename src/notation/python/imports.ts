// Runs anywhere: Python imports → GradLens's tree: `import m`, `import a.b as c, d` (one Import each), `from m import
// a as b, c`. Relative and star imports are Unsupported.
import type { Import, Stmt } from "../tree";
import { splitCommas, type PyLowering } from "./context";
import type { PyNode } from "./parse";

export function lowerImport(cx: PyLowering, s: PyNode, k: PyNode[]): Stmt[] {
  const span = cx.span(s);
  if (k[0].name === "import") {
    return splitCommas(k.slice(1)).items.map((item): Import => {
      const { module, moduleSpan, alias } = dotted(cx, item);
      return { kind: "import", module, moduleSpan, alias, names: undefined, ...span };
    });
  }
  const at = k.findIndex((x) => x.name === "import");
  if (k[1].name === "." || k[1].name === "Ellipsis") return cx.reject("relative imports are not supported", s);
  const { module, moduleSpan } = dotted(cx, k.slice(1, at));
  const rest = k.slice(at + 1).filter((x) => x.name !== "(" && x.name !== ")");
  if (rest[0].name === "*") return cx.reject("`from … import *` is not supported", s);
  const names = splitCommas(rest).items.map((item) => {
    const as = item.findIndex((x) => x.name === "as");
    return { name: cx.text(item[0]), alias: as >= 0 ? cx.text(item[as + 1]) : undefined, span: cx.spanOf(item[0], item[item.length - 1]) };
  });
  return [{ kind: "import", module, moduleSpan, alias: undefined, names, ...span }];
}

/** `a.b.c as d`: the dotted name, its span, the alias. */
function dotted(cx: PyLowering, item: PyNode[]): { module: string; moduleSpan: { start: number; end: number }; alias: string | undefined } {
  const as = item.findIndex((x) => x.name === "as"), parts = as >= 0 ? item.slice(0, as) : item;
  return {
    module: parts.map((p) => cx.text(p)).join(""), moduleSpan: cx.spanOf(parts[0], parts[parts.length - 1]),
    alias: as >= 0 ? cx.text(item[as + 1]) : undefined,
  };
}
