// Runs anywhere: the members of a tensor value: `a.T`, `a.shape`, `a.matmul(b)`, `a.sum(0)`, masks, `item()`, and
// the attributes a file sets on a tensor (seed 002's `inp.g = …`).
import { toNested } from "../engine";
import type { Interp } from "./interp";
import {
  matmul, reduce, reshape, row, tensorArith, tensorNode, tensorUnary, transpose, type Site,
} from "./tensors";
import { OP_METHODS, opMethod } from "./op-methods";
import { Builtin, Tensor, isNumber, type Value } from "./values";

/** Attributes the interpreter owns; a file may set any other (`inp.g = …`). */
export const TENSOR_MEMBERS = new Set([
  "T", "shape", "length", "t", "matmul", "mm", "dot", "sum", "mean", "pow", "exp", "log", "tanh", "sigmoid", "relu",
  "sqrt", "neg", "reshape", "view", "item", "add", "sub", "mul", "div", "gt", "lt", "clampMin", "clamp_min",
  "squeeze", "unsqueeze", "tolist", "row", "float", ...OP_METHODS,
]);

/** `a.T`, `a.shape`, `a.matmul(b)`, `a.sum(0)`, `a.g` and the rest. */
export function tensorMember(ip: Interp, a: Tensor, name: string, site: Site): Value {
  const m = (n: string, min: number, max: number, impl: (ip2: Interp, args: Value[], s: Site) => Value) =>
    new Builtin(n, impl, min, max);
  switch (name) {
    case "T": return transpose(ip, a, site);
    case "shape": return [...a.shape];
    case "length": return a.shape.length === 0 ? 1 : a.shape[0];
    case "t": return m("t", 0, 0, (ip2, _x, s) => transpose(ip2, a, s));
    case "matmul": case "mm": case "dot": return m(name, 1, 1, (ip2, [b], s) => matmul(ip2, a, b, s));
    case "sum": case "mean": return m(name, 0, 1, (ip2, [ax], s) => reduce(ip2, name, a, ax, s));
    case "pow": return m("pow", 1, 1, (ip2, [k], s) => tensorArith(ip2, "**", a, k, s));
    case "exp": case "log": case "tanh": case "sigmoid": case "relu": case "sqrt": case "neg":
      return m(name, 0, 0, (ip2, _x, s) => tensorUnary(ip2, name, a, s));
    case "add": case "sub": case "mul": case "div": {
      const op = ({ add: "+", sub: "-", mul: "*", div: "/" } as const)[name];
      return m(name, 1, 1, (ip2, [b], s) => tensorArith(ip2, op, a, b, s));
    }
    case "reshape": case "view": return m(name, 1, 3, (ip2, dims, s) => reshape(ip2, a, dims, s));
    case "squeeze": return m("squeeze", 0, 1, (ip2, _x, s) => reshape(ip2, a, a.shape.filter((d) => d !== 1).length > 0
      ? a.shape.filter((d) => d !== 1) : [], s));
    case "unsqueeze": return m("unsqueeze", 1, 1, (ip2, [ax], s) => {
      const k = isNumber(ax) ? ip2.plain(ax) : NaN, sh = a.shape;
      if (sh.length !== 1) throw ip2.error(`\`unsqueeze\` needs a vector, got shape [${sh.join(",")}]`, s);
      return reshape(ip2, a, k === 0 ? [1, sh[0]] : [sh[0], 1], s);
    });
    case "item": return m("item", 0, 0, (ip2, _x, s) => {
      if (a.size !== 1) throw ip2.error(`\`item\` needs a one-element tensor, got shape [${a.shape.join(",")}]`, s);
      ip2.at(s);
      return ip2.num(ip2.tape.item(tensorNode(ip2, a, "item", s)));
    });
    case "row": return m("row", 1, 1, (ip2, [k], s) => row(ip2, a, k, s));
    case "float": return m("float", 0, 0, () => a);
    case "clampMin": case "clamp_min": return m(name, 1, 1, (ip2, [c], s) => {
      const k = isNumber(c) ? ip2.plain(c) : NaN;
      if (k === 0) return tensorUnary(ip2, "relu", a, s);
      return tensorArith(ip2, "+", tensorUnary(ip2, "relu", tensorArith(ip2, "-", a, k, s), s), k, s);
    });
    case "tolist": return m("tolist", 0, 0, (ip2, _x, s) => {
      ip2.allocate(a.size, s);
      return toNested(a.tape.tensorData(a.node));
    });
    default:
      // opMethod answers OP_METHODS' names and gives undefined for the rest (a file's own attribute, or none).
      return opMethod(ip, a, name, site) ?? a.props.get(name);
  }
}

/** `t.g = …`: a file's own attribute on a tensor; the interpreter's members cannot be overwritten. */
export function setTensorAttribute(ip: Interp, t: Tensor, name: string, v: Value, site: Site): void {
  if (TENSOR_MEMBERS.has(name)) throw ip.error(`cannot set \`${name}\` of a tensor`, site);
  t.props.set(name, v);
}
