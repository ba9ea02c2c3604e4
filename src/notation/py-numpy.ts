// Runs anywhere: `numpy` and `torch` as Python files import them: the notation's tensor built-ins under NumPy's and
// PyTorch's names, with their keyword arguments (`np.sum(a, axis=0, keepdims=True)`, `torch.tensor(x,
// requires_grad=True)`), elementwise math on tensors and numbers alike, and `np.random` on NumPy's legacy generator.
import type { Interp } from "./interp";
import { Namespace } from "./members";
import { unary } from "./mathfns";
import type { NpRandom } from "./python/nprandom";
import { num } from "./py-modules";
import { pyFloat } from "./py-values";
import { tensorResult } from "./py-tensors";
import { tensorNamespace } from "./tensor-globals";
import { makeTensor, reduce, shapeArgs, tensorParam, wrap, type Site } from "./tensors";
import { Builtin, builtinEntry, Obj, Tensor, isNumber, type Value } from "./values";

/** Keyword arguments arrive as a trailing options object: split it off. */
function options(args: Value[]): { args: Value[]; opts: Map<string, Value> } {
  const last = args[args.length - 1];
  if (last instanceof Obj && last.constructor === Obj) return { args: args.slice(0, -1), opts: last.props };
  return { args, opts: new Map() };
}

/** `np.sum(a, axis=0, keepdims=True)` and `np.mean`: NumPy drops the reduced axis unless keepdims. */
function reduction(ip: Interp, kind: "sum" | "mean", all: Value[], site: Site): Value {
  const { args, opts } = options(all);
  const a = args[0], axis = opts.get("axis") ?? opts.get("dim") ?? args[1], keep = opts.get("keepdims") ?? opts.get("keepdim");
  if (!(a instanceof Tensor) && !Array.isArray(a)) return a;
  const t = reduce(ip, kind, a, axis ?? undefined, site);
  if (kind === "sum") tensorResult("sum", t, a);
  if (axis === undefined || axis === null) return t;
  const shape = t.shape, before = a instanceof Tensor ? a.shape : [];
  const kept = shape.length === before.length;
  if (keep === true && !kept && before.length === 2) return wrap(ip, ip.tape.reshape(t.node, num(ip, axis, "axis", site) === 0 ? [1, shape[0]] : [shape[0], 1]));
  if (keep !== true && kept && shape.length === 2) return wrap(ip, ip.tape.reshape(t.node, [shape[0] * shape[1]]));
  return t;
}

/** An elementwise function on tensors and numbers (`np.exp`, `torch.tanh`). */
function elementwise(name: string, op = name): [string, Builtin] {
  return builtinEntry(name, (ip, [x], s) => {
    const r = unary(ip, op, Array.isArray(x) ? makeTensor(ip, x, s) : x, s);
    return typeof r === "number" ? pyFloat(ip, r) : r;
  }, 1);
}

/** Random tensors from NumPy's legacy generator, in row-major order. */
function npRandomTensor(ip: Interp, dims: Value[], normal: boolean, rng: NpRandom, site: Site): Value {
  if (dims.length === 0) return normal ? rng.randn(1)[0] : rng.rand(1)[0];
  const shape = shapeArgs(ip, dims, normal ? "np.random.randn" : "np.random.rand", site);
  const size = shape.reduce((a, b) => a * b, 1);
  ip.allocate(size, site);
  const data = normal ? rng.randn(size) : rng.rand(size);
  return wrap(ip, ip.tape.tensorConst({ shape, data: Float64Array.from(data) }));
}

export function numpyEntries(ns: "np" | "torch", rng: () => NpRandom): [string, Value][] {
  const out: [string, Value][] = [
    ...tensorNamespace(ns),
    builtinEntry("sum", (ip2, a, s) => reduction(ip2, "sum", a, s), 1, 3),
    builtinEntry("mean", (ip2, a, s) => reduction(ip2, "mean", a, s), 1, 3),
    ...["exp", "log", "tanh", "sqrt", "abs", "sin", "cos"].map((n) => elementwise(n)),
    elementwise("sigmoid"),
    builtinEntry("maximum", (ip2, [a, b], s) => {
      if (isNumber(b) && ip2.plain(b) === 0) return unary(ip2, "relu", Array.isArray(a) ? makeTensor(ip2, a, s) : a, s);
      if (isNumber(a) && ip2.plain(a) === 0) return unary(ip2, "relu", Array.isArray(b) ? makeTensor(ip2, b, s) : b, s);
      throw ip2.error(`\`${ns}.maximum\` is supported against 0 only (it is relu)`, s);
    }, 2),
    ["pi", Math.PI], ["e", Math.E],
  ];
  if (ns === "torch") {
    out.push(builtinEntry("tensor", (ip2, all, s) => {
      const { args, opts } = options(all);
      const t = makeTensor(ip2, args[0], s);
      return opts.get("requires_grad") === true ? tensorParam(ip2, t, ip2.namePath ?? `p${ip2.store.size}`, s) : t;
    }, 1, 2));
  } else {
    out.push(builtinEntry("array", (ip2, all, s) => {
      const x = options(all).args[0];
      return tensorResult("T", makeTensor(ip2, x, s), x);
    }, 1, 2));
    out.push(["random", new Namespace("np.random", [
      builtinEntry("seed", (ip2, [n], s) => (rng().seed(ip2.seedOverride ?? num(ip2, n, "np.random.seed", s)), null), 1),
      builtinEntry("randn", (ip2, dims, s) => npRandomTensor(ip2, dims, true, rng(), s), 0, 3),
      builtinEntry("rand", (ip2, dims, s) => npRandomTensor(ip2, dims, false, rng(), s), 0, 3),
      builtinEntry("uniform", (ip2, [lo, hi], s) => rng().uniform(lo === undefined ? 0 : num(ip2, lo, "uniform", s), hi === undefined ? 1 : num(ip2, hi, "uniform", s)), 0, 2),
      builtinEntry("normal", (ip2, [m, sd], s) => rng().normal(m === undefined ? 0 : num(ip2, m, "normal", s), sd === undefined ? 1 : num(ip2, sd, "normal", s)), 0, 2),
    ])]);
  }
  return out;
}
