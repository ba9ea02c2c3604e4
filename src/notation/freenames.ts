// Runs anywhere: the free names of a selection, and where the document gives them a value: the nearest earlier
// assignment whose right side is a constant (`x = 53`, `const x = 53`, `let x: number = 53`, `x: float = 53.0`).
import type * as TS from "typescript";
import { GLOBAL_NAMES } from "./builtins";
import { ts } from "./parse";

export interface FoundName {
  name: string;
  value: number;
  /** 1-based line of the assignment in the document. */
  line: number;
}

/** Names a parsed selection uses without declaring them, in order of first use, with that first use's node. */
export function collectFree(sf: TS.SourceFile): { name: string; first: TS.Identifier }[] {
  const t = ts();
  const declared = new Set<string>();
  const used = new Map<string, TS.Identifier>();
  const declareBinding = (b: TS.BindingName): void => {
    if (t.isIdentifier(b)) declared.add(b.text);
    else for (const e of b.elements) if (!t.isOmittedExpression(e)) declareBinding(e.name);
  };
  const assigned = (id: TS.Identifier): void => {
    if (!used.has(id.text)) declared.add(id.text);
  };
  const visit = (n: TS.Node): void => {
    if (t.isTypeNode(n) || t.isInterfaceDeclaration(n) || t.isTypeAliasDeclaration(n) || t.isImportDeclaration(n)) return;
    if (t.isVariableDeclaration(n) || t.isParameter(n) || t.isBindingElement(n)) {
      declareBinding(n.name);
      if (t.isBindingElement(n) && n.propertyName && !t.isIdentifier(n.propertyName)) visit(n.propertyName);
      if (n.initializer) visit(n.initializer);
      return;
    }
    if ((t.isFunctionDeclaration(n) || t.isFunctionExpression(n)) && n.name) declared.add(n.name.text);
    if (t.isClassDeclaration(n) || t.isClassExpression(n)) {
      if (n.name) declared.add(n.name.text);
      for (const h of n.heritageClauses ?? []) if (h.token === t.SyntaxKind.ExtendsKeyword) visit(h.types[0].expression);
      return n.members.forEach(visit);
    }
    if (t.isClassElement(n) && n.name) {
      // Member names are no references (`forward(x) {…}`, `w = 1`); computed ones and everything else are.
      return t.forEachChild(n, (c) => (c === n.name && !t.isComputedPropertyName(c) ? undefined : visit(c)));
    }
    if (t.isPropertyAccessExpression(n)) return visit(n.expression);
    if (t.isPropertyAssignment(n)) {
      if (t.isComputedPropertyName(n.name)) visit(n.name);
      return visit(n.initializer);
    }
    if (t.isLabeledStatement(n)) {
      // Python's `x: float = 53.0`: x is assigned, the annotation is no reference.
      const e = t.isExpressionStatement(n.statement) ? n.statement.expression : undefined;
      if (e && t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.EqualsToken) {
        visit(e.right);
        assigned(n.label);
        return;
      }
      return visit(n.statement);
    }
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(n.left)) {
      // `z = x * y` in a selection declares z, unless z was read before.
      visit(n.right);
      assigned(n.left);
      return;
    }
    if (t.isBreakOrContinueStatement(n)) return;
    if (t.isIdentifier(n)) {
      if (!used.has(n.text)) used.set(n.text, n);
      return;
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  const out: { name: string; first: TS.Identifier }[] = [];
  for (const [name, first] of used) if (!declared.has(name) && !GLOBAL_NAMES.has(name)) out.push({ name, first });
  return out;
}

const escape = (s: string): string => s.replace(/[$]/g, "\\$");

/**
 * The nearest assignment to `name` that ends before `before` in the document, whose right side `constant` can
 * evaluate to a plain number (it returns undefined for anything else, and the search goes on upwards).
 */
export function findConstant(
  doc: string, name: string, before: number, constant: (rhs: string) => number | undefined,
): FoundName | undefined {
  const re = new RegExp(
    `^[ \\t]*(?:(?:export[ \\t]+)?(?:const|let|var)[ \\t]+)?${escape(name)}[ \\t]*(?::[ \\t]*[A-Za-z_][\\w.\\[\\] ,]*?)?[ \\t]*=(?![=>])(.*?)(?:;[ \\t]*)?(?:(?:#|//).*)?$`,
  );
  const lines = doc.slice(0, Math.max(0, before)).split("\n");
  // The selection may start mid-line: that line's text before the selection still counts as earlier.
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i].replace(/\r$/, ""));
    if (!m || m[1].trim() === "") continue;
    const value = constant(m[1].trim());
    if (value !== undefined) return { name, value, line: i + 1 };
  }
  return undefined;
}
