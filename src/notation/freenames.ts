// Runs anywhere: the free names of a selection, and where the document gives them a value: the nearest earlier
// assignment whose right side is a constant (`x = 53`, `const x = 53`, `let x: number = 53`, `x: float = 53.0`).
import type * as TS from "typescript";
import { GLOBAL_NAMES } from "./builtins";
import { ts } from "./parse";
import { patternNames, walk, type WalkItem } from "./walk";

export interface FoundName {
  name: string;
  value: number;
  /** 1-based line of the assignment in the document. */
  line: number;
}

/** Names a parsed selection uses without declaring them, in order of first use, with that first use's node. */
export function collectFree(sf: TS.SourceFile): { name: string; first: TS.Identifier }[] {
  return undeclared(sf).filter(({ name }) => !GLOBAL_NAMES.has(name));
}

/**
 * Built-in names (`E`, `max`) a selection uses without declaring them: a value given for one (`--at E=2`, a prompt)
 * or a constant the document assigns it shadows the built-in, as a name the file defines does.
 */
export function collectBuiltinsUsed(sf: TS.SourceFile): { name: string; first: TS.Identifier }[] {
  return undeclared(sf).filter(({ name }) => GLOBAL_NAMES.has(name));
}

function undeclared(sf: TS.SourceFile): { name: string; first: TS.Identifier }[] {
  const t = ts();
  const declared = new Set<string>();
  const used = new Map<string, TS.Identifier>();
  const declareBinding = (b: TS.BindingName): void => {
    for (const id of patternNames(b)) declared.add(id.text);
  };
  const assigned = (id: TS.Identifier): void => {
    if (!used.has(id.text)) declared.add(id.text);
  };
  // A walk with its own stack (a 10,000-term sum is a tree 10,000 deep); each case lists what to visit next, in order.
  walk(sf, (n): readonly WalkItem[] | undefined => {
    if (t.isTypeNode(n) || t.isInterfaceDeclaration(n) || t.isTypeAliasDeclaration(n) || t.isImportDeclaration(n)) return [];
    if (t.isVariableDeclaration(n) || t.isParameter(n) || t.isBindingElement(n)) {
      declareBinding(n.name);
      const next: WalkItem[] = [];
      if (t.isBindingElement(n) && n.propertyName && !t.isIdentifier(n.propertyName)) next.push(n.propertyName);
      if (n.initializer) next.push(n.initializer);
      return next;
    }
    if ((t.isFunctionDeclaration(n) || t.isFunctionExpression(n)) && n.name) declared.add(n.name.text);
    if (t.isClassDeclaration(n) || t.isClassExpression(n)) {
      if (n.name) declared.add(n.name.text);
      const next: WalkItem[] = [];
      for (const h of n.heritageClauses ?? []) if (h.token === t.SyntaxKind.ExtendsKeyword) next.push(h.types[0].expression);
      return [...next, ...n.members];
    }
    if (t.isClassElement(n) && n.name) {
      // Member names are no references (`forward(x) {…}`, `w = 1`); computed ones and everything else are.
      const next: WalkItem[] = [];
      t.forEachChild(n, (c) => {
        if (c !== n.name || t.isComputedPropertyName(c)) next.push(c);
      });
      return next;
    }
    if (t.isPropertyAccessExpression(n)) return [n.expression];
    if (t.isPropertyAssignment(n)) return t.isComputedPropertyName(n.name) ? [n.name, n.initializer] : [n.initializer];
    if (t.isLabeledStatement(n)) {
      // Python's `x: float = 53.0`: x is assigned, the annotation is no reference.
      const e = t.isExpressionStatement(n.statement) ? n.statement.expression : undefined;
      if (e && t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.EqualsToken) return [e.right, () => assigned(n.label)];
      return [n.statement];
    }
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(n.left)) {
      // `z = x * y` in a selection declares z, unless z was read before.
      const z = n.left;
      return [n.right, () => assigned(z)];
    }
    if (t.isBreakOrContinueStatement(n)) return [];
    if (t.isIdentifier(n)) {
      if (!used.has(n.text)) used.set(n.text, n);
      return [];
    }
    return undefined;
  });
  const out: { name: string; first: TS.Identifier }[] = [];
  for (const [name, first] of used) if (!declared.has(name)) out.push({ name, first });
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
