// Runs anywhere: the differentiable functions of the notation (`exp log sqrt sin cos tan tanh sigmoid relu abs
// pow`). On constants they compute plain numbers with the tape's own formulas; on graph values they record a node.
import type { Span } from "./tree";
import { activationValue, type Tape } from "../engine";
import { arith } from "./arith";
import type { Interp } from "./interp";
import { tensorUnary } from "./tensors";
import { Tensor, isNumber, typeName, type Value } from "./values";

type Unary = "exp" | "log" | "sqrt" | "sin" | "cos" | "tan" | "tanh" | "sigmoid" | "relu" | "abs";

const PLAIN: Record<Unary, (x: number) => number> = {
  exp: Math.exp, log: Math.log, sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos, tan: Math.tan, tanh: Math.tanh,
  sigmoid: (x) => activationValue("sigmoid", x), relu: (x) => (x > 0 ? x : 0), abs: Math.abs,
};

const RECORD: Record<Unary, (t: Tape, a: number) => number> = {
  exp: (t, a) => t.exp(a), log: (t, a) => t.log(a), sqrt: (t, a) => t.sqrt(a), sin: (t, a) => t.sin(a),
  cos: (t, a) => t.cos(a), tan: (t, a) => t.tan(a), tanh: (t, a) => t.tanh(a), sigmoid: (t, a) => t.sigmoid(a),
  relu: (t, a) => t.relu(a), abs: (t, a) => t.abs(a),
};

export const UNARY_NAMES: ReadonlySet<string> = new Set(Object.keys(PLAIN));

export function unary(ip: Interp, name: string, x: Value, site: Span): Value {
  if (x instanceof Tensor) return tensorUnary(ip, name, x, site);
  if (!isNumber(x)) throw ip.error(`\`${name}\` expects a number, got ${typeName(x)}`, site);
  const f = name as Unary;
  if (typeof x === "number") return PLAIN[f](x);
  ip.at(site);
  return ip.num(RECORD[f](ip.tape, ip.node(x)));
}

/** `pow(a, b)` is `a ** b`. */
export function power(ip: Interp, a: Value, b: Value, site: Span): Value {
  return arith(ip, "**", a, b, site);
}
