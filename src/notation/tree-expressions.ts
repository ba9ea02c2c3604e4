// Runs anywhere: the expression nodes of GradLens's language-neutral tree (tree.ts holds the rest and re-exports
// these). Both front ends lower to them; the one interpreter runs them.
import type { Pattern, Span, Stmt, Target, Unsupported } from "./tree";

/** Arithmetic: `+ - * / ** @` as both languages read them; `%` truncated (JS), `mod` floored (Python), `//` floor. */
export type ArithOp = "+" | "-" | "*" | "/" | "**" | "%" | "mod" | "//" | "@";
/**
 * Comparisons; `is`/`in` and their negations are Python's. TypeScript's `===`/`!==` stay apart from `==`/`!=`
 * (`null == undefined` holds, `null === undefined` does not); Python's `==`/`!=` are `==`/`!=`.
 */
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=" | "===" | "!==" | "is" | "is not" | "in" | "not in" | "instanceof";

export type Expr =
  | NumberLit | StringLit | ConstLit | Name | This | Unary | Update | Binary | Compare | Logic | Conditional
  | AssignExpr | Sequence | Call | New | Member | Index | Slice | ArrayLit | TupleLit | ObjectLit | SetLit
  | FunctionExpr | ClassExpr | Template | SuperCall | SuperMember | Comprehension | Unsupported;

export interface NumberLit extends Span {
  readonly kind: "number";
  readonly value: number;
  /** Written as a Python int (`3`, `0x10`, `1_000`): prints without `.0`; `/` of ints is still a float. */
  readonly int: boolean;
}

export interface StringLit extends Span {
  readonly kind: "string";
  readonly value: string;
}

/** `true`/`false`/`null`/`undefined`, Python's `True`/`False`/`None`. */
export interface ConstLit extends Span {
  readonly kind: "const";
  readonly value: boolean | null | undefined;
}

export interface Name extends Span {
  readonly kind: "name";
  readonly name: string;
}

export interface This extends Span {
  readonly kind: "this";
}

export interface Unary extends Span {
  readonly kind: "unary";
  /** `-`, `+`, logical not (`!` / `not`). Bitwise `~` is lowered to Unsupported. */
  readonly op: "-" | "+" | "not";
  readonly arg: Expr;
  /** The operator token (hover on `-`). */
  readonly opSpan: Span;
}

/** `++x`, `x--` (TypeScript only). */
export interface Update extends Span {
  readonly kind: "update";
  readonly op: "+" | "-";
  readonly prefix: boolean;
  readonly target: Target;
  readonly opSpan: Span;
}

/**
 * A left-associative chain of arithmetic operators at one precedence, `a + b - c + …`, as one node: the
 * interpreter walks `rest` in a loop, so a 10,000-term sum needs no recursion. A single `a * b` is a chain of one.
 * `**` (right-associative) is never chained: `a ** b ** c` is Binary(a, Binary(b, c)).
 */
export interface Binary extends Span {
  readonly kind: "binary";
  readonly first: Expr;
  readonly rest: readonly { readonly op: ArithOp; readonly opSpan: Span; readonly right: Expr; readonly end: number }[];
}

/** `a < b`, and Python's chains `a < b <= c` (each operand evaluated once, stopping at the first false). */
export interface Compare extends Span {
  readonly kind: "compare";
  readonly first: Expr;
  readonly rest: readonly { readonly op: CompareOp; readonly opSpan: Span; readonly right: Expr }[];
}

/**
 * `&&`/`and`, `||`/`or` (both return an operand, by the program's truthiness), `??` (TypeScript): a chain of one
 * operator, `a and b and c` as one node (walked in a loop, like Binary). `a and b or c` is an `or` of an `and`.
 */
export interface Logic extends Span {
  readonly kind: "logic";
  readonly op: "and" | "or" | "??";
  readonly first: Expr;
  /** `end`: where the chain up to this operand ends (the span of that partial result). */
  readonly rest: readonly { readonly opSpan: Span; readonly right: Expr; readonly end: number }[];
}

