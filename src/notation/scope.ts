// Runs anywhere: the interpreter's scopes: names bound to values, chained to the enclosing scope.
import type { Value } from "./values";

interface Binding {
  value: Value;
  readonly constant: boolean;
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  /** Python: names declared `global` / `nonlocal` in this function's body. */
  globals: Set<string> | undefined;
  nonlocals: Set<string> | undefined;
  constructor(
    readonly parent: Scope | undefined,
    /** Function (or program) scope: where `var` declares. */
    readonly isFunction = false,
  ) {}

  lookup(name: string): Binding | undefined {
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    for (let s = this.parent; s !== undefined; s = s.parent) {
      const b = s.vars.get(name);
      if (b !== undefined) return b;
    }
    return undefined;
  }

  declare(name: string, value: Value, constant: boolean): void {
    this.vars.set(name, { value, constant });
  }

  /** A copy of this scope's own bindings (a `for` loop's per-iteration environment). */
  copy(): Scope {
    const s = new Scope(this.parent, this.isFunction);
    for (const [k, b] of this.vars) s.vars.set(k, { value: b.value, constant: b.constant });
    return s;
  }
}
