// Runs anywhere: Python classes → GradLens's tree: one base class, methods (`__init__` and the operator dunders stay
// methods), and class-level assignments as fields (class attributes). Keyword arguments (`metaclass=`), several
// bases, decorators, `async def` and other statements in the body make the whole class Unsupported (each listed).
import { Rejected } from "../lowering";
import type { ClassExpr, Expr, FunctionExpr, Unsupported } from "../tree";
import { lowerExprList } from "./collections";
import { kids, splitCommas, type PyLowering } from "./context";
import { lowerExpr } from "./expressions";
import { lowerDef } from "./functions";
import type { PyNode } from "./parse";
import { isDocstring } from "./statements";

export function lowerClassDef(cx: PyLowering, n: PyNode): ClassExpr {
  const k = kids(n), name = k[1], args = k.find((x) => x.name === "ArgList"), body = k[k.length - 1];
  let base: Expr | undefined;
  for (const [i, a] of (args ? splitCommas(kids(args).slice(1, -1)).items : []).entries()) {
    if (a.length > 1 || a[0].name === "*" || a[0].name === "**") cx.reject("class keyword arguments (`metaclass=…`) are not supported", a[0], a[a.length - 1]);
    if (i > 0) cx.reject("multiple inheritance is not supported", a[0]);
    base = lowerExpr(cx, a[0]);
  }
  const methods: FunctionExpr[] = [], fields: ClassExpr["fields"][number][] = [];
  let first: Unsupported | undefined;
  const stmts = kids(body).filter((s) => s.type.is("Statement"));
  for (const [i, s] of stmts.entries()) {
    try {
      member(cx, s, i === 0, methods, fields);
    } catch (e) {
      if (!(e instanceof Rejected)) throw e;
      first ??= e.node;
    }
  }
  if (first !== undefined) throw new Rejected(first);
  return { kind: "class", name: cx.text(name), nameSpan: cx.span(name), base, ctor: undefined, methods, fields, ...cx.span(n) };
}

function member(cx: PyLowering, s: PyNode, first: boolean, methods: FunctionExpr[], fields: ClassExpr["fields"][number][]): void {
  const k = kids(s);
  switch (s.name) {
    case "FunctionDefinition":
      if (k[0].name === "async") cx.reject("`async def` is not supported", s);
      methods.push(lowerDef(cx, s));
      return;
    case "DecoratedStatement": return cx.reject("decorators are not supported", k[0]);
    case "PassStatement": return;
    case "ExpressionStatement":
      if ((first && isDocstring(s)) || (k.length === 1 && k[0].name === "Ellipsis")) return;
      break;
    case "AssignStatement": {
      // `x = v` and `x: T = v` (an annotation alone declares nothing).
      const ops = k.filter((x) => x.name === "AssignOp");
      if (ops.length === 0 && k[1]?.name === "TypeDef") return;
      if (ops.length === 1 && k[0].name === "VariableName" && (k[1] === ops[0] || k[1].name === "TypeDef")) {
        fields.push({ name: cx.text(k[0]), nameSpan: cx.span(k[0]), value: lowerExprList(cx, k.slice(k.indexOf(ops[0]) + 1)) });
        return;
      }
      break;
    }
  }
  cx.reject("only methods and assignments `name = value` are supported in a class body", s);
}