/** `c ? a : b` and Python's `a if c else b`. */
export interface Conditional extends Span {
  readonly kind: "conditional";
  readonly test: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

/** An assignment used as an expression (TypeScript's `x = …`, `x += …`; Python's walrus `x := …`). */
export interface AssignExpr extends Span {
  readonly kind: "assignExpr";
  /** undefined for `=`; the arithmetic of a compound assignment (`+=` → "+", Python's `%=` → "mod"). */
  readonly op: ArithOp | undefined;
  readonly target: Target;
  readonly value: Expr;
  readonly opSpan: Span;
}

/** TypeScript's comma operator `a, b`: each evaluated in turn, the last one's value (a chain, walked in a loop). */
export interface Sequence extends Span {
  readonly kind: "sequence";
  readonly exprs: readonly Expr[];
}

/** One argument: positional, spread (`...xs` / `*xs`), keyword (`k=1`) or keyword spread (`**d`). */
export type Arg =
  | { readonly kind: "positional"; readonly value: Expr }
  | { readonly kind: "spread"; readonly value: Expr; readonly span: Span }
  | { readonly kind: "keyword"; readonly name: string; readonly nameSpan: Span; readonly value: Expr }
  | { readonly kind: "keywords"; readonly value: Expr; readonly span: Span };

export interface Call extends Span {
  readonly kind: "call";
  readonly callee: Expr;
  readonly args: readonly Arg[];
  /** The opening parenthesis (hover on a call). */
  readonly parenSpan: Span;
}

export interface New extends Span {
  readonly kind: "new";
  readonly callee: Expr;
  readonly args: readonly Arg[];
}

/** `o.name`. */
export interface Member extends Span {
  readonly kind: "member";
  readonly object: Expr;
  readonly name: string;
  readonly nameSpan: Span;
}

/** `o[i]`; Python's `o[i, j]` has a TupleLit index. */
export interface Index extends Span {
  readonly kind: "index";
  readonly object: Expr;
  readonly index: Expr;
}

/** Python's `o[lo:hi:step]` (any part may be missing); `o[1:3, ::2]` has several, `o[1:3, i]` mixes in indexes. */
export interface Slice extends Span {
  readonly kind: "slice";
  readonly object: Expr;
  readonly parts: readonly (SliceRange | Expr)[];
}

/** One `lo:hi:step` of a Slice, with its span (`1:3`). */
export interface SliceRange extends Span {
  readonly kind: "range";
  readonly lo?: Expr;
  readonly hi?: Expr;
  readonly step?: Expr;
}

/** An element of an array, tuple or set literal: a value, a spread (`...xs` / `*xs`), or a hole (`[, 1]`). */
export type Element = Expr | { readonly kind: "spread"; readonly value: Expr; readonly start: number; readonly end: number } | { readonly kind: "hole"; readonly start: number; readonly end: number };

export interface ArrayLit extends Span {
  readonly kind: "array";
  readonly elements: readonly Element[];
}

/** Python's `(a, b)`, `a, b`: immutable. */
export interface TupleLit extends Span {
  readonly kind: "tuple";
  readonly elements: readonly Element[];
}

export interface SetLit extends Span {
  readonly kind: "set";
  readonly elements: readonly Element[];
}

/** `{ k: v }` / `{ k }` / `{ ...o }` in TypeScript; `{ "k": v }` / `{ **d }` dictionaries in Python. */
export interface ObjectLit extends Span {
  readonly kind: "object";
  /** Python dictionaries: keys are values (strings, numbers), not names. */
  readonly dict: boolean;
  readonly entries: readonly (
    | { readonly kind: "entry"; readonly key: string | Expr; readonly keySpan: Span; readonly value: Expr }
    | { readonly kind: "spread"; readonly value: Expr; readonly span: Span }
  )[];
}

/** A parameter: a name or a destructuring pattern, with a default, or a rest (`...xs` / `*args`) or `**kwargs`. */
export interface Param extends Span {
  readonly target: Pattern;
  readonly default?: Expr;
  /** TypeScript's `x?`: may be left out (like a defaulted parameter, but with no default). */
  readonly optional?: boolean;
  readonly rest?: "positional" | "keywords";
  /** Python: after a bare `*` or `*args`, only passed by keyword. */
  readonly keywordOnly?: boolean;
}

export interface FunctionExpr extends Span {
  readonly kind: "function";
  readonly name: string | undefined;
  readonly nameSpan?: Span;
  readonly params: readonly Param[];
  /** A block, or a single expression (arrow functions, lambdas). */
  readonly body: readonly Stmt[] | Expr;
  /** Arrows capture `this`; Python lambdas are arrows too (they bind nothing of their own). */
  readonly arrow: boolean;
}

export interface ClassExpr extends Span {
  readonly kind: "class";
  readonly name: string | undefined;
  readonly nameSpan?: Span;
  readonly base: Expr | undefined;
  /** The constructor, named "constructor" (TypeScript's; Python's `__init__` stays a method: see the interpreter). */
  readonly ctor: FunctionExpr | undefined;
  readonly methods: readonly FunctionExpr[];
  /**
   * TypeScript: field initialisers (`w = param(1);`), run per instance. Python: class-level assignments, class
   * attributes shared by every instance (an instance's own attribute of the same name hides it).
   */
  readonly fields: readonly { readonly name: string; readonly nameSpan: Span; readonly value: Expr | undefined }[];
}

/**
 * A template literal or a Python f-string: text and expressions, each with an optional format spec (`:.3f`) and
 * conversion (`!r`). Python's `{x = }` is lowered to its text (`x = `) and the value (by repr, unless it has its own
 * spec or conversion); implicit concatenation (`"a" f"{b}"`) is one Template.
 */
export interface Template extends Span {
  readonly kind: "template";
  readonly parts: readonly (string | { readonly value: Expr; readonly spec?: string; readonly conversion?: "r" | "s" | "a" })[];
}

/** `super(…)` in a constructor (TypeScript); Python's `super().__init__(…)` is a SuperMember call. */
export interface SuperCall extends Span {
  readonly kind: "superCall";
  readonly args: readonly Arg[];
}

/** `super.m` (TypeScript), `super().m` (Python). */
export interface SuperMember extends Span {
  readonly kind: "superMember";
  readonly name: string;
  readonly nameSpan: Span;
}

/** Python's list, set, dict and generator comprehensions (a generator is evaluated eagerly into a list). */
export interface Comprehension extends Span {
  readonly kind: "comprehension";
  readonly of: "list" | "set" | "dict" | "generator";
  readonly element: Expr;
  /** The value of a dict comprehension (element is its key). */
  readonly value?: Expr;
  readonly clauses: readonly ({ readonly kind: "for"; readonly target: Pattern; readonly iter: Expr } | { readonly kind: "if"; readonly test: Expr })[];
}

