// Runs anywhere: the method spellings of opfns.ts's ops on a tensor value, as PyTorch writes them: `t.clamp(lo, hi)`,
// `t.softmax(axis)`, `t.max(axis)`, `t.gt(0)`, `t.detach()`, `t.transpose(-2, -1)`, … (tensor-members.ts asks here
// for the names it does not hold itself).
import type { Interp } from "./interp";
import { ALONG, ONE_INPUT, along, clampOf, compare, elementwiseOp, leakyReluOf, oneInput } from "./opfns";
import { axisValue, guard, tensorNode, tensorUnary, transpose, wrap } from "./tensors";
import { Builtin, Tensor, type CallSite, type Value } from "./values";

const SNAKE: Record<string, string> = { log_softmax: "logSoftmax", leaky_relu: "leakyRelu" };

/** Method names answered here. */
export const OP_METHODS: readonly string[] = [
  "clamp", "clip", "max", "min", "amax", "amin", "maximum", "minimum", "where", "gt", "lt", "ge", "le", "abs", "sin",
  "cos", "tan", "leakyRelu", "leaky_relu", "transpose", "mT", ...Object.keys(ONE_INPUT), ...Object.keys(ALONG), "log_softmax",
];

/** `t.max()`, `t.max(axis)` (the values along axis, kept with length 1), `t.max(other)` elementwise. */
function extremeMethod(ip: Interp, a: Tensor, big: boolean, args: Value[], site: CallSite): Value {
  const [x] = args;
  if (x instanceof Tensor || Array.isArray(x)) {
    return elementwiseOp(ip, big ? "max" : "min", [a, x], site, () => NaN, (T, [p, q]) => (big ? T.maximum(p, q) : T.minimum(p, q)));
  }
  const ax = axisValue(ip, x, big ? "max" : "min", site), node = tensorNode(ip, a, big ? "max" : "min", site);
  ip.at(site);
  return wrap(ip, guard(ip, site, () => (big ? ip.tape.max(node, ax) : ip.tape.min(node, ax))));
}

/** `t.transpose()` or `t.transpose(d0, d1)` naming the last two axes (the only swap the engine has). */
export function transposeAxes(ip: Interp, v: Value, args: Value[], site: CallSite): Tensor {
  const a = v instanceof Tensor ? v : wrap(ip, tensorNode(ip, v, "transpose", site));
  if (args.length === 1) throw ip.error("`transpose` takes both axes to swap (such as -2, -1), or none", site);
  if (args.length === 2) {
    const r = a.shape.length, norm = (v: Value) => {
      const k = axisValue(ip, v, "transpose", site) ?? NaN;
      return k < 0 ? k + r : k;
    };
    const axes = [norm(args[0]), norm(args[1])].sort((p, q) => p - q);
    if (r < 2 || axes[0] !== r - 2 || axes[1] !== r - 1) {
      throw ip.error(`\`transpose\` swaps the last two axes only (${r - 2} and ${r - 1}, or -2 and -1) of a tensor of shape [${a.shape.join(",")}]`, site);
    }
  }
  return transpose(ip, a, site);
}

/** The method `name` of tensor a, or undefined when it is not one of the ops here. */
export function opMethod(ip: Interp, a: Tensor, name: string, site: CallSite): Value {
  const m = (min: number, max: number, impl: (ip2: Interp, args: Value[], s: CallSite) => Value) => new Builtin(name, impl, min, max);
  const op = SNAKE[name] ?? name;
  switch (op) {
    case "clamp": case "clip": return m(1, 2, (ip2, [lo, hi], s) => clampOf(ip2, a, lo, hi, s));
    case "max": case "min": case "amax": case "amin": return m(0, 1, (ip2, args, s) => extremeMethod(ip2, a, op.endsWith("max"), args, s));
    case "maximum": case "minimum": return m(1, 1, (ip2, args, s) => extremeMethod(ip2, a, op === "maximum", args, s));
    // torch's t.where(cond, other): t where cond, else other.
    case "where": return m(2, 2, (ip2, [c, b], s) => elementwiseOp(ip2, "where", [c, a, b], s, () => NaN, (T, [p, x, y]) => T.where(p, x, y)));
    case "gt": case "lt": case "ge": case "le": return m(1, 1, (ip2, [b], s) => compare(ip2, op, a, b, s));
    case "abs": case "sin": case "cos": case "tan": return m(0, 0, (ip2, _x, s) => tensorUnary(ip2, op, a, s));
    case "leakyRelu": return m(0, 1, (ip2, [k], s) => leakyReluOf(ip2, a, k, s));
    case "transpose": return m(0, 2, (ip2, args, s) => transposeAxes(ip2, a, args, s));
    case "mT": return transpose(ip, a, site);
    default:
      if (op in ONE_INPUT) return m(0, 0, (ip2, _x, s) => oneInput(ip2, op, a, s));
      if (op in ALONG) return m(0, 1, (ip2, [ax], s) => along(ip2, op, a, ax, s));
      return undefined;
  }
}
