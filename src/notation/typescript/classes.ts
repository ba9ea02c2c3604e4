// Runs anywhere: TypeScript classes → GradLens's tree, with the interpreter's rules (classes.ts): `extends` but not
// `implements`, a constructor, methods and fields; `declare`/`abstract` members are types only; `static`, `async`,
// decorators, accessors, `#private` and computed names are not supported, and make the whole class Unsupported
// (every one of them listed), as the interpreter rejects such a class when it is defined.
import type * as TS from "typescript";
import { Rejected } from "../lowering";
import { ts } from "../parse";
import type { ClassExpr, Expr, FunctionExpr, Unsupported } from "../tree";
import type { TsLowering } from "./context";
import { lowerExpr } from "./expressions";
import { lowerFunction } from "./functions";

type Members = { ctor: FunctionExpr | undefined; methods: FunctionExpr[]; fields: ClassExpr["fields"][number][] };

export function lowerClass(cx: TsLowering, c: TS.ClassLikeDeclaration): ClassExpr {
  const K = cx.K;
  cx.rejectDecorators(c);
  let base: Expr | undefined;
  for (const h of c.heritageClauses ?? []) if (h.token === K.ExtendsKeyword) base = lowerExpr(cx, h.types[0].expression);
  const into: Members = { ctor: undefined, methods: [], fields: [] };
  let first: Unsupported | undefined;
  for (const m of c.members) {
    try {
      member(cx, m, into);
    } catch (e) {
      if (!(e instanceof Rejected)) throw e;
      first ??= e.node;
    }
  }
  if (first !== undefined) throw new Rejected(first);
  return {
    kind: "class", name: c.name?.text, ...(c.name !== undefined ? { nameSpan: cx.span(c.name) } : {}), base, ...into, ...cx.span(c),
  };
}

function member(cx: TsLowering, m: TS.ClassElement, into: Members): void {
  const K = cx.K, t = ts();
  for (const mod of t.canHaveModifiers(m) ? t.getModifiers(m) ?? [] : []) {
    if (mod.kind === K.StaticKeyword) cx.rejectNode("`static` is not supported yet", mod);
    if (mod.kind === K.AsyncKeyword) cx.rejectNode("`async` is not supported", mod);
    if (mod.kind === K.DeclareKeyword || mod.kind === K.AbstractKeyword) return; // types only
  }
  cx.rejectDecorators(m);
  switch (m.kind) {
    case K.Constructor: {
      const ctor = m as TS.ConstructorDeclaration;
      const prop = ctor.parameters.find((p) => t.getModifiers(p)?.length);
      if (prop !== undefined) cx.rejectNode("constructor parameter properties (`public a` in a constructor) are not supported yet", prop);
      if (ctor.body) into.ctor = lowerFunction(cx, ctor, { text: "constructor", node: undefined });
      return;
    }
    case K.MethodDeclaration: {
      const md = m as TS.MethodDeclaration;
      if (md.asteriskToken) cx.rejectNode("generator methods are not supported", md);
      if (md.body) into.methods.push(lowerFunction(cx, md, { text: memberName(cx, md), node: md.name }));
      return;
    }
    case K.PropertyDeclaration: {
      const pd = m as TS.PropertyDeclaration;
      const name = memberName(cx, pd);
      into.fields.push({ name, nameSpan: cx.span(pd.name), value: pd.initializer !== undefined ? lowerExpr(cx, pd.initializer) : undefined });
      return;
    }
    case K.GetAccessor:
    case K.SetAccessor:
      return cx.rejectNode("getters and setters are not supported yet", m);
    case K.ClassStaticBlockDeclaration:
      return cx.rejectNode("`static` is not supported yet", m);
    case K.SemicolonClassElement:
    case K.IndexSignature:
      return;
    default:
      return cx.rejectNode(`${K[m.kind]} in a class is not supported`, m);
  }
}

function memberName(cx: TsLowering, m: TS.MethodDeclaration | TS.PropertyDeclaration): string {
  const K = cx.K, k = m.name;
  if (k.kind === K.Identifier || k.kind === K.StringLiteral || k.kind === K.NumericLiteral) return k.text;
  if (k.kind === K.PrivateIdentifier) return cx.rejectNode(`private \`${k.text}\` members are not supported yet (use \`${k.text.slice(1)}\`)`, k);
  return cx.rejectNode("computed member names are not supported", k);
}
