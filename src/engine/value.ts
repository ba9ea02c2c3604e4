// Runs anywhere (extension host, CLI, tests, docs): a micrograd-like Value over the tape, for readable examples.
// Every Value is just (tape, node id); arithmetic records on the same tape, so nothing here is slower to
// back-propagate than raw tape calls, and backward() is the tape's one reverse sweep (no recursion).
import { Tape } from "./tape";

export type ValueLike = Value | number;

export class Value {
  constructor(readonly tape: Tape, readonly id: number) {}

  /** A leaf (Input) on `tape`, or on a fresh tape when none is given. */
  static of(data: number, name?: string, tape: Tape = new Tape()): Value {
    return new Value(tape, tape.input(data, name));
  }

  /** A trainable leaf (Param). */
  static param(data: number, name?: string, tape: Tape = new Tape()): Value {
    return new Value(tape, tape.param(data, name));
  }

  get data(): number {
    return this.tape.val[this.id];
  }

  /** ∂target/∂this after the last backward() on this tape. */
  get grad(): number {
    return this.tape.grad[this.id];
  }

  get flags(): number {
    return this.tape.flags[this.id];
  }

  add(o: ValueLike): Value { return this.wrap(this.tape.add(this.id, this.node(o))); }
  sub(o: ValueLike): Value { return this.wrap(this.tape.sub(this.id, this.node(o))); }
  mul(o: ValueLike): Value { return this.wrap(this.tape.mul(this.id, this.node(o))); }
  div(o: ValueLike): Value { return this.wrap(this.tape.div(this.id, this.node(o))); }
  mod(o: ValueLike): Value { return this.wrap(this.tape.mod(this.id, this.node(o))); }
  /** A number exponent records PowConst (no edge to the exponent); a Value exponent records Pow (two edges). */
  pow(o: ValueLike): Value {
    return this.wrap(typeof o === "number" ? this.tape.powConst(this.id, o) : this.tape.pow(this.id, this.node(o)));
  }
  neg(): Value { return this.wrap(this.tape.neg(this.id)); }
  exp(): Value { return this.wrap(this.tape.exp(this.id)); }
  log(): Value { return this.wrap(this.tape.log(this.id)); }
  sqrt(): Value { return this.wrap(this.tape.sqrt(this.id)); }
  sin(): Value { return this.wrap(this.tape.sin(this.id)); }
  cos(): Value { return this.wrap(this.tape.cos(this.id)); }
  tan(): Value { return this.wrap(this.tape.tan(this.id)); }
  tanh(): Value { return this.wrap(this.tape.tanh(this.id)); }
  sigmoid(): Value { return this.wrap(this.tape.sigmoid(this.id)); }
  relu(): Value { return this.wrap(this.tape.relu(this.id)); }
  abs(): Value { return this.wrap(this.tape.abs(this.id)); }

  /** Gradients of this value with respect to every node of its tape; fresh unless accumulate is set. */
  backward(accumulate = false): void {
    this.tape.backward(this.id, accumulate);
  }

  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }

  private node(o: ValueLike): number {
    if (typeof o === "number") return this.tape.const(o);
    if (o.tape !== this.tape) throw new Error("Value: operands live on different tapes");
    return o.id;
  }

  private wrap(id: number): Value {
    return new Value(this.tape, id);
  }
}

/**
 * A maker of leaves on one shared tape, so values can be combined: `const v = valuesOn(); const x = v(53, "x");`.
 * (Each Value.of without a tape starts its own tape, and values on different tapes cannot be combined.)
 */
export function valuesOn(tape: Tape = new Tape()): (data: number, name?: string) => Value {
  return (data, name) => Value.of(data, name, tape);
}

/** Σ values as one Sum node. */
export function sumValues(xs: readonly Value[]): Value {
  if (xs.length === 0) throw new RangeError("sumValues: no values");
  const t = xs[0].tape;
  return new Value(t, t.sum(xs.map((x) => x.id)));
}
