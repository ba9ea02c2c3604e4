// Runs anywhere: TypeScript functions (declarations, expressions, arrows, methods), their parameters and the
// destructuring patterns of declarations and parameters → GradLens's tree. Types are dropped.
import type * as TS from "typescript";
import type { FunctionExpr, Param, Pattern, PatternElement } from "../tree";
import type { TsLowering } from "./context";
import { lowerExpr } from "./expressions";
import { lowerStmts } from "./statements";

type FunctionLike = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration | TS.ConstructorDeclaration;

/** A function with a body; `name` overrides its own (methods, constructors). */
export function lowerFunction(cx: TsLowering, f: FunctionLike, name?: { text: string; node: TS.Node | undefined }): FunctionExpr {
  const K = cx.K;
  const async = cx.modifier(f, K.AsyncKeyword);
  if (async !== undefined) cx.rejectNode("`async` is not supported", async);
  if ((f as TS.FunctionExpression).asteriskToken) cx.rejectNode("generator functions are not supported", f);
  const own = f.kind === K.Constructor ? undefined : (f as TS.FunctionExpression).name;
  const label = name ?? (own !== undefined ? { text: own.text, node: own } : undefined);
  const body = f.body === undefined ? [] : f.body.kind === K.Block ? lowerStmts(cx, (f.body as TS.Block).statements) : lowerExpr(cx, f.body as TS.Expression);
  return {
    kind: "function", name: label?.text, ...(label?.node !== undefined ? { nameSpan: cx.span(label.node) } : {}),
    params: lowerParams(cx, f.parameters), body, arrow: f.kind === K.ArrowFunction, ...cx.span(f),
  };
}

export function lowerParams(cx: TsLowering, ps: readonly TS.ParameterDeclaration[]): Param[] {
  const out: Param[] = [];
  for (const p of ps) {
    cx.rejectDecorators(p);
    if (p.name.kind === cx.K.Identifier && p.name.text === "this") continue; // a `this` type annotation
    out.push({
      target: lowerPattern(cx, p.name), ...cx.span(p),
      ...(p.initializer !== undefined ? { default: lowerExpr(cx, p.initializer) } : {}),
      ...(p.questionToken !== undefined ? { optional: true } : {}),
      ...(p.dotDotDotToken !== undefined ? { rest: "positional" as const } : {}),
    });
  }
  return out;
}

/** A declared name or destructuring pattern (`[p, q, y]`, `{ lr, steps = 10 }`). */
export function lowerPattern(cx: TsLowering, b: TS.BindingName): Pattern {
  const K = cx.K;
  if (b.kind === K.Identifier) return { kind: "name", name: b.text, ...cx.span(b) };
  return cx.nest(cx.start(b), cx.end(b), (): Pattern => {
    if (b.kind === K.ArrayBindingPattern) {
      const elements = b.elements.map((e): PatternElement | undefined => {
        if (e.kind === K.OmittedExpression) return undefined;
        return {
          target: lowerPattern(cx, e.name),
          ...(e.initializer !== undefined ? { default: lowerExpr(cx, e.initializer) } : {}),
          ...(e.dotDotDotToken !== undefined ? { rest: true } : {}),
        };
      });
      return { kind: "arrayPattern", elements, ...cx.span(b) };
    }
    const props = b.elements.map((e) => {
      const key = e.propertyName ?? e.name;
      if (e.dotDotDotToken || !(key.kind === K.Identifier || key.kind === K.StringLiteral)) cx.rejectNode("this destructuring is not supported", e);
      return {
        key: (key as TS.Identifier).text, keySpan: cx.span(key), target: lowerPattern(cx, e.name),
        ...(e.initializer !== undefined ? { default: lowerExpr(cx, e.initializer) } : {}),
      };
    });
    return { kind: "objectPattern", props, ...cx.span(b) };
  });
}
