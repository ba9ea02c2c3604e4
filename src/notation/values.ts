// Runs anywhere: the values the interpreter works with. A plain JS number is a constant (constant arithmetic folds
// and draws nothing); a Num is a node of a tape. Arrays are JS arrays; objects and functions are classes here.
import type { Tape } from "../engine";
import type { Interp } from "./interp";
import type { Span } from "./tree";

/** A graph node. Remembers its tape: a Num from another tape (a gradient check's scratch tape) reads as a constant. */
export class Num {
  constructor(
    readonly tape: Tape,
    readonly node: number,
  ) {}
  get value(): number {
    return this.tape.val[this.node];
  }
}

/**
 * A tensor node of a tape (rank 0 to 2). props holds attributes a file sets on it, such as seed 002's
 * hand-written gradient `inp.g = …`: plain values the interpreter keeps, not autograd's gradient.
 */
export class Tensor {
  readonly props = new Map<string, Value>();
  constructor(
    readonly tape: Tape,
    readonly node: number,
  ) {}
  get shape(): readonly number[] {
    return this.tape.shape(this.node);
  }
  get size(): number {
    return this.tape.tensorValue(this.node).length;
  }
}

export class Obj {
  readonly props = new Map<string, Value>();
  constructor(entries?: Iterable<[string, Value]>) {
    if (entries !== undefined) for (const [k, v] of entries) this.props.set(k, v);
  }
}

/** Where a call or an operation stands in the document (a node of the tree: every node has its span). */
export type CallSite = Span;

/** Anything callable: a built-in, a closure (see Closure in calls.ts) or a model. */
export abstract class Fn {
  /** Properties such as `model.parameters`. */
  readonly props = new Map<string, Value>();
  constructor(public name: string) {}
  /** `self` is the receiver of a method call `obj.m(…)` (`this` in methods; classes.ts). */
  abstract call(ip: Interp, args: Value[], site: CallSite, self?: Value, kw?: Map<string, Value>): Value;
}

export type BuiltinImpl = (ip: Interp, args: Value[], site: CallSite) => Value;

export class Builtin extends Fn {
  constructor(
    name: string,
    readonly impl: BuiltinImpl,
    readonly minArgs: number,
    readonly maxArgs: number,
  ) {
    super(name);
  }
  call(ip: Interp, args: Value[], site: CallSite, _self?: Value, kw?: Map<string, Value>): Value {
    // Python's keyword arguments reach a built-in as its trailing options object (`mlp(s, activation="relu")`).
    if (kw !== undefined && kw.size > 0) args = [...args, new Obj(kw)];
    if (args.length < this.minArgs || args.length > this.maxArgs) {
      const want = this.minArgs === this.maxArgs ? `${this.minArgs}` : this.maxArgs === Infinity
        ? `at least ${this.minArgs}` : `${this.minArgs} to ${this.maxArgs}`;
      throw ip.error(`\`${this.name}\` expects ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`, site);
    }
    return this.impl(ip, args, site);
  }
}

/** A built-in as a namespace's or the globals' entry: its name and the function. */
export function builtinEntry(name: string, impl: BuiltinImpl, min: number, max = min): [string, Builtin] {
  return [name, new Builtin(name, impl, min, max)];
}

export type Value = number | Num | boolean | string | null | undefined | Value[] | Obj | Fn | Tensor;

/** out.push(...v) for any length: no limit on the count, and a large v grows out once instead of element by element. */
export function append(out: Value[], v: readonly Value[]): void {
  const base = out.length, n = v.length;
  if (n < 64) {
    for (let k = 0; k < n; k++) out.push(v[k]);
    return;
  }
  out.length = base + n;
  for (let k = 0; k < n; k++) out[base + k] = v[k];
}

export function isNumber(v: Value): v is number | Num {
  return typeof v === "number" || v instanceof Num;
}

/** How a value is named in messages. */
export function typeName(v: Value): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "number" || v instanceof Num) return "number";
  if (Array.isArray(v)) return "array";
  if (v instanceof Tensor) return `tensor [${v.shape.join(",")}]`;
  if (v instanceof Fn) return "function";
  if (v instanceof Obj) return "object";
  return typeof v;
}

/** Short text for call-group labels such as `forward(1, 0)` (arrays shown two levels deep: they can nest without end). */
export function brief(v: Value): string {
  return briefAt(v, 0);
}

function briefAt(v: Value, depth: number): string {
  if (typeof v === "number") return fmt(v);
  if (v instanceof Num) return fmt(v.value);
  if (Array.isArray(v)) return v.length <= 4 && depth < 2 ? `[${v.map((x) => briefAt(x, depth + 1)).join(", ")}]` : `[…${v.length}]`;
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Tensor) return `tensor[${v.shape.join(",")}]`;
  if (v instanceof Fn) return v.name || "fn";
  if (v instanceof Obj) return "{…}";
  return String(v);
}

export function fmt(x: number): string {
  return Number.isInteger(x) || !Number.isFinite(x) ? String(x) : String(Number(x.toPrecision(4)));
}
