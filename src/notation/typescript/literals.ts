// Runs anywhere: TypeScript array, object and template literals → GradLens's tree.
import type * as TS from "typescript";
import type { ArrayLit, Element, ObjectLit, Template } from "../tree";
import type { TsLowering } from "./context";
import { lowerExpr } from "./expressions";

export function lowerArray(cx: TsLowering, n: TS.ArrayLiteralExpression): ArrayLit {
  const K = cx.K;
  const elements = n.elements.map((e): Element => {
    if (e.kind === K.SpreadElement) return { kind: "spread", value: lowerExpr(cx, (e as TS.SpreadElement).expression), ...cx.span(e) };
    if (e.kind === K.OmittedExpression) return { kind: "hole", start: cx.base + e.pos, end: cx.base + e.end };
    return lowerExpr(cx, e);
  });
  return { kind: "array", elements, ...cx.span(n) };
}

/** `{ k: v }`, `{ k }`, `{ ...o }`; keys are identifiers, strings or numbers (anything else is not supported). */
export function lowerObject(cx: TsLowering, n: TS.ObjectLiteralExpression): ObjectLit {
  const K = cx.K;
  const entries = n.properties.map((p): ObjectLit["entries"][number] => {
    if (p.kind === K.SpreadAssignment) return { kind: "spread", value: lowerExpr(cx, (p as TS.SpreadAssignment).expression), span: cx.span(p) };
    if (p.kind === K.ShorthandPropertyAssignment) {
      const name = (p as TS.ShorthandPropertyAssignment).name, keySpan = cx.span(name);
      return { kind: "entry", key: name.text, keySpan, value: { kind: "name", name: name.text, ...keySpan } };
    }
    if (p.kind !== K.PropertyAssignment) return cx.notSupported(p);
    const name = (p as TS.PropertyAssignment).name;
    if (name.kind !== K.Identifier && name.kind !== K.StringLiteral && name.kind !== K.NumericLiteral) return cx.notSupported(name);
    return { kind: "entry", key: name.text, keySpan: cx.span(name), value: lowerExpr(cx, (p as TS.PropertyAssignment).initializer) };
  });
  return { kind: "object", dict: false, entries, ...cx.span(n) };
}

/** `a${x}b`: text and values (empty texts left out). */
export function lowerTemplate(cx: TsLowering, n: TS.TemplateExpression): Template {
  const parts: Template["parts"][number][] = [];
  if (n.head.text !== "") parts.push(n.head.text);
  for (const s of n.templateSpans) {
    parts.push({ value: lowerExpr(cx, s.expression) });
    if (s.literal.text !== "") parts.push(s.literal.text);
  }
  return { kind: "template", parts, ...cx.span(n) };
}
