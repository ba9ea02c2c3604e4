// Runs anywhere: GradLens's own language-neutral tree. Both front ends (TypeScript's parser for selections and
// `.nn.ts` files, @lezer/python for Python) lower their syntax trees to it, and the one interpreter runs it, so
// bounds, graphs, hovers, diagnostics, checks and training are written once for both languages. Every node carries
// its span (document offsets): errors, tape source ranges and hovers point back to the code through it.
//
// Where the languages differ in meaning, the tree says which meaning: `%` (JavaScript's truncated remainder) and
// `mod` (Python's, with the divisor's sign) are different operators; `//` is floor division; a number literal knows
// whether it was written as a Python int; the program says which language's truthiness, printing and scoping apply.
// In a TypeScript program every statement list (a block, a branch, a loop body) is a block scope.
import type { ArithOp, ClassExpr, Expr, FunctionExpr, Index, Member, Name, Slice } from "./tree-expressions";
export * from "./tree-expressions";

/** Document offsets [start, end) of a node. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Lang = "ts" | "py";

/** A whole selection or file. */
export interface Program extends Span {
  readonly kind: "program";
  readonly lang: Lang;
  readonly body: readonly Stmt[];
}

// ---- binding and assignment targets ----

/** What a declaration, parameter or loop binds: a name, or a destructuring pattern. */
export type Pattern =
  | Name
  | { readonly kind: "arrayPattern"; readonly start: number; readonly end: number; readonly elements: readonly (PatternElement | undefined)[] }
  | { readonly kind: "objectPattern"; readonly start: number; readonly end: number; readonly props: readonly { readonly key: string; readonly keySpan: Span; readonly target: Pattern; readonly default?: Expr }[] };

export interface PatternElement {
  readonly target: Pattern;
  readonly default?: Expr;
  readonly rest?: boolean;
}

/** What an assignment writes: a name, a member, an element or slice, or an unpacking of several. */
export type Target = Name | Member | Index | Slice | Unpack;

/**
 * Unpacking in an assignment, whose leaves may be members and elements (unlike a declaration's Pattern): Python's
 * `a, (b, *c) = v`, `[x, self.y] = v`, `for i, (p, q) in …`; TypeScript's `[a, b] = [b, a]` (holes are undefined).
 */
export interface Unpack extends Span {
  readonly kind: "unpack";
  readonly elements: readonly ({ readonly target: Target; readonly starred: boolean } | undefined)[];
}

// ---- statements ----

export type Stmt =
  | ExprStmt | Declare | Assign | If | For | ForOf | While | Jump | Return | Block | FunctionDecl | ClassDecl | Import
  | Scope | Assert | Raise | Del | Nothing | Unsupported;

/** Statement flags: `// @target` / `# @target` on the line above. */
interface StmtBase extends Span {
  readonly marked?: boolean;
}

export interface ExprStmt extends StmtBase {
  readonly kind: "expr";
  readonly expr: Expr;
}

/** `const`/`let`/`var` with one or more bindings (TypeScript). */
export interface Declare extends StmtBase {
  readonly kind: "declare";
  readonly mode: "const" | "let" | "var";
  readonly decls: readonly { readonly target: Pattern; readonly init: Expr | undefined; readonly span: Span }[];
}

/**
 * Python's assignment statements: `a = b = v` (several targets), `a, b = v` (unpacking), `x += v` (op),
 * `x: float = v` (annotated: the annotation is dropped). In a function, a name assigned anywhere in its body is
 * local to that call unless declared `global`/`nonlocal`.
 */
export interface Assign extends StmtBase {
  readonly kind: "assignStmt";
  readonly targets: readonly Target[];
  readonly op: ArithOp | undefined;
  readonly value: Expr;
  readonly opSpan: Span;
}

export interface If extends StmtBase {
  readonly kind: "if";
  readonly test: Expr;
  readonly then: readonly Stmt[];
  /** `else` (an `elif` is an If inside it). */
  readonly otherwise: readonly Stmt[] | undefined;
}

/** TypeScript's `for (init; test; update)`. */
export interface For extends StmtBase {
  readonly kind: "for";
  readonly init: Declare | Expr | undefined;
  readonly test: Expr | undefined;
  readonly update: Expr | undefined;
  readonly body: readonly Stmt[];
}

/** `for (const p of xs)` and Python's `for p in xs` (Python's loop variable is not block-scoped). */
export interface ForOf extends StmtBase {
  readonly kind: "forOf";
  readonly mode: "const" | "let" | "var" | "assign";
  readonly target: Pattern | Target;
  readonly iter: Expr;
  readonly body: readonly Stmt[];
  /** Python's `for … else`: runs when the loop was not broken. */
  readonly otherwise?: readonly Stmt[];
}

/** `while` (Python's `while … else` too) and `do … while`. */
export interface While extends StmtBase {
  readonly kind: "while";
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly doWhile: boolean;
  readonly otherwise?: readonly Stmt[];
}

export interface Jump extends StmtBase {
  readonly kind: "break" | "continue";
}

export interface Return extends StmtBase {
  readonly kind: "return";
  readonly value: Expr | undefined;
}

/** A braced block with its own scope (TypeScript). */
export interface Block extends StmtBase {
  readonly kind: "block";
  readonly body: readonly Stmt[];
}

/** `function f(…) {…}` (hoisted) and Python's `def f(…):` (bound when it runs). */
export interface FunctionDecl extends StmtBase {
  readonly kind: "functionDecl";
  readonly fn: FunctionExpr;
  readonly hoisted: boolean;
}

export interface ClassDecl extends StmtBase {
  readonly kind: "classDecl";
  readonly cls: ClassExpr;
}

/** `import math`, `import numpy as np`, `from math import exp`; TypeScript imports are Nothing. `import a, b` is two. */
export interface Import extends StmtBase {
  readonly kind: "import";
  readonly module: string;
  readonly moduleSpan: Span;
  /** `import m as alias` binds alias (or m); `from m import a as b` binds each name. */
  readonly alias: string | undefined;
  readonly names: readonly { readonly name: string; readonly alias: string | undefined; readonly span: Span }[] | undefined;
}

/** Python's `global x, y` / `nonlocal x`. */
export interface Scope extends StmtBase {
  readonly kind: "global" | "nonlocal";
  readonly names: readonly Name[];
}

export interface Assert extends StmtBase {
  readonly kind: "assert";
  readonly test: Expr;
  readonly message: Expr | undefined;
}

/** Python's `raise E("…")`, TypeScript's `throw new Error("…")`: an error at its position with its message. */
export interface Raise extends StmtBase {
  readonly kind: "raise";
  readonly value: Expr | undefined;
}

export interface Del extends StmtBase {
  readonly kind: "del";
  readonly targets: readonly Target[];
}

/** What runs as nothing: `pass`, `;`, `...`, type-only syntax (`type`, `interface`, `declare`), TS imports/exports. */
export interface Nothing extends StmtBase {
  readonly kind: "nothing";
}

/**
 * A syntax construct GradLens does not run, found while lowering: an error at its span naming it ("`switch` is not
 * supported"). It stands where the construct stood, as an expression or a statement (a class or function with an
 * unsupported part becomes one as a whole, as the interpreter rejects it when it is defined); the lowering also
 * lists every one it made, so they can be reported before anything runs.
 */
export interface Unsupported extends Span {
  readonly kind: "unsupported";
  readonly what: string;
}
