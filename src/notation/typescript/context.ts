// Runs anywhere: the state of lowering one TypeScript source file (from parse.ts) to GradLens's tree: spans as
// document offsets, and the interpreter's own wording for constructs it does not run.
import type * as TS from "typescript";
import { Lowering, Rejected } from "../lowering";
import { ts } from "../parse";
import type { Span, Unsupported } from "../tree";

/** The interpreter's messages for constructs it names (expressions.ts); others are named after their syntax kind. */
const NAMED: Record<string, string> = {
  SuperKeyword: "`super` is supported as `super(…)` and `super.m(…)` only",
  SwitchStatement: "`switch` is not supported", TryStatement: "`try` is not supported",
  ForInStatement: "`for … in` is not supported (use `for … of`)",
  LabeledStatement: "labelled statements are not supported",
  EnumDeclaration: "`enum` is not supported", AwaitExpression: "`await` is not supported",
  YieldExpression: "`yield` is not supported", TypeOfExpression: "`typeof` is not supported",
  DeleteExpression: "`delete` is not supported", RegularExpressionLiteral: "regular expressions are not supported",
  WithStatement: "`with` is not supported", DebuggerStatement: "`debugger` is not supported",
};

let named: Map<TS.SyntaxKind, string> | undefined;

/** "`switch` is not supported", "void expression is not supported": what the interpreter says of n. */
export function describe(n: TS.Node): string {
  const K = ts().SyntaxKind;
  // By kind number: SyntaxKind's reverse map gives aliases for some (DebuggerStatement reads back as LastStatement).
  named ??= new Map(Object.entries(NAMED).map(([k, msg]) => [K[k as keyof typeof K], msg]));
  return named.get(n.kind) ?? `${K[n.kind].replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} is not supported`;
}

export class TsLowering extends Lowering {
  readonly K: typeof TS.SyntaxKind;

  constructor(
    readonly sf: TS.SourceFile,
    base: number,
    doc: string,
  ) {
    super(base, doc);
    this.K = ts().SyntaxKind;
  }

  start(n: TS.Node): number {
    return this.base + n.getStart(this.sf);
  }

  end(n: TS.Node): number {
    return this.base + n.end;
  }

  span(n: TS.Node): Span {
    return { start: this.start(n), end: this.end(n) };
  }

  /** Reject n with this message: the nearest expression or statement becomes Unsupported. */
  rejectNode(what: string, n: TS.Node): never {
    return this.reject(what, this.start(n), this.end(n));
  }

  /** Reject n with the interpreter's message for its kind. */
  notSupported(n: TS.Node): never {
    return this.rejectNode(describe(n), n);
  }

  /** Run a slot's lowering one level deeper; a rejection inside it becomes the slot's Unsupported node. */
  slot<T>(n: TS.Node, lower: (cx: TsLowering, n: TS.Node) => T): T | Unsupported {
    this.enter(this.start(n), this.end(n));
    try {
      return lower(this, n);
    } catch (e) {
      if (e instanceof Rejected) return e.node;
      throw e;
    } finally {
      this.leave();
    }
  }

  /** The modifier of kind k on n, if any. */
  modifier(n: TS.Node, k: TS.SyntaxKind): TS.Node | undefined {
    const t = ts();
    return t.canHaveModifiers(n) ? t.getModifiers(n)?.find((m) => m.kind === k) : undefined;
  }

  /** Decorators are not run: the first one is an error. */
  rejectDecorators(n: TS.Node): void {
    const t = ts(), deco = t.canHaveDecorators(n) ? t.getDecorators(n)?.[0] : undefined;
    if (deco !== undefined) this.rejectNode("decorators are not supported", deco);
  }
}
