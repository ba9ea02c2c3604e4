// Runs anywhere: Python's `def` and `lambda` and their parameters → GradLens's tree: defaults, `*args`, a bare `*`,
// keyword-only parameters, `**kwargs`; annotations and return annotations are dropped, as is the `/` marker.
import type { FunctionExpr, Param } from "../tree";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import type { PyNode } from "./parse";
import { lowerBody } from "./statements";

/** `def f(…): …` (not `async def`: statements.ts rejects that first). */
export function lowerDef(cx: PyLowering, n: PyNode): FunctionExpr {
  const k = kids(n), name = k[1];
  const params = k.find((x) => x.name === "ParamList"), body = k[k.length - 1];
  return {
    kind: "function", name: cx.text(name), nameSpan: cx.span(name), params: params ? lowerParams(cx, kids(params).slice(1, -1)) : [],
    body: lowerBody(cx, body, true), arrow: false, ...cx.span(n),
  };
}

/** `lambda x, y=1: …`: an arrow (it binds nothing of its own). */
export function lowerLambda(cx: PyLowering, n: PyNode): FunctionExpr {
  const k = kids(n), params = k.find((x) => x.name === "ParamList");
  return { kind: "function", name: undefined, params: params ? lowerParams(cx, kids(params)) : [], body: lowerExpr(cx, k[k.length - 1]), arrow: true, ...cx.span(n) };
}

function lowerParams(cx: PyLowering, nodes: PyNode[]): Param[] {
  const out: Param[] = [];
  let keywordOnly = false;
  for (const p of splitCommas(nodes).items) {
    if (p.length === 0) continue; // the `/` of positional-only parameters (not in lezer's tree)
    const span = cx.spanOf(p[0], p[p.length - 1]), head = p[0];
    if (head.name === "*" || head.name === "**") {
      const rest = head.name === "*" ? "positional" : "keywords";
      if (head.name === "*") keywordOnly = true;
      if (p.length > 1) out.push({ target: { kind: "name", name: cx.text(p[1]), ...cx.span(p[1]) }, rest, ...span });
      continue;
    }
    const eq = p.findIndex((x) => x.name === "AssignOp");
    out.push({
      target: { kind: "name", name: cx.text(head), ...cx.span(head) }, ...span,
      ...(eq >= 0 ? { default: lowerExpr(cx, p[eq + 1]) } : {}), ...(keywordOnly ? { keywordOnly: true } : {}),
    });
  }
  return out;
}
