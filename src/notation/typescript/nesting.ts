// Runs anywhere: where a text nests deepest, for the error when TypeScript's parser (which recurses) runs out of
// stack on it: "too deeply nested to parse (line L:C)" should point at the place, not at the file's start. An
// estimate from the tokens alone (TypeScript's scanner does not recurse): brackets, and the tokens that nest without
// brackets (prefix operators, `**`, assignments, `?`, `=>`, `else`, `new`), counted until their expression or
// statement ends.
import type * as TS from "typescript";

let nesting: { prefix: Set<number>; always: Set<number>; operand: Set<number>; open: Set<number>; close: Set<number> } | undefined;

function kinds(t: typeof TS): NonNullable<typeof nesting> {
  if (nesting === undefined) {
    const K = t.SyntaxKind;
    nesting = {
      // Nest only where an operand is expected (`- - x`, not `a - b`).
      prefix: new Set([K.MinusToken, K.PlusToken]),
      always: new Set([
        K.ExclamationToken, K.TildeToken, K.TypeOfKeyword, K.VoidKeyword, K.DeleteKeyword, K.AwaitKeyword, K.NewKeyword,
        K.AsteriskAsteriskToken, K.QuestionToken, K.EqualsGreaterThanToken, K.ElseKeyword, K.EqualsToken,
        K.PlusEqualsToken, K.MinusEqualsToken, K.AsteriskEqualsToken, K.SlashEqualsToken, K.PercentEqualsToken,
        K.AsteriskAsteriskEqualsToken,
      ]),
      // After these an operator is binary.
      operand: new Set([
        K.Identifier, K.NumericLiteral, K.StringLiteral, K.NoSubstitutionTemplateLiteral, K.CloseParenToken,
        K.CloseBracketToken, K.CloseBraceToken, K.ThisKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword,
        K.PlusPlusToken, K.MinusMinusToken,
      ]),
      open: new Set([K.OpenParenToken, K.OpenBracketToken, K.OpenBraceToken]),
      close: new Set([K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken]),
    };
  }
  return nesting;
}

/** The offset of the token where text nests deepest (0 for a flat text). */
export function deepestOffset(t: typeof TS, text: string): number {
  const K = t.SyntaxKind, k = kinds(t);
  const sc = t.createScanner(t.ScriptTarget.Latest, true, t.LanguageVariant.Standard, text);
  // runs[i]: nesting tokens since the expression or statement began inside the i-th open bracket.
  const runs: number[] = [0];
  let depth = 0, best = -1, bestAt = 0, prev: number = K.Unknown, pending = false;
  for (let tok = sc.scan(); tok !== K.EndOfFileToken; tok = sc.scan()) {
    // A `;`, `,` or block end ends a run, unless an `else` continues an if-else chain.
    if (pending && tok !== K.ElseKeyword) {
      depth -= runs[runs.length - 1];
      runs[runs.length - 1] = 0;
    }
    pending = false;
    if (k.open.has(tok)) {
      runs.push(0);
      depth++;
    } else if (k.close.has(tok)) {
      if (runs.length > 1) depth -= 1 + (runs.pop() as number);
      pending = tok === K.CloseBraceToken;
    } else if (tok === K.SemicolonToken || tok === K.CommaToken) {
      pending = true;
    } else if (k.always.has(tok) || (k.prefix.has(tok) && !k.operand.has(prev))) {
      runs[runs.length - 1]++;
      depth++;
    }
    if (depth > best) {
      best = depth;
      bestAt = sc.getTokenStart();
    }
    prev = tok;
  }
  return bestAt;
}
